package dev.fluxboot.cli;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code uninstall --from-git git}: a real SSH Git server and the real kube-apiserver; the
 * cluster's Flux folder leaves the repository in one commit, the rest stays.
 */
class UninstallFromGitTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String NAMESPACE = "flux-system";

    @TempDir
    static Path work;

    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static SshKeyPair key;
    private static Path keyFile;

    @BeforeAll
    static void servers() throws IOException {
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        key = new SshKeyGenerator().ecdsa(EcdsaCurve.P384);
        keyFile = work.resolve("key");
        Files.writeString(keyFile, key.privateKeyPem());
        ssh.authorize(key.publicKey());
    }

    /** Given: a repository with the Flux folders of two clusters, one and two, and an app of cluster one. */
    private static void fleet(String repository) {
        repositories.create(repository);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("clusters/one/flux-system/gotk-components.yaml", "# components\n");
        files.put("clusters/one/flux-system/gotk-sync.yaml", "# sync\nline 2\n");
        files.put("clusters/one/flux-system/kustomization.yaml", "resources: []\n");
        files.put("clusters/one/apps/app.yaml", "# an app\n");
        files.put("clusters/two/flux-system/gotk-sync.yaml", "# other cluster\n");
        repositories.commit(repository, "main", files, "Add Flux");
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

    private static CliRun uninstall(String repository, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("uninstall", "--kubeconfig", kube.kubeconfig().toString(),
                "--from-git", "git", "--url", ssh.url(repository), "--path", "clusters/one"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void aDryRunWithTheSourceSecretsKeyShowsTheRemovalAndPushesNothing() {
        // Given the repository, and the source secret bootstrap would have left, with the key and the
        // server's known_hosts
        fleet("org/dry");
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).createOr(existing -> existing.update());
        kube.client().secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                .withName("flux-system").endMetadata()
                .addToStringData("identity", key.privateKeyPem())
                .addToStringData("identity.pub", key.authorizedKey() + "\n")
                .addToStringData("known_hosts", ssh.knownHosts()).build()).createOr(existing -> existing.update());
        Optional<ObjectId> tip = repositories.tip("org/dry", "main");

        // When
        CliRun run = uninstall("org/dry", "--dry-run");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("diff --git a/clusters/one/flux-system/gotk-sync.yaml",
                "--- a/clusters/one/flux-system/gotk-sync.yaml\n", "+++ /dev/null\n", "-line 2\n")
                .doesNotContain("clusters/two", "apps/app.yaml");
        assertThat(run.err()).contains("would remove \"clusters/one/flux-system\" from \"main\"");
        assertThat(run.out() + run.err()).doesNotContain("PRIVATE KEY");
        assertThat(repositories.tip("org/dry", "main")).isEqualTo(tip);
        assertThat(kube.client().secrets().inNamespace(NAMESPACE).withName("flux-system").get()).isNotNull();
    }

    @Test
    void theUninstallRemovesTheClustersFolderInOneCommit() {
        // Given
        fleet("org/removed");

        // When
        CliRun run = uninstall("org/removed", "--silent", "--private-key-file", keyFile.toString());
        CliRun again = uninstall("org/removed", "--silent", "--private-key-file", keyFile.toString());

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repositories.files("org/removed", "main")).containsExactlyInAnyOrder(
                "clusters/one/apps/app.yaml", "clusters/two/flux-system/gotk-sync.yaml");
        assertThat(repositories.log("org/removed", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Remove Flux from clusters/one/flux-system", "Add Flux");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("nothing to remove from Git");
        assertThat(repositories.log("org/removed", "main")).hasSize(2);
    }

    @Test
    void anUnsupportedProviderOrAMissingUrlIsAUsageError() {
        CliRun unknown = CliRun.run("uninstall", "--silent", "--from-git", "sourcehut");
        CliRun noOwner = CliRun.run("uninstall", "--silent", "--from-git", "github", "--repository", "infra");
        CliRun urlForAForge = CliRun.run("uninstall", "--silent", "--from-git", "gitlab", "--owner", "fleet",
                "--repository", "infra", "--url", "https://gitlab.com/fleet/infra");
        CliRun noToken = CliRun.run(Map.of(), "uninstall", "--silent", "--from-git", "gitea", "--owner", "fleet",
                "--repository", "infra");
        CliRun noUrl = CliRun.run("uninstall", "--silent", "--from-git", "git");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--from-git sourcehut is not supported: use git, github, gitlab");
        assertThat(noOwner.exitCode()).isEqualTo(2);
        assertThat(noOwner.err()).contains("--from-git github needs --owner");
        assertThat(urlForAForge.exitCode()).isEqualTo(2);
        assertThat(urlForAForge.err()).contains("--url is for --from-git git");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("GITEA_TOKEN is not set");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("--from-git git needs --url");
    }
}
