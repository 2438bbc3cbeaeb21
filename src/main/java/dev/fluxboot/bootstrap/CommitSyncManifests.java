package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.manifests.KustomizationFileGenerator;
import dev.fluxboot.manifests.ManifestFile;
import dev.fluxboot.manifests.SyncManifestsGenerator;
import dev.fluxboot.manifests.SyncManifestsOptions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;

/**
 * Writes gotk-sync.yaml and, only when the folder has none, kustomization.yaml listing what
 * Flux's directory walk finds there (an existing one carries the user's patches and is kept;
 * a {@code kustomization_override} replaces it),
 * commits them as {@code Add Flux sync manifests} and pushes. The decision about
 * kustomization.yaml is made again on the new tip when a push has to be redone.
 */
final class CommitSyncManifests implements Step {

    @Override
    public String name() {
        return "sync manifests";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, BRANCH, CREDENTIALS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        SyncTarget target = request.target();
        String namespace = request.namespace();
        run.reporter().action("generating sync manifests");
        ManifestFile sync = new SyncManifestsGenerator().generate(SyncManifestsOptions
                .defaults(run.get(CREDENTIALS).syncUrl())
                .withInterval(target.interval())
                .withNamespace(namespace)
                .withBranch(target.branch())
                .withSecretName(target.secretName())
                .withTargetPath(target.path())
                .withRecurseSubmodules(target.recurseSubmodules())
                .withSparseCheckout(target.sparseCheckout()));
        String directory = target.fluxDirectory(namespace);
        run.reporter().success("generated sync manifests");
        Commits.commitAndPush(run, "sync manifests", "Add Flux sync manifests", base -> {
            ChangeSet.Builder changes = ChangeSet.builder().put(sync.path(), sync.content());
            // Flux writes gotk-sync.yaml first, then walks the folder for kustomization.yaml's resources.
            Map<String, String> files = FluxDirectory.files(base, directory);
            files.put(SyncTarget.SYNC_FILE, sync.content());
            if (request.kustomizationOverride().isPresent()) {
                changes.put(target.kustomizationFile(namespace), request.kustomizationOverride().get());
            } else {
                Optional<ManifestFile> kustomization = new KustomizationFileGenerator().generate(directory, files);
                kustomization.ifPresent(file -> changes.put(file.path(), file.content()));
            }
            return changes.build();
        });
    }
}
