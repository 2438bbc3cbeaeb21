package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.UsageException;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SshKeysTest {

    private static GitRepositories repositories;
    private static SshGitServer server;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void startServer() {
        repositories = new GitRepositories();
        server = SshGitServer.start(repositories);
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
    }

    @AfterAll
    static void stopServer() {
        server.close();
        repositories.close();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> generatedKeys() {
        SshKeyGenerator generator = new SshKeyGenerator();
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("rsa 2048", generator.rsa(2048), "ssh-rsa", 2048),
                org.junit.jupiter.params.provider.Arguments.of("ecdsa p256", generator.ecdsa(EcdsaCurve.P256), "ecdsa-sha2-nistp256", 256),
                org.junit.jupiter.params.provider.Arguments.of("ecdsa p384", generator.ecdsa(EcdsaCurve.P384), "ecdsa-sha2-nistp384", 384),
                org.junit.jupiter.params.provider.Arguments.of("ecdsa p521", generator.ecdsa(EcdsaCurve.P521), "ecdsa-sha2-nistp521", 521),
                org.junit.jupiter.params.provider.Arguments.of("ed25519", generator.ed25519(), "ssh-ed25519", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedKeys")
    void generatedKeyIsPkcs8LikeFluxAndAuthenticates(String name, SshKeyPair key, String type, int bits) {
        // Then the private key is a PKCS#8 PEM (what Flux writes into identity) that reads back to the same key
        assertThat(key.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(key.privateKeyPem().lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
        SshKeyPair reread = SshKeyPair.parse(key.privateKeyPem(), null, "key");
        assertThat(KeyUtils.compareKeys(reread.publicKey(), key.publicKey())).isTrue();
        if (bits > 0) {
            assertThat(KeyUtils.getKeySize(key.publicKey())).isEqualTo(bits);
        }
        // and the public key is an authorized_keys line; identity.pub ends with a newline like Flux's
        assertThat(key.authorizedKey()).matches(type + " [A-Za-z0-9+/]+=*");
        assertThat(key.identityPub()).isEqualTo(key.authorizedKey() + "\n");
        assertThat(key.publicKeyType()).isEqualTo(type);
        assertThat(key.toString()).doesNotContain(key.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
        // and the OpenSSH form reads back to the same key
        String openSsh = key.toOpenSshPem();
        assertThat(openSsh).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(KeyUtils.compareKeys(SshKeyPair.parse(openSsh, null, "key").publicKey(), key.publicKey())).isTrue();

        // When the server authorizes the public key line (as a deploy key), the key can fetch and push
        server.authorize(key.authorizedKey(), false);
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.SshKey(key, server.knownHosts(), List.of()),
                TransportOptions.defaults());
        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            assertThat(branch.readString("README.md")).contains("hi\n");
            assertThat(branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("keys/" + type, name).build()),
                    new CommitDetails("Flux", "", "key " + name))).isPresent();
        }
        assertThat(repositories.readFile("org/fleet", "main", "keys/" + type)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedKeys")
    void opensshReadsTheGeneratedPkcs8Key(String name, SshKeyPair key, String type, int bits, @TempDir Path dir) throws Exception {
        assumeTrue(hasSshKeygen(), "ssh-keygen not installed");
        // OpenSSH (9.2) cannot read PKCS#8 Ed25519 PEM at all; Go can (see the next test).
        assumeTrue(!type.equals("ssh-ed25519"), "OpenSSH reads no PKCS#8 Ed25519 keys");
        Path file = dir.resolve("identity");
        Files.writeString(file, key.privateKeyPem());
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ProcessResult result = run("ssh-keygen", "-y", "-f", file.toString());
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output.strip()).isEqualTo(key.authorizedKey());
    }

    @Test
    void ed25519Pkcs8IsTheExactEncodingGoWrites() {
        SshKeyPair key = new SshKeyGenerator().ed25519();
        String body = key.privateKeyPem().replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(body);
        // PKCS#8 v1 (RFC 8410): SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
        assertThat(der).hasSize(48);
        assertThat(java.util.HexFormat.of().formatHex(der, 0, 16)).isEqualTo("302e020100300506032b657004220420");
    }

    @ParameterizedTest(name = "ssh-keygen -t {0} -m {1}")
    @CsvSource({"ed25519,RFC4716,", "ecdsa,PEM,", "rsa,PEM,", "ecdsa,PKCS8,", "rsa,PKCS8,",
            "ed25519,RFC4716,secret-phrase", "ecdsa,PEM,secret-phrase", "rsa,PEM,secret-phrase", "rsa,PKCS8,secret-phrase"})
    void readsPrivateKeyFilesThatSshKeygenWrites(String type, String format, String passphrase, @TempDir Path dir) throws Exception {
        assumeTrue(hasSshKeygen(), "ssh-keygen not installed");
        Path file = dir.resolve("id");
        String phrase = passphrase == null ? "" : passphrase;
        ProcessResult generated = run("ssh-keygen", "-q", "-t", type, "-N", phrase, "-m", format, "-C", "", "-f", file.toString());
        assertThat(generated.exitCode).as(generated.output).isZero();
        String expectedPublic = Files.readString(dir.resolve("id.pub")).strip();

        SshKeyPair key = SshKeyPair.read(file, passphrase);

        assertThat(key.authorizedKey()).isEqualTo(expectedPublic);
        assertThat(key.privateKeyPem()).isEqualTo(Files.readString(file));
        server.authorize(key.publicKey());
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.SshKey(key, server.knownHosts(), List.of()),
                TransportOptions.defaults());
        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            assertThat(branch.head()).isPresent();
        }
    }

    @Test
    void encryptedOpenSshKeyNeedsItsPassphrase() throws Exception {
        // Given an ed25519 key written in OpenSSH format, encrypted with a passphrase
        SshKeyPair original = new SshKeyGenerator().ed25519();
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword("correct horse");
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        encryption.setCipherMode("CTR");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(original.keyPair(), "", encryption, out);
        String pem = out.toString(StandardCharsets.US_ASCII);

        // Then the right passphrase gives the key
        SshKeyPair decrypted = SshKeyPair.parse(pem, "correct horse", "private key file id");
        assertThat(decrypted.authorizedKey()).isEqualTo(original.authorizedKey());

        // and a wrong or missing one is a usage error that names the file and shows no key or passphrase
        Throwable wrong = catchThrowable(() -> SshKeyPair.parse(pem, "battery staple", "private key file id"));
        assertThat(wrong).isInstanceOf(UsageException.class)
                .hasMessage("cannot decrypt private key file id: wrong passphrase (--password)");
        NoSecrets.assertNoSecretIn(wrong, reporter, pem, "battery staple", original.privateKeyPem());
        assertThatThrownBy(() -> SshKeyPair.parse(pem, null, "private key file id"))
                .isInstanceOf(UsageException.class)
                .hasMessage("private key file id is encrypted: give its passphrase (--password)");
    }

    @Test
    void unreadableKeysAreUsageErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> SshKeyPair.parse("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n", null, "private key file x"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("cannot read private key file x");
        assertThatThrownBy(() -> SshKeyPair.parse("hello", null, "private key file x"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("cannot read private key file x");
        assertThatThrownBy(() -> SshKeyPair.read(dir.resolve("missing"), null))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("failed to open private key file " + dir.resolve("missing"))
                .hasMessageContaining("--private-key-file");
    }

    @Test
    void rsaBitsFollowFluxRules() {
        assertThatThrownBy(() -> new SshKeyGenerator().rsa(1016))
                .isInstanceOf(UsageException.class).hasMessageContaining("at least 1024").hasMessageContaining("--ssh-rsa-bits");
        assertThatThrownBy(() -> SshKeyGenerator.checkRsaBits(2049))
                .isInstanceOf(UsageException.class).hasMessageContaining("multiples of 8");
        assertThat(SshKeyGenerator.checkRsaBits(1032)).isEqualTo(1032);
        assertThat(KeyUtils.getKeySize(new SshKeyGenerator().generate(SshKeyAlgorithm.RSA, 1024, null).publicKey())).isEqualTo(1024);
        assertThat(new SshKeyGenerator().generate(SshKeyAlgorithm.ECDSA, 0, null).publicKeyType())
                .as("p384 is the default curve").isEqualTo("ecdsa-sha2-nistp384");
    }

    @Test
    void flagValuesParseWithFluxMessages() {
        assertThat(SshKeyAlgorithm.parse("ed25519")).isEqualTo(SshKeyAlgorithm.ED25519);
        assertThat(EcdsaCurve.parse("p521")).isEqualTo(EcdsaCurve.P521);
        assertThatThrownBy(() -> SshKeyAlgorithm.parse("dsa")).isInstanceOf(UsageException.class)
                .hasMessage("unsupported public key algorithm 'dsa', must be one of: rsa, ecdsa, ed25519 (--ssh-key-algorithm)");
        assertThatThrownBy(() -> EcdsaCurve.parse("p224")).isInstanceOf(UsageException.class)
                .hasMessage("unsupported curve 'p224', must be one of: p256, p384, p521 (--ssh-ecdsa-curve)");
    }

    private static boolean hasSshKeygen() {
        try {
            return run("ssh-keygen", "-?").exitCode >= 0;
        } catch (Exception e) {
            return false;
        }
    }

    record ProcessResult(int exitCode, String output) {
    }

    static ProcessResult run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }
}
