package dev.fluxboot.bootstrap;

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
 */
public record BootstrapRequest(InstallRequest install, SyncTarget target, SourceAuth auth, CommitSettings commits,
                               boolean silent, Optional<ForgeRequest> forge) {

    public BootstrapRequest {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(commits, "commits");
        Objects.requireNonNull(forge, "forge");
    }

    public String namespace() {
        return install.namespace();
    }
}
