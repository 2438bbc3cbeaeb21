package dev.fluxboot.api;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clusters bootstrapped into one branch at the same time (a fleet, a parallel Terraform apply):
 * Flux reconciles whichever commit is the tip, which holds both runs' commits, and both runs succeed.
 */
class ConcurrentBootstrapsTest {

    @RegisterExtension
    static final KubeApiServerSupport staging = new KubeApiServerSupport();

    @RegisterExtension
    static final KubeApiServerSupport production = new KubeApiServerSupport();

    @Test
    void bothSucceedWhenFluxReconcilesTheOtherRunsLaterCommit(@TempDir Path work) throws Exception {
        Path bundle = TestBundles.shared("v2.9.4");
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        Path keyFile = Files.writeString(work.resolve("key"), key.privateKeyPem());
        CountDownLatch bothPushed = new CountDownLatch(2);

        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator stagingFlux = new FluxControllerSimulator(staging.client(), "flux-system").start();
             FluxControllerSimulator productionFlux = new FluxControllerSimulator(production.client(), "flux-system")
                     .start()) {
            repositories.create("org/fleet");
            ssh.authorize(key.publicKey());
            // Given the controllers look at the repository only once both runs have pushed
            stagingFlux.pause();
            productionFlux.pause();
            CompletableFuture<BootstrapResult> first = CompletableFuture.supplyAsync(
                    () -> bootstrap(staging, "clusters/staging", ssh, keyFile, bundle, bothPushed));
            CompletableFuture<BootstrapResult> second = CompletableFuture.supplyAsync(
                    () -> bootstrap(production, "clusters/production", ssh, keyFile, bundle, bothPushed));

            // When both wait for Flux, which then fetches the branch tip
            bothPushed.await();
            stagingFlux.resume();
            productionFlux.resume();

            // Then both succeed, each at a revision that holds its own commit
            String tip = "main@sha1:" + repositories.tip("org/fleet", "main").orElseThrow().name();
            assertThat(first.join().revision()).isNotEqualTo(second.join().revision());
            assertThat(stagingFlux.lastRevision(FluxControllerSimulator.Kind.GIT_REPOSITORY, "flux-system")).contains(tip);
            assertThat(productionFlux.lastRevision(FluxControllerSimulator.Kind.GIT_REPOSITORY, "flux-system"))
                    .contains(tip);
            assertThat(repositories.files("org/fleet", "main")).contains(
                    "clusters/staging/flux-system/gotk-sync.yaml", "clusters/production/flux-system/gotk-sync.yaml");
        }
    }

    private static BootstrapResult bootstrap(KubeApiServerSupport kube, String path, SshGitServer ssh, Path keyFile,
                                             Path bundle, CountDownLatch bothPushed) {
        Reporter reporter = new Reporter.Forwarding(new RecordingReporter()) {
            @Override
            public void waiting(String message) {
                if (message.startsWith("waiting for GitRepository")) {
                    bothPushed.countDown();
                }
            }
        };
        return Fluxboot.builder().reporter(reporter).build().bootstrap(BootstrapSpec.builder()
                .url(ssh.url("org/fleet")).path(path).silent(true)
                .credentials(GitCredentials.builder().privateKeyFile(keyFile).build())
                .install(InstallSpec.builder().cluster(ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                        .components(Components.builder().version("v2.9.4").manifests(bundle).build())
                        .timeout(Duration.ofMinutes(3)).build())
                .build());
    }
}
