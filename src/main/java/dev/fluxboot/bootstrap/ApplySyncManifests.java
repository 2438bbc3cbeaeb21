package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ObjectChange;

import java.util.List;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.CLUSTER;

/** Step 8: {@code <path>/<namespace>/} as its kustomization.yaml builds it, applied to the cluster. */
final class ApplySyncManifests implements Step {

    @Override
    public String name() {
        return "apply sync";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, BRANCH, CLUSTER);
    }

    @Override
    public void run(Run run) {
        run.reporter().action("applying sync manifests");
        BootstrapRequest request = run.get(BOOTSTRAP);
        String directory = request.target().fluxDirectory(request.namespace());
        List<ObjectChange> changes = run.get(CLUSTER).apply(
                FluxDirectory.of(run, request).build(run.get(BRANCH), directory, Set.of()), run.remaining());
        if (run.verbose()) {
            changes.forEach(change -> run.reporter().info(change.toString()));
        }
        run.reporter().success("reconciled sync configuration");
    }
}
