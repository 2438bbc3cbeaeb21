package dev.fluxboot.terraform;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Terraform's StopProvider (Ctrl-C in {@code terraform apply}) reaching the engine in the middle of
 * a bootstrap: the create stops with the provider's one line, and the next apply finishes the job.
 */
class EngineBackendStopTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void aStopWhileWaitingForFluxEndsTheCreateAndTheNextApplyFinishesIt() throws Exception {
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
            // Given a bootstrap that will wait for Flux, which does not answer yet
            repositories.create("org/fleet");
            SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
            ssh.authorize(key.publicKey());
            flux.pause();
            ProviderConfig provider = provider(ssh.url("org/fleet"), key.privateKeyPem());
            BootstrapGitSettings settings = settings(TestBundles.shared("v2.9.4").toAbsolutePath().toString());
            EngineBackend backend = new EngineBackend(Map.of());
            StopSignal stop = new StopSignal();
            CompletableFuture<BootstrapOutcome> create = CompletableFuture.supplyAsync(
                    () -> backend.create(provider, settings, new Operation(Duration.ofMinutes(5), stop)));

            // When Terraform stops the provider once the components are in the cluster and its source Secret written
            kube.client().secrets().inNamespace("flux-system").withName("flux-system")
                    .waitUntilCondition(Objects::nonNull, 5, TimeUnit.MINUTES);
            stop.stop();

            // Then the create ends with the provider's stop line
            Throwable failure = catchThrowable(create::join);
            assertThat(failure).isInstanceOf(CompletionException.class).cause().isInstanceOf(StopSignal.Stopped.class)
                    .hasMessageStartingWith("stopped: Terraform asked the provider to stop");

            // When the next apply runs with Flux answering
            flux.resume();
            BootstrapOutcome outcome = backend.create(provider, settings,
                    new Operation(Duration.ofMinutes(5), new StopSignal()));

            // Then it finishes the job
            assertThat(outcome.repositoryFiles()).containsKeys("clusters/stop/flux-system/gotk-components.yaml",
                    "clusters/stop/flux-system/gotk-sync.yaml", "clusters/stop/flux-system/kustomization.yaml");
            assertThat(flux.lastRevision(FluxControllerSimulator.Kind.KUSTOMIZATION, "flux-system")).isPresent();
        }
    }

    private static ProviderConfig provider(String url, String privateKeyPem) {
        ProviderConfig.Kubernetes kubernetes = new ProviderConfig.Kubernetes(Optional.of(kube.kubeconfig()), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty());
        ProviderConfig.Git git = new ProviderConfig.Git(Optional.of(URI.create(url)), "main", "Flux", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new ProviderConfig.Ssh(Optional.of("git"), Optional.of(new SensitiveText(privateKeyPem)),
                        Optional.empty(), List.of())),
                Optional.empty());
        return new ProviderConfig(Optional.of(kubernetes), Optional.of(git));
    }

    private static BootstrapGitSettings settings(String manifests) {
        return new BootstrapGitSettings(Optional.of("clusters/stop"), "flux-system", "v2.9.4",
                new TreeSet<>(List.of("source-controller", "kustomize-controller", "helm-controller",
                        "notification-controller")), new TreeSet<>(), "cluster.local", Duration.ofMinutes(1), "info", true,
                true, "ghcr.io/fluxcd", Optional.empty(), Optional.empty(), new TreeSet<>(), "flux-system", false,
                Optional.empty(), true, false, false, false, Optional.of(manifests), BootstrapGitSettings.Timeouts.none());
    }
}
