package dev.fluxboot.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a bootstrap was asked to do, checked for usage errors already.
 *
 * @param install        the install flags and the global ones ({@code --kubeconfig}, {@code --context},
 *                       {@code --timeout}, {@code --verbose}); {@code export} is false
 * @param target         repository, branch, path, interval, secret name
 * @param auth           credentials of the tool and of the cluster
 * @param commits        author, message appendix, signing
 * @param silent         {@code -s/--silent}: do not ask for confirmation that a new key has access
 * @param hostRepository the forge's repository and deploy key options; empty for plain Git
 */
public record BootstrapRequest(InstallRequest install, SyncTarget target, SourceAuth auth, CommitSettings commits,
                               boolean silent, Optional<HostRepository> hostRepository) {

    public BootstrapRequest {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(commits, "commits");
        Objects.requireNonNull(hostRepository, "hostRepository");
    }

    public String namespace() {
        return install.namespace();
    }
}
