package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * fluxboot's JGit SSH transport (known_hosts given, no scan) refuses what current OpenSSH no longer
 * offers, saying what the server lacked, and accepts a server with OpenSSH's defaults. Real SSH
 * servers in the test JVM.
 */
class SshTransportAlgorithmsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sha1-signatures|rsa|the SSH server offers no host key algorithm that fluxboot accepts: it offers ssh-rsa,",
            "cbc-ciphers|ecdsa|the SSH server offers no cipher that fluxboot accepts: it offers aes128-cbc,",
            "weak-rsa|rsa1024|its RSA host key has 1024 bits; fluxboot accepts RSA host keys of 2048 bits or more"})
    void anOldServerIsRefusedSayingWhatItLacks(String server, String hostKey, String reason) throws Exception {
        SshKeyPair key = new SshKeyGenerator().ed25519();
        try (GitRepositories repositories = new GitRepositories();
             SshGitServer ssh = SshGitServer.start(repositories, List.of(SshGitServer.generateHostKey(hostKey)),
                     tuning(server))) {
            repositories.create("org/fleet");
            repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
            ssh.authorize(key.publicKey());

            FluxbootException failure = catchThrowableOfType(FluxbootException.class, () -> RemoteBranch.fetch(
                    GitRemote.of(ssh.url("org/fleet"), new GitAuth.SshKey(key, ssh.knownHosts(), List.of()),
                            TransportOptions.defaults()), "main", new RecordingReporter()));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).startsWith("reading Git repository " + ssh.url("org/fleet") + " failed: ")
                    .contains(reason);
        }
    }

    @ParameterizedTest
    @CsvSource({"ecdsa", "ed25519", "rsa"})
    void aServerWithCurrentDefaultsIsAccepted(String hostKey) throws Exception {
        SshKeyPair key = new SshKeyGenerator().ed25519();
        try (GitRepositories repositories = new GitRepositories();
             SshGitServer ssh = SshGitServer.start(repositories, List.of(SshGitServer.generateHostKey(hostKey)));
             ) {
            repositories.create("org/fleet");
            repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
            ssh.authorize(key.publicKey());

            try (RemoteBranch branch = RemoteBranch.fetch(GitRemote.of(ssh.url("org/fleet"),
                    new GitAuth.SshKey(key, ssh.knownHosts(), List.of()), TransportOptions.defaults()), "main",
                    new RecordingReporter())) {
                assertThat(branch.readString("README.md")).hasValue("hi\n");
            }
            assertThat(HostKeyScanner.scan(ssh.host(), ssh.port())).isEqualTo(ssh.knownHosts().strip());
        }
    }

    /**
     * The key exchange the transport agrees on: the post-quantum ML-KEM hybrid where the server has it,
     * and curve25519 (as the Flux CLI's Go SSH) on a server whose post-quantum hybrid is only sntrup761
     * (OpenSSH 8.5 to 9.8), whose key generation costs a fresh Java process about a second.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mlkem768x25519-sha256,sntrup761x25519-sha512,curve25519-sha256|mlkem768x25519-sha256",
            "sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,curve25519-sha256,ecdh-sha2-nistp256|curve25519-sha256",
            "ecdh-sha2-nistp256,diffie-hellman-group14-sha256|ecdh-sha2-nistp256"})
    void theKeyExchangeIsMlKemWhereTheServerHasItElseCurve25519(String serverKex, String agreed) throws Exception {
        SshKeyPair key = new SshKeyGenerator().ed25519();
        List<String> negotiated = new java.util.concurrent.CopyOnWriteArrayList<>();
        Consumer<SshServer> tuning = server -> {
            server.setKeyExchangeFactories(java.util.Arrays.stream(serverKex.split(","))
                    .map(name -> org.apache.sshd.server.ServerBuilder.DH2KEX.apply(
                            org.apache.sshd.common.kex.BuiltinDHFactories.fromFactoryName(name)))
                    .toList());
            server.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
                @Override
                public void sessionNegotiationEnd(org.apache.sshd.common.session.Session session,
                                                  Map<org.apache.sshd.common.kex.KexProposalOption, String> client,
                                                  Map<org.apache.sshd.common.kex.KexProposalOption, String> server,
                                                  Map<org.apache.sshd.common.kex.KexProposalOption, String> result,
                                                  Throwable reason) {
                    negotiated.add(result.get(org.apache.sshd.common.kex.KexProposalOption.ALGORITHMS));
                }
            });
        };
        try (GitRepositories repositories = new GitRepositories();
             SshGitServer ssh = SshGitServer.start(repositories, List.of(SshGitServer.generateHostKey("ed25519")),
                     tuning)) {
            repositories.create("org/fleet");
            repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
            ssh.authorize(key.publicKey());

            try (RemoteBranch branch = RemoteBranch.fetch(GitRemote.of(ssh.url("org/fleet"),
                    new GitAuth.SshKey(key, ssh.knownHosts(), List.of()), TransportOptions.defaults()), "main",
                    new RecordingReporter())) {
                assertThat(branch.readString("README.md")).hasValue("hi\n");
            }

            assertThat(negotiated).isNotEmpty().containsOnly(agreed);
        }
    }

    private static Consumer<SshServer> tuning(String server) {
        return switch (server) {
            case "sha1-signatures" -> ssh -> ssh.setSignatureFactories(List.of(BuiltinSignatures.rsa));
            case "cbc-ciphers" -> ssh -> ssh.setCipherFactories(List.of(BuiltinCiphers.aes128cbc));
            default -> ssh -> { };
        };
    }
}
