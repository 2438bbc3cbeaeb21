package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ObjectChange;
import dev.fluxboot.git.RemoteBranch;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;

/**
 * Step 5: the components into the cluster, only while Flux does not yet manage itself (after that,
 * Flux applies gotk-components.yaml from Git). A user's kustomization.yaml with patches already in
 * the repository is honoured: the components go in as it builds them.
 */
final class InstallComponents implements Step {

    @Override
    public String name() {
        return "install components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, CLUSTER, BRANCH, COMPONENTS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        String namespace = request.namespace();
        Cluster cluster = run.get(CLUSTER);
        boolean managed = cluster.get(FluxObjects.KUSTOMIZATION, namespace, namespace)
                .flatMap(kustomization -> ObjectFields.text(kustomization, "status", "lastAppliedRevision"))
                .isPresent();
        if (!managed) {
            run.reporter().action("installing components in \"" + namespace + "\" namespace");
            List<Map<String, Object>> objects = objects(run, request);
            cluster.storageMigration().migrateFor(objects, run.remaining(), run.reporter());
            List<ObjectChange> changes = cluster.apply(objects, run.remaining());
            if (run.verbose()) {
                changes.forEach(change -> run.reporter().info(change.toString()));
            }
            run.reporter().success("installed components");
        }
        run.reporter().success("reconciled components");
    }

    private static List<Map<String, Object>> objects(Run run, BootstrapRequest request) {
        SyncTarget target = request.target();
        String namespace = request.namespace();
        RemoteBranch branch = run.get(BRANCH);
        if (branch.exists(target.kustomizationFile(namespace))) {
            return FluxDirectory.of(run, request).build(branch, target.fluxDirectory(namespace), Set.of(SyncTarget.SYNC_FILE));
        }
        return run.get(COMPONENTS).objects();
    }
}
