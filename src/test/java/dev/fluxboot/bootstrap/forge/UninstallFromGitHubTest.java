package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.Main;
import dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.Run;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.forge.FakeGitHubServer;
import dev.fluxboot.testing.forge.FakeGitHubServer.DeployKeyView;
import dev.fluxboot.testing.forge.ForgeTestBed;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.ui.Prompter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code uninstall --from-git github}: two clusters bootstrapped through the real command into one
 * repository of a fake GitHub (API over HTTPS, Git over HTTPS with the token); uninstalling one
 * removes its folder in one commit and deletes its deploy key, the other cluster's stay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UninstallFromGitHubTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String TOKEN = "ghp_uninstallTokenThatMustNeverBeShown89";
    private static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", TOKEN);
    private static final String REPOSITORY = "fleet/infra";

    @TempDir
    static Path work;

    private static ForgeTestBed bed;
    private static FakeGitHubServer github;
    private static ForgeBootstrapRunner flux;
    private static Path ca;
    private static final List<Run> uninstalls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void twoClustersInOneRepository() {
        Path manifests = TestBundles.shared("v2.8.0");
        bed = new ForgeTestBed(work);
        github = FakeGitHubServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        github.addUser("alice", TOKEN, "repo", "admin:org");
        github.addOrganization("fleet");
        ca = bed.certificates().writeCaFile(work);
        flux = new ForgeBootstrapRunner(kube, "github", manifests, List.of(
                "--hostname", gitHost(), "--api-url", github.apiUrl(), "--ca-file", ca.toString(),
                "--ssh-hostname", "127.0.0.1:" + bed.ssh().port()));
        Run one = flux.run("gh-one", ENV, "--owner", "fleet", "--repository", "infra", "--path", "clusters/one");
        assertThat(one.exitCode()).as(one.err()).isZero();
        Run two = flux.run("gh-two", ENV, "--owner", "fleet", "--repository", "infra", "--path", "clusters/two");
        assertThat(two.exitCode()).as(two.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (github != null) {
            github.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    private static String gitHost() {
        return "127.0.0.1:" + bed.gitHttp().port();
    }

    private static GitRepositories git() {
        return bed.repositories();
    }

    private static String title(String namespace, String path) {
        return namespace + "-main-flux-system-./" + path;
    }

    private static Run uninstall(String... extra) {
        return uninstallFrom("infra", extra);
    }

    private static Run uninstallFrom(String repository, String... extra) {
        List<String> args = new ArrayList<>(List.of("uninstall", "-n", "gh-one", "--kubeconfig", kube.kubeconfig().toString(),
                "--timeout", "2m", "--from-git", "github", "--owner", "fleet", "--repository", repository,
                "--path", "clusters/one", "--hostname", gitHost(), "--api-url", github.apiUrl(), "--ca-file", ca.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(args.toArray(String[]::new), outStream, errStream, ENV, Prompter.none());
        }
        Run run = new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        uninstalls.add(run);
        return run;
    }

    @Test
    @Order(1)
    void dryRunShowsTheRemovalAndTheKeyDeletionAndChangesNothing() {
        // Given
        ObjectId tip = git().tip(REPOSITORY, "main").orElseThrow();
        List<DeployKeyView> keys = github.deployKeys("fleet", "infra");
        assertThat(keys).extracting(DeployKeyView::title)
                .containsExactlyInAnyOrder(title("gh-one", "clusters/one"), title("gh-two", "clusters/two"));

        // When
        Run run = uninstall("--dry-run");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("diff --git a/clusters/one/gh-one/gotk-sync.yaml", "+++ /dev/null\n",
                        "deploy key \"" + title("gh-one", "clusters/one") + "\" would be deleted from")
                .doesNotContain("clusters/two");
        assertThat(git().tip(REPOSITORY, "main")).hasValue(tip);
        assertThat(github.deployKeys("fleet", "infra")).isEqualTo(keys);
    }

    @Test
    @Order(2)
    void uninstallRemovesOnlyThisClustersFolderInOneCommitAndDeletesOnlyItsKey() {
        // Given
        List<String> before = git().log(REPOSITORY, "main").stream().map(RevCommit::name).toList();
        DeployKeyView otherKey = github.deployKeys("fleet", "infra").stream()
                .filter(key -> key.title().equals(title("gh-two", "clusters/two"))).findFirst().orElseThrow();

        // When
        Run run = uninstall("--silent");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(git().files(REPOSITORY, "main")).isNotEmpty()
                .noneMatch(file -> file.startsWith("clusters/one/"))
                .contains("clusters/two/gh-two/gotk-sync.yaml", "clusters/two/gh-two/gotk-components.yaml",
                        "clusters/two/gh-two/kustomization.yaml");
        List<RevCommit> log = git().log(REPOSITORY, "main");
        assertThat(log).hasSize(before.size() + 1);
        assertThat(log.get(0).getShortMessage()).isEqualTo("Remove Flux from clusters/one/gh-one");
        assertThat(log.subList(1, log.size())).extracting(RevCommit::name).isEqualTo(before);
        assertThat(github.deployKeys("fleet", "infra")).containsExactly(otherKey);
        assertThat(run.err()).contains("deploy key \"" + title("gh-one", "clusters/one") + "\" deleted from");
    }

    @Test
    @Order(3)
    void aMissingRepositoryIsAnErrorAndIsNotCreated() {
        // When
        Run run = uninstallFrom("nowhere", "--silent");

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("repository fleet/nowhere was not found");
        assertThat(github.repository("fleet", "nowhere")).isEmpty();
    }

    @Test
    @Order(100)
    void theTokenIsInNoOutput() {
        List<Run> all = new ArrayList<>(flux.runs());
        all.addAll(uninstalls);
        assertThat(uninstalls).hasSize(3);
        for (Run run : all) {
            assertThat(run.out()).doesNotContain(TOKEN);
            assertThat(run.err()).doesNotContain(TOKEN);
        }
    }
}
