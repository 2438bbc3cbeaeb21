package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.manifests.kustomize.KustomizeBuild;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The collaborators of a bootstrap: those of install (bundles, the overlay, the cluster), key
 * generation, optionally the Git host's API (forge commands), and how the Flux folder's
 * kustomization.yaml is built.
 *
 * @param pollInterval how often the waits read the objects' status
 * @param kustomize    builds {@code <path>/<namespace>/}: fluxboot's engine, and a real kustomize
 *                     for what it does not build ({@code --kustomize-bin}, PATH)
 */
public record BootstrapServices(InstallServices install, SshKeyGenerator keys, Optional<GitHost> host,
                                Duration pollInterval, KustomizeBuild kustomize) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public BootstrapServices {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(kustomize, "kustomize");
    }

    /** Plain Git: no host API; the Flux folder built by fluxboot's engine only. */
    public static BootstrapServices forPlainGit(InstallServices install) {
        return new BootstrapServices(install, new SshKeyGenerator(), Optional.empty(), DEFAULT_POLL_INTERVAL,
                KustomizeBuild.nativeOnly());
    }

    public BootstrapServices withHost(GitHost gitHost) {
        return new BootstrapServices(install, keys, Optional.of(gitHost), pollInterval, kustomize);
    }

    public BootstrapServices withPollInterval(Duration interval) {
        return new BootstrapServices(install, keys, host, interval, kustomize);
    }

    public BootstrapServices withKustomize(KustomizeBuild build) {
        return new BootstrapServices(install, keys, host, pollInterval, build);
    }
}
