package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.Run;
import dev.fluxboot.githost.PublicKeys;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.PATH;
import static dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.title;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap github} end to end, through the real command: a fake GitHub API over
 * HTTPS ({@code --api-url}, {@code --ca-file}) that hands the deploy keys it stores to a real SSH
 * Git server ({@code --ssh-hostname}), Git over HTTPS with the token ({@code --hostname}), the real
 * kube-apiserver and the simulated controllers, which fetch with the Secret the bootstrap wrote:
 * the cluster syncs only if the deploy key was registered right. Scenarios run in order on one API
 * server, each in its own namespace.
 */
class BootstrapGitHubTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String TOKEN = "ghp_aliceTokenThatMustNeverBeShown0123";
    private static final String NARROW_TOKEN = "ghp_bobPublicRepoOnlyTokenNeverShown45";
    private static final String BAD_TOKEN = "ghp_revokedTokenThatMustNeverBeShown67";
    private static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", TOKEN);

    @TempDir
    static Path work;

    private static ForgeTestBed bed;
    private static FakeGitHubServer github;
    private static ForgeBootstrapRunner flux;

    @BeforeAll
    static void servers() {
        Path manifests = TestBundles.shared("v2.8.0");
        bed = new ForgeTestBed(work);
        github = FakeGitHubServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        github.addUser("alice", TOKEN, "repo", "admin:org");
        github.addUser("bob", NARROW_TOKEN, "public_repo");
        github.addOrganization("fleet");
        github.addTeam("fleet", "platform");
        github.addTeam("fleet", "viewers");
        Path ca = bed.certificates().writeCaFile(work);
        flux = new ForgeBootstrapRunner(kube, "github", manifests, List.of(
                "--hostname", gitHost(), "--api-url", github.apiUrl(), "--ca-file", ca.toString(),
                "--ssh-hostname", "127.0.0.1:" + bed.ssh().port()));
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

    private static String tip(String repository) {
        return git().tip(repository, "main").map(ObjectId::name).orElseThrow();
    }

    /** The Secret's public key, as the forge stores it (no comment). */
    /** Given: the cluster bootstrapped into {@code namespace} from the new repository fleet/{@code repository}. */
    private static void bootstrapped(String namespace, String repository) {
        Run run = flux.run(namespace, ENV, "--owner", "fleet", "--repository", repository);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String secretKey(String namespace) {
        Map<String, String> secret = flux.secretData(namespace, "flux-system");
        return PublicKeys.material(secret.get("identity.pub"));
    }

    @Test
    void newOrganizationRepositoryIsCreatedWithAReadOnlyDeployKeyAndTheClusterSyncsOverSsh() {
        Run run = flux.run("gh-org", ENV, "--owner", "fleet", "--repository", "infra");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.repository("fleet", "infra")).get()
                .satisfies(repo -> assertThat(repo.visibility()).isEqualTo("private"));
        assertThat(github.deployKeys("fleet", "infra")).singleElement().satisfies(key -> {
            assertThat(key.title()).isEqualTo("gh-org-main-flux-system-./clusters/my-cluster");
            assertThat(key.readOnly()).isTrue();
            assertThat(key.key()).isEqualTo(secretKey("gh-org"));
        });
        assertThat(flux.secretData("gh-org", "flux-system")).containsOnlyKeys("identity", "identity.pub", "known_hosts");
        assertThat(flux.syncUrl("gh-org")).isEqualTo("ssh://git@127.0.0.1:" + bed.ssh().port() + "/fleet/infra");
        String dir = PATH + "/gh-org/";
        assertThat(git().files("fleet/infra", "main")).containsExactlyInAnyOrder(
                dir + "gotk-components.yaml", dir + "gotk-sync.yaml", dir + "kustomization.yaml");
        assertThat(git().log("fleet/infra", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.8.0 component manifests");
        flux.assertSynced("gh-org", "main@sha1:" + tip("fleet/infra"));
        assertThat(run.err()).contains("✔ repository \"https://" + gitHost() + "/fleet/infra\" created",
                "configured deploy key \"gh-org-main-flux-system-./clusters/my-cluster\"",
                "✔ Kustomization reconciled successfully");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theBuiltJarTakesTheTokenPipedOnStdin() throws Exception {
        // Given the built jar, no GITHUB_TOKEN, and the token piped in as `echo "$GITHUB_TOKEN" | fluxboot ...`
        Path jar = Path.of(System.getProperty("fluxboot.jar", "target/fluxboot.jar"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(jar),
                "target/fluxboot.jar is not built: run 'mvn -DskipTests package' first to include this test");

        // When
        Run run = flux.runJar(jar, "gh-stdin", TOKEN + "\n", "--owner", "fleet", "--repository", "piped");

        // Then the repository was made with alice's token and the cluster syncs; the token is never shown
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.repository("fleet", "piped")).isPresent();
        assertThat(github.deployKeys("fleet", "piped")).singleElement()
                .satisfies(key -> assertThat(key.key()).isEqualTo(secretKey("gh-stdin")));
        flux.assertSynced("gh-stdin", "main@sha1:" + tip("fleet/piped"));
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void reRunChangesNothingOnTheForgeNorInGit() {
        // Given
        bootstrapped("gh-rerun", "rerun");
        String before = tip("fleet/rerun");
        List<DeployKeyView> keys = github.deployKeys("fleet", "rerun");
        github.clearRequests();

        // When
        Run run = flux.run("gh-rerun", ENV, "--owner", "fleet", "--repository", "rerun");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tip("fleet/rerun")).isEqualTo(before);
        assertThat(github.deployKeys("fleet", "rerun")).isEqualTo(keys);
        assertThat(github.writes()).isEmpty();
        assertThat(run.err()).doesNotContain("created").contains("deploy key \"" + title("gh-rerun") + "\" is configured");
    }

    @Test
    void deployKeyDeletedOnTheForgeIsRegisteredAgainWithTheSecretsKey() {
        // Given a bootstrapped cluster whose deploy key was deleted on the forge
        bootstrapped("gh-rekey", "rekey");
        String before = tip("fleet/rekey");
        String key = secretKey("gh-rekey");
        github.deleteDeployKey("fleet", "rekey", title("gh-rekey"));
        assertThat(github.deployKeys("fleet", "rekey")).isEmpty();
        assertThat(ForgeChecks.canFetch(bed, flux.syncUrl("gh-rekey"), flux.secretData("gh-rekey", "flux-system"))).isFalse();

        // Without controllers: with the key gone a fetch fails, and a Ready=False at the current
        // generation stops the wait at once (as in Flux); the repair itself is what is checked here.
        // When
        Run run = flux.runAlone("gh-rekey", ENV, Prompter.none(), "--owner", "fleet", "--repository", "rekey");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.deployKeys("fleet", "rekey")).singleElement().satisfies(registered -> {
            assertThat(registered.title()).isEqualTo(title("gh-rekey"));
            assertThat(registered.key()).isEqualTo(key);
            assertThat(registered.readOnly()).isTrue();
        });
        assertThat(tip("fleet/rekey")).isEqualTo(before);
        assertThat(run.err()).contains("configured deploy key \"" + title("gh-rekey") + "\"");
        assertThat(flux.reconcileSourceNow("gh-rekey")).startsWith("True");
    }

    @Test
    void newPersonalRepositoryPublicWithPrivateFalse() {
        Run run = flux.run("gh-personal", ENV, "--owner", "alice", "--personal", "--private=false",
                "--repository", "personal-fleet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.repository("alice", "personal-fleet")).get()
                .satisfies(repo -> assertThat(repo.visibility()).isEqualTo("public"));
        assertThat(github.deployKeys("alice", "personal-fleet")).singleElement()
                .satisfies(key -> assertThat(key.key()).isEqualTo(secretKey("gh-personal")));
        flux.assertSynced("gh-personal", "main@sha1:" + tip("alice/personal-fleet"));
    }

    @Test
    void existingRepositoryKeepsItsHistoryAndWithoutReconcileItsVisibility() {
        github.addRepository("fleet", "existing", "public", "Existing fleet");
        String initial = tip("fleet/existing");

        Run run = flux.run("gh-existing", ENV, "--owner", "fleet", "--repository", "existing");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("created");
        assertThat(git().log("fleet/existing", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.8.0 component manifests", "Initial commit");
        assertThat(git().log("fleet/existing", "main").get(2).name()).isEqualTo(initial);
        assertThat(git().readFile("fleet/existing", "main", "README.md")).hasValue("# existing\n");
        assertThat(github.repository("fleet", "existing")).get()
                .satisfies(repo -> assertThat(repo.visibility()).isEqualTo("public"));
        flux.assertSynced("gh-existing", "main@sha1:" + tip("fleet/existing"));
    }

    @Test
    void reconcileBringsTheExistingRepositoryToPrivateWithoutANewCommit() {
        // Given a public repository that a bootstrap without --reconcile left public
        github.addRepository("fleet", "made-private", "public", "Existing fleet");
        Run first = flux.run("gh-private", ENV, "--owner", "fleet", "--repository", "made-private");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String before = tip("fleet/made-private");

        // When
        Run run = flux.run("gh-private", ENV, "--owner", "fleet", "--repository", "made-private", "--reconcile");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.repository("fleet", "made-private")).get()
                .satisfies(repo -> assertThat(repo.visibility()).isEqualTo("private"));
        assertThat(tip("fleet/made-private")).isEqualTo(before);
        assertThat(run.err()).contains("reconciled (visibility private)");
    }

    @Test
    void readWriteKeyMayPush() {
        Run run = flux.run("gh-rw", ENV, "--owner", "fleet", "--repository", "rw", "--read-write-key");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.deployKeys("fleet", "rw")).singleElement().satisfies(key -> {
            assertThat(key.readOnly()).isFalse();
            assertThat(key.key()).isEqualTo(secretKey("gh-rw"));
        });
    }

    @Test
    void teamsAreGrantedWithTheirPermissionAndAMissingTeamIsOnlyAWarning() {
        Run run = flux.run("gh-teams", ENV, "--owner", "fleet", "--repository", "teamed",
                "--team", "platform", "--team", "viewers:pull,ghosts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.repository("fleet", "teamed")).get().satisfies(repo ->
                assertThat(repo.teams()).containsExactlyInAnyOrderEntriesOf(Map.of("platform", "maintain", "viewers", "pull")));
        assertThat(run.err().lines()).anySatisfy(line -> assertThat(line).startsWith("⚠️").contains("ghosts"));
        assertThat(run.err()).contains("✔ granted \"maintain\" permissions to \"platform\"",
                "✔ granted \"pull\" permissions to \"viewers\"");
        flux.assertSynced("gh-teams", "main@sha1:" + tip("fleet/teamed"));
    }

    @Test
    void tokenAuthPutsTheTokenInTheSecretOnlyAndRegistersNoKey() {
        Run run = flux.run("gh-token", ENV, "--owner", "fleet", "--repository", "tokened", "--token-auth");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(github.deployKeys("fleet", "tokened")).isEmpty();
        Map<String, String> secret = flux.secretData("gh-token", "flux-system");
        assertThat(secret).containsOnlyKeys("username", "password", "ca.crt");
        assertThat(secret.get("username")).isEqualTo("git");
        assertThat(secret.get("password")).isEqualTo(TOKEN);
        assertThat(secret.get("ca.crt")).isEqualTo(bed.certificates().caPem());
        assertThat(flux.syncUrl("gh-token")).isEqualTo("https://" + gitHost() + "/fleet/tokened.git");
        flux.assertSynced("gh-token", "main@sha1:" + tip("fleet/tokened"));
    }

    @Test
    void twoClustersOnOneRepositoryGetTwoKeysAndBothAreKept() {
        Run first = flux.run("gh-a", ENV, "--owner", "fleet", "--repository", "shared", "--path", "clusters/a");
        Run second = flux.run("gh-b", ENV, "--owner", "fleet", "--repository", "shared", "--path", "clusters/b");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(github.deployKeys("fleet", "shared"))
                .extracting(DeployKeyView::title, DeployKeyView::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("gh-a-main-flux-system-./clusters/a", secretKey("gh-a")),
                        org.assertj.core.groups.Tuple.tuple("gh-b-main-flux-system-./clusters/b", secretKey("gh-b")));
        assertThat(git().files("fleet/shared", "main")).contains("clusters/a/gh-a/gotk-sync.yaml",
                "clusters/b/gh-b/gotk-sync.yaml");
        flux.assertSynced("gh-b", "main@sha1:" + tip("fleet/shared"));
    }

    @Test
    void rateLimitWithinTheTimeoutIsWaitedOut() {
        github.exhaustRateLimit(1, 403, Instant.now().plusSeconds(2));

        Run run = flux.run("gh-limited", ENV, "--owner", "fleet", "--repository", "limited");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("◎ GitHub rate limit reached, waiting until");
        assertThat(github.repository("fleet", "limited")).isPresent();
    }

    @Test
    void rateLimitBeyondTheTimeoutFailsNamingTheResetTime() {
        github.exhaustRateLimit(1, 429, Instant.parse("2099-01-02T03:04:05Z"));

        Run run = flux.runAlone("gh-fail", ENV, Prompter.none(), "--owner", "fleet", "--repository", "too-soon");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).startsWith("✗ GitHub rate limit reached; it resets at 2099-01-02 03:04:05 UTC");
        assertThat(github.repository("fleet", "too-soon")).isEmpty();
    }

    @Test
    void badTokenIsOneLineNamingTheVariable() {
        Run run = flux.runAlone("gh-fail", Map.of("GITHUB_TOKEN", BAD_TOKEN), Prompter.none(),
                "--owner", "fleet", "--repository", "unauthorized");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("✗ GitHub rejected the token (401 Unauthorized): check that GITHUB_TOKEN "
                + "holds a valid token that has not expired or been revoked");
        assertThat(github.repository("fleet", "unauthorized")).isEmpty();
    }

    @Test
    void tokenWithoutTheRepoScopeIsOneLineNamingTheScope() {
        Run run = flux.runAlone("gh-fail", Map.of("GITHUB_TOKEN", NARROW_TOKEN), Prompter.none(),
                "--owner", "fleet", "--repository", "forbidden");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).startsWith("✗ GitHub refused to").contains("(403 Forbidden)",
                "lacks the 'repo' scope");
        assertThat(github.repository("fleet", "forbidden")).isEmpty();
    }

    @Test
    void unknownOwnerIsOneLineNamingTheFlag() {
        Run run = flux.runAlone("gh-fail", ENV, Prompter.none(), "--owner", "ghost-org", "--repository", "infra");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("✗ GitHub organization 'ghost-org' not found: check --owner, or pass "
                + "--personal for a repository of the token's user");
    }

    @Test
    void withoutTheVariableTheTokenIsAskedForAtTheTerminal() {
        List<String> prompts = new ArrayList<>();
        Prompter person = new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                throw new AssertionError("no question expected: " + question);
            }

            @Override
            public Optional<String> readSecret(String prompt) {
                prompts.add(prompt);
                return Optional.of(TOKEN);
            }
        };

        // The owner does not exist: the answer proves the API saw the entered token (else a 401).
        Run run = flux.runAlone("gh-fail", Map.of(), person, "--owner", "ghost-org", "--repository", "infra");

        assertThat(prompts).containsExactly("Please enter your GitHub personal access token (PAT): ");
        assertThat(run.lastErrLine()).startsWith("✗ GitHub organization 'ghost-org' not found");
    }

    @Test
    void withoutTheVariableAndWithoutATerminalTheRunStopsNamingTheVariable() {
        Run run = flux.runAlone("gh-fail", Map.of(), Prompter.none(), "--owner", "fleet", "--repository", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("✗ GITHUB_TOKEN is not set and there is no "
                + "terminal to ask for the token, so set it: export GITHUB_TOKEN=<GitHub personal access token>");
    }

    @Test
    void dryRunListsTheForgeChangesAndChangesNothing() {
        github.clearRequests();

        Run run = flux.runAlone("gh-dry", ENV, Prompter.none(), "--owner", "fleet", "--repository", "dry-run-repo",
                "--dry-run", "--exit-code");

        assertThat(run.exitCode()).as(run.err()).isIn(1, 3);
        assertThat(github.repository("fleet", "dry-run-repo")).isEmpty();
        assertThat(github.writes()).isEmpty();
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    /** Whatever a test did, no token nor private key is in what its runs printed, nor in any repository. */
    @AfterEach
    void noTokenOrPrivateKeyInAnyOutputOrCommit() {
        flux.assertNothingLeakedSinceTheLastCheck(git(), List.of(TOKEN, NARROW_TOKEN, BAD_TOKEN));
    }
}
