package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * fluxboot's own SSH connections offer what current OpenSSH offers by default: a server that has
 * only SHA-1 host key signatures, only CBC ciphers, only SHA-1 MACs or a 1024-bit RSA host key is
 * refused by {@code bootstrap git} in one line that says what the server lacked, with no library
 * log lines beside it, and nothing is written. Real SSH servers (Apache MINA SSHD, narrowed as an
 * old server is) and a real kube-apiserver.
 */
class SshServerAlgorithmsTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @TempDir
    static Path work;

    private static Path bundle;
    private static GitRepositories repositories;
    private static Path keyFile;
    private static SshKeyPair key;

    @BeforeAll
    static void setUp() throws IOException {
        bundle = TestBundles.shared("v2.8.0");
        repositories = new GitRepositories();
        key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        keyFile = work.resolve("deploy-key");
        Files.writeString(keyFile, key.privateKeyPem());
    }

    @AfterAll
    static void stop() {
        if (repositories != null) {
            repositories.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sha1-signatures|rsa|the SSH server offers no host key algorithm that fluxboot accepts: it offers ssh-rsa,",
            "cbc-ciphers|ecdsa|the SSH server offers no cipher that fluxboot accepts: it offers aes128-cbc,",
            "sha1-macs|ecdsa|the SSH server offers no MAC algorithm that fluxboot accepts: it offers hmac-sha1,",
            "weak-rsa|rsa1024|its RSA host key has 1024 bits; fluxboot accepts RSA host keys of 2048 bits or more"})
    void anOldServerIsRefusedSayingWhatItLacks(String server, String hostKey, String reason) {
        // Given a server narrowed as an old one is
        String repository = server;
        repositories.create(repository);
        repositories.commit(repository, "main", Map.of("README.md", "fleet\n"), "start");
        String tip = repositories.tip(repository, "main").orElseThrow().name();
        ByteArrayOutputStream libraryOutput = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        BootstrapRun run;
        try (SshGitServer ssh = SshGitServer.start(repositories, List.of(SshGitServer.generateHostKey(hostKey)),
                tuning(server))) {
            ssh.authorize(key.publicKey());
            System.setErr(new PrintStream(libraryOutput, true, StandardCharsets.UTF_8));

            // When
            run = BootstrapRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), Prompter.none(), List.of(
                    "bootstrap", "git", "-n", repository, "--url", ssh.url(repository), "--private-key-file",
                    keyFile.toString(), "--silent", "--path", "clusters/prod", "--version", "v2.8.0", "--manifests",
                    bundle.toString(), "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "1m"));
        } finally {
            System.setErr(originalErr);
        }

        // Then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().filter(line -> line.startsWith("✗ "))).singleElement().asString()
                .contains(reason);
        assertThat(libraryOutput.toString(StandardCharsets.UTF_8)).doesNotContain("WARN", "ERROR");
        assertThat(repositories.tip(repository, "main").orElseThrow().name()).isEqualTo(tip);
        assertThat(kube.client().namespaces().withName(repository).get()).isNull();
    }

    private static Consumer<SshServer> tuning(String server) {
        return switch (server) {
            case "sha1-signatures" -> ssh -> ssh.setSignatureFactories(List.of(BuiltinSignatures.rsa));
            case "cbc-ciphers" -> ssh -> ssh.setCipherFactories(List.of(BuiltinCiphers.aes128cbc));
            case "sha1-macs" -> ssh -> {
                ssh.setCipherFactories(List.of(BuiltinCiphers.aes128ctr));
                ssh.setMacFactories(List.of(BuiltinMacs.hmacsha1));
            };
            default -> ssh -> { };
        };
    }
}
