package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Failures with real credentials while stdout and stderr are captured (where the libraries'
 * slf4j logs go): no token, password or private key line may show in either, nor in messages.
 */
class NoSecretsInOutputTest {

    @Test
    void failingOperationsPrintNoSecrets() throws Exception {
        String token = "ghp_OutputLeakCheckToken0000000000099";
        String wrongToken = "ghp_OutputLeakCheckWrong0000000000077";
        SshKeyPair authorized = new SshKeyGenerator().ed25519();
        SshKeyPair stranger = new SshKeyGenerator().rsa(2048);
        RecordingReporter reporter = new RecordingReporter();
        List<Throwable> failures = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try (GitRepositories repositories = new GitRepositories();
             SshGitServer ssh = SshGitServer.start(repositories);
             HttpGitServer https = HttpGitServer.startHttps(repositories, TestCertificates.generate())) {
            repositories.create("org/fleet");
            repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
            ssh.authorizeReadOnly(authorized.publicKey());
            https.authorizeBasic("git", token, true);
            String ca = https.certificates().orElseThrow().caPem();

            failures.add(catchThrowable(() -> RemoteBranch.fetch(GitRemote.of(https.url("org/fleet"),
                    new GitAuth.Basic("git", wrongToken), TransportOptions.defaults().withCaCertificates(ca)), "main", reporter)));
            failures.add(catchThrowable(() -> RemoteBranch.fetch(GitRemote.of(https.url("org/fleet"),
                    new GitAuth.Bearer(wrongToken), TransportOptions.defaults().withCaCertificates(ca)), "main", reporter)));
            failures.add(catchThrowable(() -> RemoteBranch.fetch(GitRemote.of(https.url("org/fleet"),
                    new GitAuth.Basic("git", token), TransportOptions.defaults()), "main", reporter)));
            failures.add(catchThrowable(() -> RemoteBranch.fetch(GitRemote.of(ssh.url("org/fleet"),
                    new GitAuth.SshKey(stranger, ssh.knownHosts(), List.of()), TransportOptions.defaults()), "main", reporter)));
            failures.add(catchThrowable(() -> {
                try (RemoteBranch branch = RemoteBranch.fetch(GitRemote.of(https.url("org/fleet"), new GitAuth.Basic("git", token),
                        TransportOptions.defaults().withCaCertificates(ca)), "main", reporter)) {
                    branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("a", "b").build()), new CommitDetails("Flux", "", "m"));
                }
            }));
            failures.add(catchThrowable(() -> {
                try (RemoteBranch branch = RemoteBranch.fetch(GitRemote.of(ssh.url("org/fleet"),
                        new GitAuth.SshKey(authorized, ssh.knownHosts(), List.of()), TransportOptions.defaults()), "main", reporter)) {
                    branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("a", "b").build()), new CommitDetails("Flux", "", "m"));
                }
            }));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(failures).hasSize(6).doesNotContainNull();
        String output = captured.toString(StandardCharsets.UTF_8);
        for (Throwable failure : failures) {
            NoSecrets.assertNoSecretIn(failure, reporter, token, wrongToken, authorized.privateKeyPem(), stranger.privateKeyPem());
        }
        for (String secret : List.of(token, wrongToken)) {
            assertThat(output).doesNotContain(secret);
        }
        for (String pem : List.of(authorized.privateKeyPem(), stranger.privateKeyPem())) {
            pem.lines().filter(l -> !l.startsWith("-----")).forEach(line -> assertThat(output).doesNotContain(line));
        }
    }
}
