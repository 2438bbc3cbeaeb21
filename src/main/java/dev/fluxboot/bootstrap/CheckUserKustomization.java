package dev.fluxboot.bootstrap;

import dev.fluxboot.git.RemoteBranch;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;

/**
 * A {@code kustomization.yaml} the user already has in {@code <path>/<namespace>/} is built once before
 * anything is committed, pushed or applied: a field fluxboot cannot build, or a broken patch, stops the
 * run here, not after the components were pushed.
 */
final class CheckUserKustomization implements Step {

    @Override
    public String name() {
        return "check kustomization";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, BRANCH);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        SyncTarget target = request.target();
        RemoteBranch branch = run.get(BRANCH);
        if (branch.exists(target.kustomizationFile(request.namespace()))) {
            // the two files the bootstrap writes may be listed before they exist
            FluxDirectory.build(branch, target.fluxDirectory(request.namespace()),
                    Set.of(SyncTarget.COMPONENTS_FILE, SyncTarget.SYNC_FILE));
        }
    }
}
