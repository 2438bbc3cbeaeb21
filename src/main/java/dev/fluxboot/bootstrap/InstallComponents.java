package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ObjectChange;
import dev.fluxboot.git.RemoteBranch;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Installs the components directly while Flux does not manage itself yet: while the
 * Kustomization {@code <ns>/<ns>} is missing or has no {@code status.lastAppliedRevision}. When
 * the folder already has a kustomization.yaml (a user's patches), the components go through it,
 * so the patches apply from the start; gotk-sync.yaml, not written yet, is left out.
 */
final class InstallComponents implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "install components";
    }

    @Override
    public void run(BootstrapContext context) {
        String namespace = context.namespace();
        boolean managed = context.cluster().get(FluxObjects.KUSTOMIZATION, namespace, namespace)
                .flatMap(kustomization -> ObjectFields.text(kustomization, "status", "lastAppliedRevision"))
                .isPresent();
        if (!managed) {
            context.reporter().action("installing components in \"" + namespace + "\" namespace");
            List<ObjectChange> changes = context.cluster().apply(objects(context), context.remaining());
            if (context.verbose()) {
                changes.forEach(change -> context.reporter().info(change.toString()));
            }
            context.reporter().success("installed components");
        }
        context.reporter().success("reconciled components");
    }

    private static List<Map<String, Object>> objects(BootstrapContext context) {
        SyncTarget target = context.request().target();
        String namespace = context.namespace();
        RemoteBranch branch = context.branch();
        if (branch.exists(target.kustomizationFile(namespace))) {
            return FluxDirectory.build(context, branch, target.fluxDirectory(namespace), Set.of(SyncTarget.SYNC_FILE));
        }
        return context.components().objects();
    }
}
