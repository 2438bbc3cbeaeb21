package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.githost.GitHost;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The collaborators of a bootstrap: those of install (bundles, the overlay, the cluster), key
 * generation, the sync file writers and kustomize, and optionally the Git host's API (forge
 * commands) and a preflight check of the cluster.
 *
 * @param pollInterval how often the waits read the objects' status
 */
public record BootstrapServices(InstallServices install, SshKeyGenerator keys, SyncFiles syncFiles,
                                KustomizeBuilder kustomize, Optional<GitHost> host, Optional<PreflightCheck> preflight,
                                Duration pollInterval) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public BootstrapServices {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(syncFiles, "syncFiles");
        Objects.requireNonNull(kustomize, "kustomize");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Plain Git: no host API, the product's generators and kustomize. */
    public static BootstrapServices forPlainGit(InstallServices install) {
        return new BootstrapServices(install, new SshKeyGenerator(), new InterimSyncFiles(), new InterimKustomize(),
                Optional.empty(), Optional.empty(), DEFAULT_POLL_INTERVAL);
    }

    public BootstrapServices withHost(GitHost gitHost) {
        return new BootstrapServices(install, keys, syncFiles, kustomize, Optional.of(gitHost), preflight, pollInterval);
    }

    public BootstrapServices withPreflight(PreflightCheck check) {
        return new BootstrapServices(install, keys, syncFiles, kustomize, host, Optional.of(check), pollInterval);
    }

    public BootstrapServices withPollInterval(Duration interval) {
        return new BootstrapServices(install, keys, syncFiles, kustomize, host, preflight, interval);
    }
}
