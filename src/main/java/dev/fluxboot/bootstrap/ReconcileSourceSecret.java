package dev.fluxboot.bootstrap;

import java.util.Optional;

/**
 * Creates or updates the source secret in the cluster (never in Git). A secret that is kept
 * (a re-run without new key material) is not written; one that would not change is not
 * written either (server-side apply compares first).
 */
final class ReconcileSourceSecret implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "source secret";
    }

    @Override
    public void run(BootstrapContext context) {
        String subject = context.namespace() + "/" + context.request().target().secretName();
        context.reporter().action("determining if source secret \"" + subject + "\" exists");
        Optional<SourceSecret> secret = context.credentials().secret();
        if (secret.isEmpty()) {
            context.reporter().success("source secret up to date");
            return;
        }
        context.reporter().action("applying source secret \"" + subject + "\"");
        context.cluster().applySecret(context.namespace(), context.request().target().secretName(), null,
                secret.get().data());
        context.reporter().success("reconciled source secret");
    }
}
