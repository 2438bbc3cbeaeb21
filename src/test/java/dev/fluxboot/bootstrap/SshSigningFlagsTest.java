package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The checks between {@code --ssh-signing-*}, {@code --gpg-*} and {@code --private-key-file}, as Flux
 * makes them: exit 2, one line naming the flags, before any network or cluster access, no secret in it.
 */
class SshSigningFlagsTest {

    private static final String PASSPHRASE = "abcde12345";

    @TempDir
    static Path keys;

    private static Path plainKey;
    private static Path encryptedKey;
    private static Path malformedKey;

    @BeforeAll
    static void writeKeys() throws Exception {
        plainKey = Files.writeString(keys.resolve("ed25519.private"), new SshKeyGenerator().ed25519().privateKeyPem());
        malformedKey = Files.writeString(keys.resolve("malformed.private"), "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");
        encryptedKey = keys.resolve("ed25519-encrypted.private");
        boolean keygen = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ssh-keygen")));
        assumeTrue(keygen, "ssh-keygen not on PATH: skipped");
        Process process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-f",
                encryptedKey.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor()).isZero();
    }

    record Case(String name, List<String> flags, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String gpg = keys.resolve("ring.gpg").toString();
        return Stream.of(
                new Case("GPG and SSH", List.of("--gpg-key-ring", gpg, "--ssh-signing-key-file", plainKey.toString()),
                        "✗ --gpg-* and --ssh-signing-* are mutually exclusive"),
                new Case("GPG and reuse", List.of("--gpg-key-ring", gpg, "--private-key-file", plainKey.toString(),
                        "--ssh-signing-reuse-private-key"), "✗ --gpg-* and --ssh-signing-* are mutually exclusive"),
                new Case("key file and reuse", List.of("--ssh-signing-key-file", plainKey.toString(), "--private-key-file",
                        plainKey.toString(), "--ssh-signing-reuse-private-key"),
                        "✗ --ssh-signing-key-file and --ssh-signing-reuse-private-key are mutually exclusive"),
                new Case("reuse without a private key", List.of("--ssh-signing-reuse-private-key"),
                        "✗ --ssh-signing-reuse-private-key requires --private-key-file"),
                new Case("password without a key", List.of("--ssh-signing-password", "secret-pw-1"),
                        "✗ --ssh-signing-password requires --ssh-signing-key-file"),
                new Case("password and its alias differ", List.of("--ssh-signing-key-file", encryptedKey.toString(),
                        "--ssh-signing-password", "right-pw-1", "--ssh-signing-passphrase", "wrong-pw-1"),
                        "✗ --ssh-signing-password and --ssh-signing-passphrase are aliases; do not pass both"),
                new Case("malformed key", List.of("--ssh-signing-key-file", malformedKey.toString()),
                        "✗ invalid SSH signing key " + malformedKey + " (--ssh-signing-key-file)"),
                new Case("encrypted key without its passphrase", List.of("--ssh-signing-key-file", encryptedKey.toString()),
                        "✗ invalid SSH signing key " + encryptedKey + " (--ssh-signing-key-file): passphrase required"),
                new Case("encrypted key with a wrong passphrase", List.of("--ssh-signing-key-file", encryptedKey.toString(),
                        "--ssh-signing-password", "wrong-pw-1"),
                        "✗ invalid SSH signing key " + encryptedKey + " (--ssh-signing-key-file): wrong passphrase"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLineBeforeAnythingRuns(Case given, @TempDir Path work) {
        List<String> args = new ArrayList<>(List.of("bootstrap", "git", "--kubeconfig", work.resolve("none").toString(),
                "--url", "ssh://git@git.example.com/org/fleet.git"));
        args.addAll(given.flags());

        BootstrapRun run = BootstrapRun.run(Map.of(), Prompter.none(), args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith(given.error());
        assertThat(run.err() + run.out()).doesNotContain("secret-pw-1", "right-pw-1", "wrong-pw-1");
    }
}
