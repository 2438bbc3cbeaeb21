package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code bootstrap} refuses before the first push, leaving the branch and the cluster as they
 * were: a symbolic link (or a file) in the repository where it needs the real folder
 * {@code <path>/<namespace>/} or one of its files (named by its path), and a release whose CRDs the
 * cluster does not accept. A real SSH Git server and a real kube-apiserver.
 */
class BootstrapRefusesBeforePushTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @TempDir
    static Path work;

    private static Path bundle;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static Path keyFile;

    @BeforeAll
    static void servers() throws IOException {
        bundle = TestBundles.shared("v2.8.0");
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        keyFile = work.resolve("deploy-key");
        Files.writeString(keyFile, key.privateKeyPem());
        ssh.authorize(key.publicKey());
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (repositories != null) {
            repositories.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "links-1|clusters/prod|link|../shared|clusters/prod|a symbolic link",
            "links-2|clusters/prod/NS|link|../../shared|clusters/prod/NS|a symbolic link",
            "links-3|clusters/prod/NS/kustomization.yaml|link|/etc/passwd"
                    + "|clusters/prod/NS/kustomization.yaml|a symbolic link",
            "links-4|clusters/prod/NS/gotk-components.yaml|link|../../../shared/x.yaml"
                    + "|clusters/prod/NS/gotk-components.yaml|a symbolic link",
            "links-5|clusters|link|.|clusters|a symbolic link",
            "links-6|clusters/prod|file|not a folder|clusters/prod|a file"})
    void aLinkOnTheWayToTheFluxFolderIsRefusedWithItsPath(String repository, String path, String entry, String target,
                                                          String named, String what) {
        // Given a branch with a link (or a file) where the Flux folder (NS: the namespace) or one of its files goes
        path = path.replace("NS", repository);
        named = named.replace("NS", repository);
        repositories.create(repository);
        repositories.commit(repository, "main", Map.of("shared/x.yaml", "a: b\n", "README.md", "fleet\n"), "start");
        if (entry.equals("link")) {
            repositories.commitLinks(repository, "main", Map.of(path, target), "a link");
        } else {
            repositories.commit(repository, "main", Map.of(path, target), "a file");
        }
        String tip = repositories.tip(repository, "main").orElseThrow().name();

        // When
        BootstrapRun run = BootstrapRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), Prompter.none(), List.of(
                "bootstrap", "git", "-n", repository, "--url", ssh.url(repository), "--private-key-file", keyFile.toString(),
                "--silent", "--path", "clusters/prod", "--version", "v2.8.0", "--manifests", bundle.toString(),
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "1m"));

        // Then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.lastErrLine()).startsWith("✗ \"" + named + "\" is " + what + " in branch \"main\" of "
                + ssh.url(repository));
        assertThat(run.err().lines().filter(line -> line.startsWith("✗ "))).hasSize(1);
        assertThat(repositories.tip(repository, "main").orElseThrow().name()).isEqualTo(tip);
        assertThat(kube.client().namespaces().withName(repository).get()).isNull();
    }

    @Test
    void aReleaseWhoseCrdsTheClusterRefusesIsNotPushed() {
        // Given
        String repository = "too-new";
        repositories.create(repository);
        repositories.commit(repository, "main", Map.of("README.md", "fleet\n"), "start");
        String tip = repositories.tip(repository, "main").orElseThrow().name();
        Path future = TestBundles.withUnknownCrdKey("v2.8.0", work, "x-kubernetes-from-the-future");

        // When
        BootstrapRun run = BootstrapRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), Prompter.none(), List.of(
                "bootstrap", "git", "-n", repository, "--url", ssh.url(repository), "--private-key-file", keyFile.toString(),
                "--silent", "--path", "clusters/prod", "--version", "v2.8.0", "--manifests", future.toString(),
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "1m"));

        // Then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.lastErrLine()).startsWith("✗ the cluster refuses CustomResourceDefinition/");
        assertThat(repositories.tip(repository, "main").orElseThrow().name()).isEqualTo(tip);
        assertThat(kube.client().namespaces().withName(repository).get()).isNull();
        assertThat(kube.client().apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
    }
}
