package dev.fluxboot.api;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --ssh-signing-key-file}: both commits of a bootstrap carry an SSH signature that the real
 * {@code git verify-commit} accepts with an allowed signers file holding the signing key.
 */
class SshSignedBootstrapTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void bothBootstrapCommitsVerifyWithGit(@TempDir Path dir) throws Exception {
        assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "no git: skipped");
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
            // Given a deploy key and another key to sign with
            repositories.create("org/fleet");
            SshKeyPair deployKey = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
            SshKeyPair signingKey = new SshKeyGenerator().ed25519();
            ssh.authorize(deployKey.publicKey());
            Path signingKeyFile = Files.writeString(dir.resolve("signing"), signingKey.privateKeyPem());

            // When bootstrapped with commits signed by the signing key
            Fluxboot.builder().build().bootstrap(BootstrapSpec.builder()
                    .url(ssh.url("org/fleet")).path("clusters/signed").silent(true)
                    .credentials(GitCredentials.builder().privateKey(Secret.of(deployKey.privateKeyPem())).build())
                    .commits(CommitOptions.builder().sshSigningKeyFile(signingKeyFile).build())
                    .install(InstallSpec.builder().cluster(ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                            .components(Components.builder().version("v2.9.4").manifests(TestBundles.shared("v2.9.4"))
                                    .build())
                            .timeout(Duration.ofMinutes(3)).build())
                    .build());

            // Then git verifies both commits with that key
            Path allowed = Files.writeString(dir.resolve("allowed_signers"), "flux@cluster " + signingKey.authorizedKey()
                    + "\n");
            List<RevCommit> commits = repositories.log("org/fleet", "main");
            assertThat(commits).extracting(RevCommit::getShortMessage)
                    .containsExactly("Add Flux sync manifests", "Add Flux v2.9.4 component manifests");
            Path bare = repositories.get("org/fleet").getDirectory().toPath();
            for (RevCommit commit : commits) {
                Process verify = new ProcessBuilder("git", "-C", bare.toString(), "-c", "gpg.format=ssh", "-c",
                        "gpg.ssh.allowedSignersFile=" + allowed, "verify-commit", commit.name())
                        .redirectErrorStream(true).start();
                String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(verify.waitFor()).as(output).isZero();
                assertThat(output).contains("Good \"git\" signature for flux@cluster");
            }
        }
    }
}
