package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;

/** {@code install}: the components, applied in stages (CRDs first), each object's change reported. */
final class ApplyComponents implements Step {

    @Override
    public String name() {
        return "apply components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(CLUSTER, COMPONENTS);
    }

    @Override
    public void run(Run run) {
        run.get(CLUSTER).apply(run.get(COMPONENTS).objects(), run.remaining())
                .forEach(change -> run.reporter().info(change.toString()));
    }
}
