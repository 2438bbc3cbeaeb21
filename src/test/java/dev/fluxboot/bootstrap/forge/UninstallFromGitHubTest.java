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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * removes its folder in one commit and deletes its deploy key, the other cluster's stay. Each test
 * bootstraps the two clusters it needs into a repository of its own.
 */
class UninstallFromGitHubTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String TOKEN = "ghp_uninstallTokenThatMustNeverBeShown89";
    private static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", TOKEN);

    @TempDir
    static Path work;

    private static ForgeTestBed bed;
    private static FakeGitHubServer github;
    private static ForgeBootstrapRunner flux;
    private static Path ca;
    private static final List<Run> uninstalls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void servers() {
        Path manifests = TestBundles.shared("v2.8.0");
        bed = new ForgeTestBed(work);
        github = FakeGitHubServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        github.addUser("alice", TOKEN, "repo", "admin:org");
        github.addOrganization("fleet");
        ca = bed.certificates().writeCaFile(work);
        flux = new ForgeBootstrapRunner(kube, "github", manifests, List.of(
                "--hostname", gitHost(), "--api-url", github.apiUrl(), "--ca-file", ca.toString(),
                "--ssh-hostname", "127.0.0.1:" + bed.ssh().port()));
    }

    /**
     * Given: two clusters, namespaces {@code <prefix>-one} and {@code <prefix>-two}, bootstrapped into
     * the new repository fleet/{@code repository} at clusters/one and clusters/two.
     */
    private static void twoClustersIn(String repository, String prefix) {
        Run one = flux.run(prefix + "-one", ENV, "--owner", "fleet", "--repository", repository, "--path", "clusters/one");
        assertThat(one.exitCode()).as(one.err()).isZero();
        Run two = flux.run(prefix + "-two", ENV, "--owner", "fleet", "--repository", repository, "--path", "clusters/two");
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

    /** {@code uninstall --from-git github} of the cluster in {@code namespace}, at clusters/one of fleet/{@code repository}. */
    private static Run uninstallFrom(String namespace, String repository, String... extra) {
        List<String> args = new ArrayList<>(List.of("uninstall", "-n", namespace, "--kubeconfig", kube.kubeconfig().toString(),
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
    void dryRunShowsTheRemovalAndTheKeyDeletionAndChangesNothing() {
        // Given
        twoClustersIn("dry", "dry");
        ObjectId tip = git().tip("fleet/dry", "main").orElseThrow();
        List<DeployKeyView> keys = github.deployKeys("fleet", "dry");
        assertThat(keys).extracting(DeployKeyView::title)
                .containsExactlyInAnyOrder(title("dry-one", "clusters/one"), title("dry-two", "clusters/two"));

        // When
        Run run = uninstallFrom("dry-one", "dry", "--dry-run");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("diff --git a/clusters/one/dry-one/gotk-sync.yaml", "+++ /dev/null\n",
                        "deploy key \"" + title("dry-one", "clusters/one") + "\" would be deleted from")
                .doesNotContain("clusters/two");
        assertThat(git().tip("fleet/dry", "main")).hasValue(tip);
        assertThat(github.deployKeys("fleet", "dry")).isEqualTo(keys);
    }

    @Test
    void uninstallRemovesOnlyThisClustersFolderInOneCommitAndDeletesOnlyItsKey() {
        // Given
        twoClustersIn("removed", "rm");
        List<String> before = git().log("fleet/removed", "main").stream().map(RevCommit::name).toList();
        DeployKeyView otherKey = github.deployKeys("fleet", "removed").stream()
                .filter(key -> key.title().equals(title("rm-two", "clusters/two"))).findFirst().orElseThrow();

        // When
        Run run = uninstallFrom("rm-one", "removed", "--silent");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(git().files("fleet/removed", "main")).isNotEmpty()
                .noneMatch(file -> file.startsWith("clusters/one/"))
                .contains("clusters/two/rm-two/gotk-sync.yaml", "clusters/two/rm-two/gotk-components.yaml",
                        "clusters/two/rm-two/kustomization.yaml");
        List<RevCommit> log = git().log("fleet/removed", "main");
        assertThat(log).hasSize(before.size() + 1);
        assertThat(log.get(0).getShortMessage()).isEqualTo("Remove Flux from clusters/one/rm-one");
        assertThat(log.subList(1, log.size())).extracting(RevCommit::name).isEqualTo(before);
        assertThat(github.deployKeys("fleet", "removed")).containsExactly(otherKey);
        assertThat(run.err()).contains("deploy key \"" + title("rm-one", "clusters/one") + "\" deleted from");
    }

    @Test
    void keepingTheFolderDeletesOnlyTheKeyAndMakesNoCommit() {
        // Given
        twoClustersIn("kept", "kept");
        ObjectId tip = git().tip("fleet/kept", "main").orElseThrow();
        dev.fluxboot.api.ForgeRepository repository = dev.fluxboot.api.ForgeRepository.builder(
                        dev.fluxboot.api.ForgeType.GITHUB).token(dev.fluxboot.api.Secret.of(TOKEN)).owner("fleet")
                .name("kept").hostname(gitHost()).apiUrl(github.apiUrl()).caFile(ca).build();
        dev.fluxboot.api.UninstallSpec spec = dev.fluxboot.api.UninstallSpec.builder()
                .cluster(dev.fluxboot.api.ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                .namespace("kept-one").silent(true).timeout(java.time.Duration.ofMinutes(2))
                .fromGit(dev.fluxboot.api.UninstallSpec.FromGit.builder().forge(repository).path("clusters/one")
                        .keepFolder(true).build())
                .build();

        // When (the API, as the Terraform provider's destroy with delete_git_manifests = false)
        dev.fluxboot.api.UninstallResult result = dev.fluxboot.api.Fluxboot.builder().environment(ENV).build().uninstall(spec);

        // Then
        assertThat(result.failures()).isEmpty();
        assertThat(git().tip("fleet/kept", "main")).hasValue(tip);
        assertThat(github.deployKeys("fleet", "kept")).extracting(DeployKeyView::title)
                .containsExactly(title("kept-two", "clusters/two"));
    }

    @Test
    void aMissingRepositoryIsAnErrorAndIsNotCreated() {
        // Given Flux in the cluster (an uninstall needs an installation to start)
        try (dev.fluxboot.cluster.Cluster cluster = dev.fluxboot.cluster.KubeClusters.connect(
                java.util.Optional.of(kube.kubeconfig()), java.util.Optional.empty())) {
            cluster.apply(dev.fluxboot.testing.FluxClusterFixture.v280In("gh-missing"), java.time.Duration.ofMinutes(2));
        }

        // When
        Run run = uninstallFrom("gh-missing", "nowhere", "--silent");

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("repository fleet/nowhere was not found");
        assertThat(github.repository("fleet", "nowhere")).isEmpty();
    }

    /** Whatever a test did, the token is in nothing its runs printed, nor in any repository. */
    @AfterEach
    void theTokenIsInNoOutput() {
        try {
            for (Run run : uninstalls) {
                assertThat(run.out()).doesNotContain(TOKEN);
                assertThat(run.err()).doesNotContain(TOKEN);
            }
        } finally {
            uninstalls.clear();
        }
        flux.assertNothingLeakedSinceTheLastCheck(git(), List.of(TOKEN));
    }
}
