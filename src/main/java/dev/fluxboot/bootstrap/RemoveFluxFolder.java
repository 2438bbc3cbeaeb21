package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.REMOVAL_REMOTE;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;
import static dev.fluxboot.bootstrap.Products.UNINSTALL_REPORT;

/** {@code uninstall --from-git git}: the cluster's folder removed from the branch; a failure is collected. */
final class RemoveFluxFolder implements Step {

    @Override
    public String name() {
        return "remove from git";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(UNINSTALL, REMOVAL_REMOTE, UNINSTALL_REPORT);
    }

    @Override
    public void run(Run run) {
        try {
            FolderRemoval.remove(run, run.get(REMOVAL_REMOTE), run.get(UNINSTALL).fromGit().orElseThrow());
        } catch (FluxbootException e) {
            run.get(UNINSTALL_REPORT).fail(e.getMessage());
        }
    }
}
