package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;

import java.util.List;

/**
 * Writes gotk-sync.yaml and, only when the folder has none, kustomization.yaml (an existing one
 * carries the user's patches and is kept), commits them as {@code Add Flux sync manifests}
 * and pushes. The decision about kustomization.yaml is made again on the new tip when a push
 * has to be redone.
 */
final class CommitSyncManifests implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "sync manifests";
    }

    @Override
    public void run(BootstrapContext context) {
        BootstrapRequest request = context.request();
        SyncTarget target = request.target();
        String namespace = context.namespace();
        context.reporter().action("generating sync manifests");
        SyncFiles files = context.services().syncFiles();
        String sync = files.gotkSync(new SyncSpec(namespace, namespace, context.credentials().syncUrl(),
                target.branch(), target.interval(), target.secretName(), target.path(), target.recurseSubmodules()));
        String kustomization = files.kustomization(List.of(SyncTarget.COMPONENTS_FILE, SyncTarget.SYNC_FILE));
        String syncFile = target.syncFile(namespace);
        String kustomizationFile = target.kustomizationFile(namespace);
        context.reporter().success("generated sync manifests");
        Commits.commitAndPush(context, "sync manifests", "Add Flux sync manifests", base -> {
            ChangeSet.Builder changes = ChangeSet.builder().put(syncFile, sync);
            if (!base.exists(kustomizationFile)) {
                changes.put(kustomizationFile, kustomization);
            }
            return changes.build();
        });
    }
}
