package dev.fluxboot.bootstrap;

import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RepositoryResult;

import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.FORGE;
import static dev.fluxboot.bootstrap.Products.FORGE_REQUEST;
import static dev.fluxboot.bootstrap.Products.REPOSITORY;

/** Step 1 (forges): the repository exists, with the visibility and team access asked for. */
final class ReconcileRepository implements Step {

    @Override
    public String name() {
        return "reconcile repository";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(FORGE_REQUEST, FORGE);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(REPOSITORY);
    }

    @Override
    public void run(Run run) {
        GitHost host = run.get(FORGE);
        ForgeRequest wanted = run.get(FORGE_REQUEST);
        run.reporter().action("connecting to " + host.name());
        RepositoryResult result = host.reconcileRepository(wanted.spec(), run.dryRun());
        report(run, result.changes());
        run.put(REPOSITORY, new RepositoryLocation(result.repository().httpsCloneUrl(), Optional.of(result.repository())));
        if (!run.dryRun()) {
            run.reporter().success("repository \"" + result.repository().owner() + "/" + result.repository().name()
                    + "\" reconciled");
        }
    }

    /** The forge's changes: done, or in a dry run recorded as pending; warnings stay warnings. */
    static void report(Run run, Iterable<HostChange> changes) {
        for (HostChange change : changes) {
            if (change.warning()) {
                run.reporter().warning(change.description());
            } else if (run.dryRun()) {
                run.plan().add(PlannedChange.Area.HOST, change.description() + "\n", 1);
            } else {
                run.reporter().success(change.description());
            }
        }
    }
}
