package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostKeyScannerTest {

    private static GitRepositories repositories;
    private static SshGitServer server;
    private static KeyPair ecdsa;
    private static KeyPair rsa;
    private static KeyPair ed25519;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void startServerWithThreeHostKeys() {
        ecdsa = SshGitServer.generateHostKey("ecdsa");
        rsa = SshGitServer.generateHostKey("rsa");
        ed25519 = SshGitServer.generateHostKey("ed25519");
        repositories = new GitRepositories();
        server = SshGitServer.start(repositories, List.of(ed25519, rsa, ecdsa));
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
    }

    @AfterAll
    static void stop() {
        server.close();
        repositories.close();
    }

    private String prefix() {
        return "[127.0.0.1]:" + server.port() + " ";
    }

    @Test
    void scanWritesOneLineLikeFluxPreferringEcdsa() {
        String line = HostKeyScanner.scan("127.0.0.1", server.port());

        assertThat(line).isEqualTo(prefix() + PublicKeyEntry.toString(ecdsa.getPublic()));
        assertThat(line).matches("\\[127\\.0\\.0\\.1]:\\d+ ecdsa-sha2-nistp256 [A-Za-z0-9+/]+=*");
    }

    @Test
    void scanOffersOnlyTheGivenAlgorithms() {
        assertThat(HostKeyScanner.scan("127.0.0.1", server.port(), List.of("ssh-ed25519"), Duration.ofSeconds(10)))
                .isEqualTo(prefix() + PublicKeyEntry.toString(ed25519.getPublic()));
        assertThat(HostKeyScanner.scan("127.0.0.1", server.port(), List.of("rsa-sha2-512", "ssh-ed25519"), Duration.ofSeconds(10)))
                .isEqualTo(prefix() + PublicKeyEntry.toString(rsa.getPublic()))
                .contains(" ssh-rsa ");
    }

    @Test
    void scannedLineIsAcceptedAsKnownHosts() {
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        server.authorize(key.publicKey());
        String knownHosts = HostKeyScanner.scan("127.0.0.1", server.port(), List.of("ssh-ed25519"), Duration.ofSeconds(10));
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.SshKey(key, knownHosts, List.of()),
                TransportOptions.defaults());

        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            assertThat(branch.readString("README.md")).contains("hi\n");
        }
    }

    @Test
    void hostKeyAlgorithmsNarrowWhatTheTransportAccepts() {
        // known_hosts has only the ed25519 key, but the transport may only use RSA host keys
        SshKeyPair key = new SshKeyGenerator().ed25519();
        server.authorize(key.publicKey());
        String knownHosts = prefix() + PublicKeyEntry.toString(ed25519.getPublic());
        GitRemote narrowed = GitRemote.of(server.url("org/fleet"),
                new GitAuth.SshKey(key, knownHosts, List.of("rsa-sha2-512")), TransportOptions.defaults());
        GitRemote open = GitRemote.of(server.url("org/fleet"),
                new GitAuth.SshKey(key, knownHosts, List.of()), TransportOptions.defaults());

        assertThatThrownBy(() -> RemoteBranch.fetch(narrowed, "main", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("has changed: the server offered ssh-rsa");
        try (RemoteBranch branch = RemoteBranch.fetch(open, "main", reporter)) {
            assertThat(branch.head()).isPresent();
        }
    }

    @Test
    void unknownAlgorithmIsAUsageError() {
        assertThatThrownBy(() -> HostKeyScanner.scan("127.0.0.1", server.port(), List.of("ssh-dss2"), Duration.ofSeconds(5)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unsupported SSH host key algorithm 'ssh-dss2' (--ssh-hostkey-algos)")
                .hasMessageContaining("ssh-ed25519");
    }

    @Test
    void closedPortFailsNamingTheHost() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> HostKeyScanner.scan("127.0.0.1", closed, List.of(), Duration.ofSeconds(5)))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("SSH key scan for host [127.0.0.1]:" + closed + " failed");
    }

    @Test
    void hostPatternsFollowGoKnownhostsNormalize() {
        assertThat(KnownHosts.hostPattern("github.com", 22)).isEqualTo("github.com");
        assertThat(KnownHosts.hostPattern("github.com", 2222)).isEqualTo("[github.com]:2222");
        assertThat(KnownHosts.hostPattern("::1", 22)).isEqualTo("::1");
        assertThat(KnownHosts.hostPattern("[::1]", 2222)).isEqualTo("[::1]:2222");
        assertThat(KnownHosts.line("github.com", 22, ed25519.getPublic()))
                .isEqualTo("github.com " + PublicKeyEntry.toString(ed25519.getPublic()));
    }
}
