package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything the run will need is checked before its first push or apply. */
class BootstrapChecksFirstTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void aKustomizationThatCannotBeBuiltStopsTheRunBeforeAnythingIsPushedOrApplied(@TempDir Path work) throws Exception {
        Path bundle = TestBundles.shared("v2.9.4");
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        Path keyFile = work.resolve("key");
        Files.writeString(keyFile, key.privateKeyPem());
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories)) {
            // Given the user's kustomization.yaml patches a file that is not there
            repositories.create("org/fleet");
            ObjectId before = repositories.commit("org/fleet", "main", Map.of(
                    "clusters/prod/checked/kustomization.yaml", """
                            apiVersion: kustomize.config.k8s.io/v1beta1
                            kind: Kustomization
                            resources:
                              - gotk-components.yaml
                              - gotk-sync.yaml
                            patches:
                              - path: missing-patch.yaml
                            """), "the user's kustomization");
            ssh.authorize(key.publicKey());

            // When
            BootstrapRun run = BootstrapRun.run(Map.of(), Prompter.none(), List.of("bootstrap", "git", "-n", "checked",
                    "--url", ssh.url("org/fleet"), "--private-key-file", keyFile.toString(), "--silent",
                    "--path", "clusters/prod", "--kubeconfig", kube.kubeconfig().toString(), "--version", "v2.9.4",
                    "--manifests", bundle.toString(), "--timeout", "2m"));

            // Then it fails naming the file, and neither the branch nor the cluster changed
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.lastErrLine()).startsWith("✗ ").contains("missing-patch.yaml");
            assertThat(repositories.tip("org/fleet", "main")).contains(before);
            assertThat(kube.client().namespaces().withName("checked").get()).isNull();
        }
    }
}
