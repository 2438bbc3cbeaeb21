package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.githost.GitHost;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The collaborators of a bootstrap: those of install (bundles, the overlay, the cluster), key
 * generation, and optionally the Git host's API (forge commands).
 *
 * @param pollInterval how often the waits read the objects' status
 */
public record BootstrapServices(InstallServices install, SshKeyGenerator keys, Optional<GitHost> host,
                                Duration pollInterval) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public BootstrapServices {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Plain Git: no host API. */
    public static BootstrapServices forPlainGit(InstallServices install) {
        return new BootstrapServices(install, new SshKeyGenerator(), Optional.empty(), DEFAULT_POLL_INTERVAL);
    }

    public BootstrapServices withHost(GitHost gitHost) {
        return new BootstrapServices(install, keys, Optional.of(gitHost), pollInterval);
    }

    public BootstrapServices withPollInterval(Duration interval) {
        return new BootstrapServices(install, keys, host, interval);
    }
}
