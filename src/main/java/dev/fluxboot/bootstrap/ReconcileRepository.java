package dev.fluxboot.bootstrap;

import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RepositoryResult;

/** Step 1 of forge commands: the repository exists, with the access and settings asked for. */
final class ReconcileRepository implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "reconcile repository";
    }

    @Override
    public void run(BootstrapContext context) {
        GitHost host = context.services().host().orElseThrow();
        HostRepository wanted = context.request().hostRepository().orElseThrow();
        context.reporter().action("connecting to " + host.name());
        RepositoryResult result = host.reconcileRepository(wanted.spec(), context.dryRun());
        if (context.dryRun()) {
            reportPending(context, result.changes());
            context.hostRepository(result.repository());
            return;
        }
        report(context, result.changes());
        context.hostRepository(result.repository());
        context.reporter().success("repository \"" + result.repository().owner() + "/" + result.repository().name()
                + "\" reconciled");
    }

    /** A dry run's host changes: listed on stdout and counted; failures stay warnings. */
    static void reportPending(BootstrapContext context, Iterable<HostChange> changes) {
        StringBuilder out = new StringBuilder();
        for (HostChange change : changes) {
            if (change.warning()) {
                context.reporter().warning(change.description());
            } else {
                context.pending().add(1);
                out.append(change.description()).append('\n');
            }
        }
        if (!out.isEmpty()) {
            context.reporter().result(out.toString());
        }
    }

    static void report(BootstrapContext context, Iterable<HostChange> changes) {
        for (HostChange change : changes) {
            if (change.warning()) {
                context.reporter().warning(change.description());
            } else {
                context.reporter().success(change.description());
            }
        }
    }
}
