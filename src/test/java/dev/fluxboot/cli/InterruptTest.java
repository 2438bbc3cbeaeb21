package dev.fluxboot.cli;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ctrl-C in a real process: the bootstrap waiting for Flux gets SIGINT, prints one line, removes its
 * temporary clone and exits.
 */
class InterruptTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void ctrlCStopsTheRunWithOneLineAndNothingLeftBehind(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("fluxboot.jar", "target/fluxboot.jar"));
        assumeTrue(Files.isRegularFile(jar), "target/fluxboot.jar is not built: run 'mvn -DskipTests package' first");
        Path bundle = TestBundles.shared("v2.9.4");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        Path keyFile = work.resolve("key");
        Files.writeString(keyFile, key.privateKeyPem());

        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories)) {
            repositories.create("org/fleet");
            ssh.authorize(key.publicKey());
            // Given a bootstrap that waits for Flux (no controllers run)
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-cp", jar.toString(), "dev.fluxboot.Main",
                    "bootstrap", "git", "--url", ssh.url("org/fleet"), "--private-key-file", keyFile.toString(),
                    "--silent", "--path", "clusters/prod", "--kubeconfig", kube.kubeconfig().toString(),
                    "--version", "v2.9.4", "--manifests", bundle.toString(), "--timeout", "1h")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> err = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    err.add(line);
                    if (line.startsWith("◎ waiting for GitRepository")) {
                        // When the user presses Ctrl-C
                        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                    }
                }
            }
            process.waitFor();

            // Then one line says so, and the clone is gone
            assertThat(err).contains("◎ waiting for GitRepository \"flux-system/flux-system\" to be reconciled");
            assertThat(err.get(err.size() - 1))
                    .isEqualTo("✗ bootstrap cancelled: stopped before it finished; re-run the same command to finish it");
            assertThat(process.exitValue()).isNotZero();
            try (Stream<Path> left = Files.walk(tmp)) {
                assertThat(left.filter(path -> path.getFileName().toString().startsWith("git-"))).isEmpty();
            }
        }
    }
}
