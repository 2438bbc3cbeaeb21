package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage errors of {@code fluxboot bootstrap git}: exit 2, one line naming the flag, before any
 * network or cluster access (the kubeconfig points nowhere), and never a secret in it.
 */
class BootstrapGitUsageTest {

    @TempDir
    Path work;

    private BootstrapRun run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("bootstrap", "git", "--kubeconfig", work.resolve("none").toString()));
        all.addAll(List.of(args));
        return BootstrapRun.run(env, Prompter.none(), all);
    }

    private BootstrapRun run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void urlIsRequired() {
        BootstrapRun run = run("--path", "clusters/prod");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("✗ --url is required");
    }

    @Test
    void aPathOutsideTheSparseCheckoutIsRefusedBeforeAnythingRuns() {
        BootstrapRun run = run("--url", "ssh://git@git.example.com/org/repo.git", "--path", "clusters/prod",
                "--sparse-checkout", "apps,infra", "--silent");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("✗ --path \"clusters/prod\" is not inside any "
                + "--sparse-checkout folder (apps, infra), so the cluster would not see its Flux manifests: add it, "
                + "e.g. --sparse-checkout=apps,infra,clusters/prod");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void plainHttpNeedsAllowInsecureHttpAndThePasswordIsNotShown() {
        BootstrapRun run = run("--url", "http://git.example.com/org/repo.git", "--password", "hunter2-password");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).isEqualTo("✗ scheme http is insecure, pass --allow-insecure-http=true to allow it");
        assertThat(run.err() + run.out()).doesNotContain("hunter2-password");
    }

    @Test
    void aShortPasswordDoesNotMaskTheWordsOfTheMessage() {
        BootstrapRun run = run("--url", "http://git.example.com/org/repo.git", "--password", "pass");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).isEqualTo("✗ scheme http is insecure, pass --allow-insecure-http=true to allow it");
    }

    @Test
    void scpLikeAddressesAreRefusedAsFluxRefusesThem() {
        BootstrapRun run = run("--url", "git@github.com:org/repo.git");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).contains("git@github.com:org/repo.git", "ssh://");
    }

    @Test
    void kustomizeBinMustBeAProgram() throws IOException {
        Path notAProgram = Files.writeString(work.resolve("kustomize"), "not a program");

        for (String given : List.of(work.resolve("missing").toString(), notAProgram.toString())) {
            BootstrapRun run = run("--url", "ssh://git@git.example.com/org/repo.git", "--kustomize-bin", given);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString()
                    .isEqualTo("✗ --kustomize-bin " + given + " is not an executable file; give the path of kustomize or kubectl");
        }
    }

    @Test
    void tokenAuthNeedsAToken() {
        BootstrapRun run = run("--url", "https://git.example.com/org/repo.git", "--token-auth");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).contains("--token-auth", "--password", "GIT_PASSWORD");
    }

    @Test
    void tokenAuthWithAnSshUrlNeedsAKeyForTheToolsOwnConnection() {
        BootstrapRun run = run(Map.of("GIT_PASSWORD", "tok-from-env-123"), "--url", "ssh://git@git.example.com/org/repo.git",
                "--token-auth");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).contains("uses SSH", "--private-key-file");
        assertThat(run.err()).doesNotContain("tok-from-env-123");
    }

    @Test
    void bootstrapNeedsSourceAndKustomizeController() {
        BootstrapRun run = run("--url", "ssh://git@git.example.com/org/repo.git", "--components", "source-controller");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).contains("kustomize-controller is required by bootstrap");
    }

    @Test
    void keyFlagsAreCheckedWithFluxsRules() {
        assertThat(run("--url", "ssh://git@h/o/r", "--ssh-key-algorithm", "dsa").lastErrLine())
                .contains("unsupported public key algorithm 'dsa'", "--ssh-key-algorithm");
        assertThat(run("--url", "ssh://git@h/o/r", "--ssh-ecdsa-curve", "p128").lastErrLine())
                .contains("unsupported curve 'p128'");
        assertThat(run("--url", "ssh://git@h/o/r", "--ssh-rsa-bits", "1000").lastErrLine())
                .contains("at least 1024");
        assertThat(run("--url", "ssh://git@h/o/r", "--interval", "soon").exitCode()).isEqualTo(2);
        assertThat(run("--url", "ssh://git@h/o/r", "--ssh-hostkey-algos", "ssh-nonsense").lastErrLine())
                .contains("unsupported SSH host key algorithm 'ssh-nonsense'", "--ssh-hostkey-algos");
    }

    @Test
    void privateKeyFileIsReadBeforeAnythingRuns() throws IOException {
        Path missing = work.resolve("missing-key");
        BootstrapRun absent = run("--url", "ssh://git@h/o/r", "--private-key-file", missing.toString());
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.lastErrLine()).contains("failed to open private key file " + missing);

        Path encrypted = work.resolve("encrypted-key");
        Files.writeString(encrypted, new SshKeyGenerator().ecdsa(EcdsaCurve.P256).toOpenSshPem()
                .replace("BEGIN OPENSSH", "BEGIN ENCRYPTED OPENSSH"));
        assertThat(run("--url", "ssh://git@h/o/r", "--private-key-file", encrypted.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void caFileMustHoldCertificates() throws IOException {
        Path notACertificate = Files.writeString(work.resolve("ca.crt"), "hello\n");

        BootstrapRun run = run("--url", "https://h/o/r.git", "--ca-file", notACertificate.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).contains("--ca-file");
    }

    @Test
    void gpgOptionsNeedAKeyRingAndThePassphraseIsNotShown() {
        BootstrapRun run = run("--url", "ssh://git@h/o/r", "--gpg-passphrase", "gpg-secret-passphrase");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).contains("--gpg-key-ring");
        assertThat(run.err()).doesNotContain("gpg-secret-passphrase");
    }

    @Test
    void helpListsTheGitCommandAndItsFlags() {
        BootstrapRun group = BootstrapRun.run(Map.of(), Prompter.none(), List.of("bootstrap", "--help"));
        BootstrapRun git = BootstrapRun.run(Map.of(), Prompter.none(), List.of("bootstrap", "git", "--help"));

        assertThat(group.exitCode()).isZero();
        assertThat(group.out()).contains("git", "Deploy Flux on a cluster connected to a Git repository");
        assertThat(git.exitCode()).isZero();
        assertThat(git.out()).contains("--url", "--branch", "--path", "--interval", "--username", "--password",
                "--private-key-file", "--token-auth", "--with-bearer-token", "--allow-insecure-http", "--ca-file",
                "--silent", "--secret-name", "--ssh-key-algorithm", "--ssh-ecdsa-curve", "--ssh-rsa-bits",
                "--ssh-hostname", "--ssh-hostkey-algos", "--author-name", "--author-email", "--commit-message-appendix",
                "--gpg-key-ring", "--gpg-passphrase", "--gpg-key-id", "--recurse-submodules", "--components",
                "--components-extra", "--registry", "--image-pull-secret", "--network-policy",
                "--watch-all-namespaces", "--log-level", "--cluster-domain", "--toleration-keys", "--version",
                "--manifests", "--force", "--kubeconfig", "--namespace", "--timeout");
    }
}
