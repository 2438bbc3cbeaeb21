package dev.fluxboot.git;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Git over SSH with the keys of a real {@code ssh-agent} ({@code SSH_AUTH_SOCK}), over the JDK's Unix
 * sockets: the key the server knows is only in the agent.
 */
class SshAgentTransportTest {

    @TempDir
    Path dir;

    private Process agent;
    private Path socket;

    @BeforeEach
    void startAgent() throws Exception {
        assumeTrue(onPath("ssh-agent") && onPath("ssh-add"), "ssh-agent or ssh-add not on PATH: skipped");
        socket = dir.resolve("agent.sock");
        // -D: in the foreground, so that the test owns the process; its first line comes once it listens.
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(agent.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        assertThat(first).as("ssh-agent's first line").contains("SSH_AUTH_SOCK=" + socket);
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.destroy();
        }
    }

    @Test
    void theAgentsKeyIsOfferedAndAcceptedWhileTheOwnKeyIsNotKnown() throws Exception {
        SshKeyPair inAgent = new SshKeyGenerator().ed25519();
        SshKeyPair own = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        Path keyFile = dir.resolve("agent-key");
        Files.writeString(keyFile, inAgent.toOpenSshPem());
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(sshAdd(keyFile.toString())).isZero();

        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories)) {
            repositories.create("org/fleet");
            repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
            ssh.authorize(inAgent.publicKey());
            GitAuth.SshKey withoutAgent = new GitAuth.SshKey(own, ssh.knownHosts(), List.of());

            // Without the agent the own key is refused
            FluxbootException refused = catchThrowableOfType(FluxbootException.class, () -> RemoteBranch.fetch(
                    GitRemote.of(ssh.url("org/fleet"), withoutAgent, TransportOptions.defaults()), "main",
                    new RecordingReporter()));
            assertThat(refused).isNotNull();

            // With it, the agent's key reads and pushes
            GitRemote remote = GitRemote.of(ssh.url("org/fleet"), withoutAgent.withAgent(socket),
                    TransportOptions.defaults());
            try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", new RecordingReporter())) {
                assertThat(branch.readString("README.md")).hasValue("hi\n");
                assertThat(branch.commitAndPush(base -> ChangeSet.builder().put("clusters/a.yaml", "a: 1\n").build(),
                        new CommitDetails("Flux", "", "Add a", null))).isPresent();
            }
            assertThat(repositories.readFile("org/fleet", "main", "clusters/a.yaml")).hasValue("a: 1\n");
        }
    }

    private int sshAdd(String keyFile) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ssh-add", keyFile).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process add = builder.start();
        String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = add.waitFor();
        assertThat(exit).as(output).isZero();
        return exit;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
    }
}
