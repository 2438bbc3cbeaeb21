package dev.fluxboot.api;

import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Flux's first example, {@code bootstrap git --url=ssh://...} with no key file: fluxboot pushes with the
 * key in the user's SSH agent ({@code SSH_AUTH_SOCK}, a real {@code ssh-agent}), and the cluster gets a
 * new key that the user gives access when asked.
 */
class SshAgentBootstrapTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void pushesWithTheAgentsKeyAndTheClusterSyncsWithItsNewKey(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("ssh-agent") && onPath("ssh-add"), "ssh-agent or ssh-add not on PATH: skipped");
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
            assertThat(new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()).contains("SSH_AUTH_SOCK=" + socket);
            // Given the user's key, known to the server, only in the agent
            SshKeyPair userKey = new SshKeyGenerator().ed25519();
            Path keyFile = Files.writeString(dir.resolve("id_ed25519"), userKey.toOpenSshPem());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            ProcessBuilder add = new ProcessBuilder("ssh-add", keyFile.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process added = add.start();
            added.getInputStream().readAllBytes();
            assertThat(added.waitFor()).isZero();
            Files.delete(keyFile);
            repositories.create("org/fleet");
            ssh.authorize(userKey.publicKey());

            // And a user who, when asked, gives the cluster's new key read access
            AtomicReference<String> shownKey = new AtomicReference<>();
            Reporter reporter = new Reporter.Forwarding(Reporter.silent()) {
                @Override
                public void success(String message) {
                    if (message.startsWith("public key: ")) {
                        shownKey.set(message.substring("public key: ".length()));
                    }
                }
            };
            Prompter user = new Prompter() {
                @Override
                public boolean interactive() {
                    return true;
                }

                @Override
                public boolean confirm(String question) {
                    ssh.authorize(shownKey.get(), true);
                    return true;
                }
            };
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("SSH_AUTH_SOCK", socket.toString());

            // When bootstrapped with no key file
            BootstrapResult result = Fluxboot.builder().environment(environment).reporter(reporter).prompter(user).build()
                    .bootstrap(BootstrapSpec.builder().url(ssh.url("org/fleet")).path("clusters/agent")
                            .install(InstallSpec.builder()
                                    .cluster(ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                                    .components(Components.builder().version("v2.9.4")
                                            .manifests(TestBundles.shared("v2.9.4")).build())
                                    .timeout(Duration.ofMinutes(3)).build())
                            .build());

            // Then the pushes were made with the agent's key, and Flux syncs with the cluster's own key
            assertThat(result.repositoryFiles()).containsKey("clusters/agent/flux-system/gotk-sync.yaml");
            assertThat(shownKey.get()).isNotNull().doesNotContain(userKey.authorizedKey().split(" ")[1]);
            assertThat(flux.lastRevision(FluxControllerSimulator.Kind.GIT_REPOSITORY, "flux-system")).isPresent();
        } finally {
            agent.destroy();
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
    }
}
