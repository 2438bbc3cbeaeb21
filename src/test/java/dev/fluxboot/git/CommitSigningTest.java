package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestPgpKeys;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CommitSigningTest {

    private static final String PASSPHRASE = "pgp-passphrase-never-shown";
    private static TestPgpKeys primaryOnly;
    private static TestPgpKeys withSubkey;
    private static GitRepositories repositories;
    private static SshGitServer server;
    private static SshKeyPair key;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void setUp() {
        primaryOnly = TestPgpKeys.generate("Flux Test <flux@example.com>", PASSPHRASE, false);
        withSubkey = TestPgpKeys.generate("Flux Sub <sub@example.com>", PASSPHRASE, true);
        repositories = new GitRepositories();
        server = SshGitServer.start(repositories);
        key = new SshKeyGenerator().ed25519();
        server.authorize(key.publicKey());
    }

    @AfterAll
    static void tearDown() {
        server.close();
        repositories.close();
    }

    private RevCommit commitSigned(String repo, CommitSigner signer) {
        repositories.create(repo);
        GitRemote remote = GitRemote.of(server.url(repo), new GitAuth.SshKey(key, server.knownHosts(), List.of()),
                TransportOptions.defaults());
        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("clusters/a.yaml", "a: 1\n").build()),
                    new CommitDetails("Flux", "flux@example.com", "Add Flux sync manifests", signer)).orElseThrow();
        }
        return repositories.log(repo, "main").get(0);
    }

    @Test
    void signedCommitVerifiesWithThePublicKey() throws Exception {
        OpenPgpSigner signer = OpenPgpSigner.fromKeyRing(primaryOnly.secretRingArmored(), PASSPHRASE, null);
        assertThat(signer.keyId()).isEqualTo(primaryOnly.primaryKeyId());

        RevCommit commit = commitSigned("org/signed", signer);

        byte[] signature = commit.getRawGpgSignature();
        assertThat(new String(signature, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP SIGNATURE-----");
        byte[] payload = withoutGpgsig(commit.getRawBuffer());
        PGPSignature pgp = parse(signature);
        assertThat(OpenPgpSigner.keyIdString(pgp.getKeyID())).isEqualTo(primaryOnly.primaryKeyId());
        assertThat(verifies(pgp, primaryOnly.publicRing().getPublicKey(pgp.getKeyID()), payload)).isTrue();
        // The check can fail: a changed payload does not verify
        byte[] tampered = new String(payload, StandardCharsets.UTF_8).replace("a: 1", "a: 2")
                .replace("Add Flux", "Add Flax").getBytes(StandardCharsets.UTF_8);
        assertThat(verifies(parse(signature), primaryOnly.publicRing().getPublicKey(pgp.getKeyID()), tampered)).isFalse();
    }

    @Test
    void signingSubkeyIsPreferredAndBinaryRingAndKeyIdWork() throws Exception {
        String keyId = "0x" + withSubkey.primaryKeyId().toLowerCase();
        OpenPgpSigner signer = OpenPgpSigner.fromKeyRing(withSubkey.secretRingBinary(), PASSPHRASE, keyId);
        assertThat(signer.keyId()).isNotEqualTo(withSubkey.primaryKeyId());

        RevCommit commit = commitSigned("org/subkey", signer);

        PGPSignature pgp = parse(commit.getRawGpgSignature());
        PGPPublicKey signingKey = withSubkey.publicRing().getPublicKey(pgp.getKeyID());
        assertThat(signingKey).isNotNull();
        assertThat(signingKey.isMasterKey()).isFalse();
        assertThat(verifies(pgp, signingKey, withoutGpgsig(commit.getRawBuffer()))).isTrue();
    }

    @Test
    void gitVerifiesTheSignatureWithGpg(@TempDir Path home) throws Exception {
        assumeTrue(available("gpg", "--version") && available("git", "--version"), "gpg or git not installed");
        OpenPgpSigner signer = OpenPgpSigner.fromKeyRing(primaryOnly.secretRingArmored(), PASSPHRASE, null);
        RevCommit commit = commitSigned("org/gpg", signer);
        Path gnupg = Files.createDirectory(home.resolve("gnupg"), java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path publicKey = Files.write(home.resolve("pub.asc"), primaryOnly.publicRingArmored());
        try {
            Result imported = run(gnupg, "gpg", "--batch", "--import", publicKey.toString());
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            Result verified = run(gnupg, "git", "-C", repositories.get("org/gpg").getDirectory().toString(),
                    "verify-commit", "--raw", commit.getName());
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("GOODSIG " + primaryOnly.primaryKeyId());
        } finally {
            run(gnupg, "gpgconf", "--kill", "all");
        }
    }

    @Test
    void wrongPassphraseIsAClearErrorWithoutThePassphrase() {
        Throwable thrown = catchThrowable(() -> OpenPgpSigner.fromKeyRing(primaryOnly.secretRingArmored(), "not-the-passphrase-xyz", null));

        assertThat(thrown).isInstanceOf(FluxbootException.class)
                .hasMessage("unable to decrypt GPG private key " + primaryOnly.primaryKeyId() + ": check --gpg-passphrase");
        NoSecrets.assertNoSecretIn(thrown, reporter, "not-the-passphrase-xyz", PASSPHRASE);
    }

    @Test
    void badKeyIdsAndRingsAreUsageErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> OpenPgpSigner.fromKeyRing(primaryOnly.secretRingArmored(), PASSPHRASE, "ABCDEF"))
                .isInstanceOf(UsageException.class).hasMessage("invalid GPG key id length; expected 16, got 6 (--gpg-key-id)");
        assertThatThrownBy(() -> OpenPgpSigner.fromKeyRing(primaryOnly.secretRingArmored(), PASSPHRASE, "0123456789ABCDEF"))
                .isInstanceOf(UsageException.class).hasMessage("no GPG keyring matching key id '0123456789ABCDEF' found (--gpg-key-id)");
        assertThatThrownBy(() -> OpenPgpSigner.fromKeyRing(primaryOnly.publicRingArmored(), PASSPHRASE, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("--gpg-key-ring");
        assertThatThrownBy(() -> OpenPgpSigner.fromKeyRingFile(dir.resolve("missing.gpg"), PASSPHRASE, null))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unable to open GPG key ring " + dir.resolve("missing.gpg"));
        Path ring = Files.write(dir.resolve("ring.gpg"), primaryOnly.secretRingBinary());
        assertThat(OpenPgpSigner.fromKeyRingFile(ring, PASSPHRASE, primaryOnly.primaryKeyId()).keyId())
                .isEqualTo(primaryOnly.primaryKeyId());
    }

    /** The commit as it was signed: the raw object without the gpgsig header and its continuation lines. */
    static byte[] withoutGpgsig(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int endOfHeaders = text.indexOf("\n\n");
        String headers = text.substring(0, endOfHeaders + 1);
        StringBuilder kept = new StringBuilder();
        boolean inSignature = false;
        for (String line : headers.split("\n", -1)) {
            if (line.startsWith("gpgsig ")) {
                inSignature = true;
                continue;
            }
            if (inSignature && line.startsWith(" ")) {
                continue;
            }
            inSignature = false;
            kept.append(line).append('\n');
        }
        String rebuilt = kept.substring(0, kept.length() - 1) + text.substring(endOfHeaders + 1);
        assertThat(rebuilt).doesNotContain("gpgsig");
        return rebuilt.getBytes(StandardCharsets.UTF_8);
    }

    private static PGPSignature parse(byte[] armored) throws Exception {
        Object object = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))).nextObject();
        return ((PGPSignatureList) object).get(0);
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey key, byte[] payload) throws Exception {
        signature.init(new BcPGPContentVerifierBuilderProvider(), key);
        signature.update(payload);
        return signature.verify();
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(Path gnupgHome, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", gnupgHome.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private static boolean available(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
