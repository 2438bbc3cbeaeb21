package dev.fluxboot.api;

import dev.fluxboot.CancelledException;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.ScratchSpace;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.TestBundles;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running bootstrap stops when its {@link Cancellation} is cancelled from another thread: the wait
 * for Flux ends at once, the call throws {@link CancelledException}, and the temporary clone is gone.
 */
class CancellationTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void aBootstrapWaitingForFluxStopsCleanlyWhenCancelled(@TempDir Path work) throws Exception {
        // Given a bootstrap that will wait for Flux for ever: no controllers run
        Path bundle = TestBundles.shared("v2.9.4");
        Path scratch = work.resolve("scratch");
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        Path keyFile = work.resolve("key");
        Files.writeString(keyFile, key.privateKeyPem());
        CountDownLatch waiting = new CountDownLatch(1);
        RecordingReporter lines = new RecordingReporter();
        Reporter reporter = new Reporter.Forwarding(lines) {
            @Override
            public void waiting(String message) {
                super.waiting(message);
                waiting.countDown();
            }
        };
        Fluxboot flux = Fluxboot.builder().reporter(reporter).scratchDirectory(scratch).build();
        Cancellation cancellation = Cancellation.create();

        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories)) {
            repositories.create("org/fleet");
            ssh.authorize(key.publicKey());
            BootstrapSpec spec = BootstrapSpec.builder().url(ssh.url("org/fleet")).path("clusters/prod").silent(true)
                    .credentials(GitCredentials.builder().privateKeyFile(keyFile).build())
                    .install(InstallSpec.builder().cluster(ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                            .components(Components.builder().version("v2.9.4").manifests(bundle).build())
                            .timeout(Duration.ofHours(1)).build())
                    .build();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    flux.bootstrap(spec, cancellation);
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });

            // When it is cancelled while it waits
            waiting.await();
            cancellation.cancel();
            running.join();

            // Then it ends with one clear failure, and what it fetched is gone
            assertThat(failure.get()).isInstanceOf(CancelledException.class)
                    .hasMessage("bootstrap cancelled: stopped before it finished; re-run the same command to finish it");
            assertThat(lines.lines()).contains("◎ waiting for GitRepository \"flux-system/flux-system\" to be reconciled")
                    .noneMatch(line -> line.contains("GitRepository reconciled"));
            try (Stream<Path> left = Files.list(scratch)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void killedRunsLeaveNothingForTheNextToTripOver(@TempDir Path root) throws Exception {
        // Given the folder of a run whose process is gone, and one of a run still going (this one)
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(root.resolve("git-" + gone.pid() + "-abc/repo.git"));
        Path running = Files.createDirectories(root.resolve("git-" + ProcessHandle.current().pid() + "-def"));

        // When the next run makes its copy
        Path made = ScratchSpace.at(root).newDirectory("git");

        // Then the dead run's folder is gone; the live ones stay
        assertThat(killed.getParent()).doesNotExist();
        assertThat(running).exists();
        assertThat(made).exists().hasParent(root);
        assertThat(made.getFileName().toString()).startsWith("git-" + ProcessHandle.current().pid() + "-");
    }
}
