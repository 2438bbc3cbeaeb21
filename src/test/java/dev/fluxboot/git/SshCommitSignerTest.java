package dev.fluxboot.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SSH-signed commits as the real git checks them: {@code git verify-commit} with {@code gpg.format=ssh}
 * and an allowed signers file, for each key type fluxboot generates and reads.
 */
class SshCommitSignerTest {

    private static final SshKeyGenerator KEYS = new SshKeyGenerator();

    @BeforeAll
    static void gitAndSshKeygenPresent() {
        assumeTrue(onPath("git") && onPath("ssh-keygen"), "git or ssh-keygen not on PATH: skipped");
    }

    static Stream<Supplier<SshKeyPair>> keys() {
        return Stream.of(KEYS::ed25519, () -> KEYS.ecdsa(EcdsaCurve.P256), () -> KEYS.ecdsa(EcdsaCurve.P384),
                () -> KEYS.ecdsa(EcdsaCurve.P521), () -> KEYS.rsa(2048));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void gitVerifiesTheSignatureWithTheKeyAndRefusesItWithAnother(Supplier<SshKeyPair> keys, @TempDir Path dir)
            throws Exception {
        // Given a commit signed with the key
        SshKeyPair key = keys.get();
        SshCommitSigner signer = new SshCommitSigner(key);
        ObjectId commit;
        try (Git git = Git.init().setDirectory(dir.resolve("repo").toFile()).call()) {
            commit = signedCommit(git.getRepository(), signer);
        }

        // When git verifies it against an allowed signers file with that key, then with another
        Path allowed = Files.writeString(dir.resolve("allowed"), "fluxboot@test " + signer.publicKey() + "\n");
        Path other = Files.writeString(dir.resolve("other"), "fluxboot@test "
                + new SshCommitSigner(KEYS.ed25519()).publicKey() + "\n");
        Result good = verify(dir.resolve("repo"), allowed, commit);
        Result bad = verify(dir.resolve("repo"), other, commit);

        // Then the first is good, the second refused
        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).contains("Good \"git\" signature for fluxboot@test");
        assertThat(bad.exitCode()).as(bad.output()).isNotZero();
    }

    private static ObjectId signedCommit(Repository repository, SshCommitSigner signer) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, "flux\n".getBytes(StandardCharsets.UTF_8));
            TreeFormatter tree = new TreeFormatter();
            tree.append("README", org.eclipse.jgit.lib.FileMode.REGULAR_FILE, blob);
            PersonIdent flux = new PersonIdent("Flux", "flux@example.com", Instant.parse("2026-12-05T00:00:00Z"),
                    ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            commit.setAuthor(flux);
            commit.setCommitter(flux);
            commit.setMessage("Add Flux sync manifests");
            commit.setGpgSignature(new GpgSignature(signer.sign(commit.build())));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    record Result(int exitCode, String output) {
    }

    private static Result verify(Path repository, Path allowedSigners, ObjectId commit) throws Exception {
        Process git = new ProcessBuilder(List.of("git", "-C", repository.toString(), "-c", "gpg.format=ssh",
                "-c", "gpg.ssh.allowedSignersFile=" + allowedSigners, "verify-commit", commit.name()))
                .redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(git.waitFor(), output);
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
