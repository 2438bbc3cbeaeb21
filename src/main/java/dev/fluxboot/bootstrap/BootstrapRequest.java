package dev.fluxboot.bootstrap;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a bootstrap was asked to do, checked for usage errors already.
 *
 * @param install the install part: overlay options, release, cluster
 * @param target  repository URL, branch, path, interval, secret name
 * @param auth    credentials of the tool and of the cluster
 * @param commits author, message appendix, signing
 * @param silent  {@code -s/--silent}: do not ask for confirmation that a new key has access
 * @param forge   the forge's repository and deploy key options; empty for plain Git
 * @param kustomizeBinary {@code --kustomize-bin}: the kustomize or kubectl that builds what fluxboot's own
 *                engine does not; empty: the one on {@code PATH}, if any
 * @param kustomizationOverride the folder's kustomization.yaml as the caller wrote it (Terraform's
 *                {@code kustomization_override}); empty: generated when the folder has none, else kept
 * @param sourceSecretProvided the source secret is the caller's (Terraform's {@code disable_secret_creation}):
 *                it must exist, and is never written
 */
public record BootstrapRequest(InstallRequest install, SyncTarget target, SourceAuth auth, CommitSettings commits,
                               boolean silent, Optional<ForgeRequest> forge, Optional<Path> kustomizeBinary,
                               Optional<String> kustomizationOverride, boolean sourceSecretProvided) {

    public BootstrapRequest {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(commits, "commits");
        Objects.requireNonNull(forge, "forge");
        Objects.requireNonNull(kustomizeBinary, "kustomizeBinary");
        Objects.requireNonNull(kustomizationOverride, "kustomizationOverride");
    }

    public BootstrapRequest(InstallRequest install, SyncTarget target, SourceAuth auth, CommitSettings commits,
                            boolean silent, Optional<ForgeRequest> forge, Optional<Path> kustomizeBinary) {
        this(install, target, auth, commits, silent, forge, kustomizeBinary, Optional.empty(), false);
    }

    public String namespace() {
        return install.namespace();
    }

    /** The same request without an external kustomize: fluxboot's engine only (tests, callers that want no programs run). */
    public BootstrapRequest(InstallRequest install, SyncTarget target, SourceAuth auth, CommitSettings commits,
                            boolean silent, Optional<ForgeRequest> forge) {
        this(install, target, auth, commits, silent, forge, Optional.empty());
    }
}
