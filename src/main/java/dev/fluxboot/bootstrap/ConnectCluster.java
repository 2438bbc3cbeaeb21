package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.CONNECTION;

/** Opens the cluster connection ({@code --kubeconfig}, {@code --context}); the run closes it. */
final class ConnectCluster implements Step {

    @Override
    public String name() {
        return "connect to cluster";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(CONNECTION);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(CLUSTER);
    }

    @Override
    public void run(Run run) {
        run.put(CLUSTER, run.world().clusters().connect(run.get(CONNECTION), run.remaining()));
    }
}
