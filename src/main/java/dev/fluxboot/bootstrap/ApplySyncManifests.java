package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ObjectChange;

import java.util.List;
import java.util.Set;

/**
 * Applies {@code <path>/<ns>/kustomization.yaml} (components, sync manifests and the user's
 * patches) on every run, as {@code kubectl apply --server-side -k} would: the upgrade reaches
 * the cluster here, and an unchanged run writes nothing.
 */
final class ApplySyncManifests implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "apply sync";
    }

    @Override
    public void run(BootstrapContext context) {
        context.reporter().action("applying sync manifests");
        String directory = context.request().target().fluxDirectory(context.namespace());
        List<ObjectChange> changes = context.cluster().apply(
                FluxDirectory.build(context, context.branch(), directory, Set.of()), context.remaining());
        if (context.verbose()) {
            changes.forEach(change -> context.reporter().info(change.toString()));
        }
        context.reporter().success("reconciled sync configuration");
    }
}
