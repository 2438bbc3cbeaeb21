package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.manifests.KustomizationFileGenerator;
import dev.fluxboot.manifests.ManifestFile;
import dev.fluxboot.manifests.SyncManifestsGenerator;
import dev.fluxboot.manifests.SyncManifestsOptions;

import java.util.Map;
import java.util.Optional;

/**
 * Writes gotk-sync.yaml and, only when the folder has none, kustomization.yaml listing what
 * Flux's directory walk finds there (an existing one carries the user's patches and is kept),
 * commits them as {@code Add Flux sync manifests} and pushes. The decision about
 * kustomization.yaml is made again on the new tip when a push has to be redone.
 */
final class CommitSyncManifests implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "sync manifests";
    }

    @Override
    public void run(BootstrapContext context) {
        SyncTarget target = context.request().target();
        String namespace = context.namespace();
        context.reporter().action("generating sync manifests");
        ManifestFile sync = new SyncManifestsGenerator().generate(SyncManifestsOptions
                .defaults(context.credentials().syncUrl())
                .withInterval(target.interval())
                .withNamespace(namespace)
                .withBranch(target.branch())
                .withSecretName(target.secretName())
                .withTargetPath(target.path())
                .withRecurseSubmodules(target.recurseSubmodules()));
        String directory = target.fluxDirectory(namespace);
        context.reporter().success("generated sync manifests");
        Commits.commitAndPush(context, "sync manifests", "Add Flux sync manifests", base -> {
            ChangeSet.Builder changes = ChangeSet.builder().put(sync.path(), sync.content());
            // Flux writes gotk-sync.yaml first, then walks the folder for kustomization.yaml's resources.
            Map<String, String> files = FluxDirectory.files(base, directory);
            files.put(SyncTarget.SYNC_FILE, sync.content());
            Optional<ManifestFile> kustomization = new KustomizationFileGenerator().generate(directory, files);
            kustomization.ifPresent(file -> changes.put(file.path(), file.content()));
            return changes.build();
        });
    }
}
