package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ObjectChange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.CLUSTER;

/**
 * Step 8: applies {@code <path>/<ns>/kustomization.yaml} (components, sync manifests and the user's
 * patches), as {@code kubectl apply --server-side -k} would: the upgrade reaches the cluster here.
 * When Flux has already applied the branch's head through the same sync objects ({@link AppliedByFlux}),
 * a no-op re-run, there is nothing to apply. CRDs that drop a stored version get their
 * objects migrated first, reported ({@link dev.fluxboot.cluster.StorageMigration}).
 */
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
        if (AppliedByFlux.atHead(run)) {
            run.reporter().success("sync configuration already applied by Flux at "
                    + run.get(BRANCH).head().orElseThrow());
            return;
        }
        run.reporter().action("applying sync manifests");
        BootstrapRequest request = run.get(BOOTSTRAP);
        String directory = request.target().fluxDirectory(request.namespace());
        List<Map<String, Object>> objects = FluxDirectory.of(run, request).build(run.get(BRANCH), directory, Set.of());
        Cluster cluster = run.get(CLUSTER);
        cluster.storageMigration().migrateFor(objects, run.remaining(), run.reporter());
        List<ObjectChange> changes = cluster.apply(objects, run.remaining());
        if (run.verbose()) {
            changes.forEach(change -> run.reporter().info(change.toString()));
        }
        run.reporter().success("reconciled sync configuration");
    }
}
