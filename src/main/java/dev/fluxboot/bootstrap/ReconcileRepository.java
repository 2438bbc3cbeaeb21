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
        RepositoryResult result = host.reconcileRepository(wanted.spec(), false);
        report(context, result.changes());
        context.hostRepository(result.repository());
        context.reporter().success("repository \"" + result.repository().owner() + "/" + result.repository().name()
                + "\" reconciled");
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
