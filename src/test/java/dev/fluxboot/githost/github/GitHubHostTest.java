package dev.fluxboot.githost.github;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.git.ChangeSource;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import dev.fluxboot.testing.forge.FakeGitHubServer;
import dev.fluxboot.testing.forge.ForgeTestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubHostTest {

    private static final String TOKEN = "ghp_aliceTokenThatMustNeverBeShown0001";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final CommitDetails COMMIT = new CommitDetails("Flux", "flux@example.com", "Add Flux sync manifests");

    @TempDir
    Path temp;

    private ForgeTestBed bed;
    private FakeGitHubServer github;

    @BeforeEach
    void start() {
        bed = new ForgeTestBed(temp);
        github = FakeGitHubServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        github.addUser("alice", TOKEN, "repo", "admin:org");
        github.addOrganization("fleet");
        github.addTeam("fleet", "platform");
        github.addTeam("fleet", "viewers");
    }

    @AfterEach
    void stop() {
        github.close();
        bed.close();
    }

    private GitHubHost host(String token) {
        return new GitHubHost(bed.connection(token, github.apiUrl(), TIMEOUT), bed.rateLimits("GitHub", TIMEOUT));
    }

    private GitHubHost host() {
        return host(TOKEN);
    }

    private static RepositorySpec spec(String owner, String name, boolean personal, String visibility, List<TeamAccess> teams,
                                       boolean reconcile) {
        return new RepositorySpec(owner, name, personal, visibility, "Flux fleet", "main", teams, reconcile);
    }

    private static RepositorySpec orgSpec(String name) {
        return spec("fleet", name, false, "private", List.of(), false);
    }

    private static List<String> descriptions(List<HostChange> changes) {
        return changes.stream().map(HostChange::description).toList();
    }

    // ---- repositories ------------------------------------------------------------------------

    @Test
    void createsAMissingOrganizationRepositoryThatTheTokenCanPushTo() {
        // Given an organization without the repository
        // When the repository is reconciled
        RepositoryResult result = host().reconcileRepository(orgSpec("infra"), false);

        // Then it is created private, in the organization, and reported as Flux reports it
        String gitHost = "127.0.0.1:" + bed.gitHttp().port();
        assertThat(descriptions(result.changes())).containsExactly("repository \"https://" + gitHost + "/fleet/infra\" created");
        assertThat(github.repository("fleet", "infra")).hasValueSatisfying(r -> {
            assertThat(r.visibility()).isEqualTo("private");
            assertThat(r.description()).isEqualTo("Flux fleet");
        });
        // And these are all the calls (github-api makes none of its own, e.g. no / or /rate_limit)
        assertThat(github.requests()).extracting(Object::toString)
                .containsExactly("GET /repos/fleet/infra", "GET /orgs/fleet", "POST /orgs/fleet/repos");
        assertThat(github.requests()).allSatisfy(r -> assertThat(r.header("authorization")).contains("token " + TOKEN));
        // And the URLs are Flux's: HTTPS from --hostname, SSH with --ssh-hostname
        RemoteRepository repository = result.repository();
        assertThat(repository.httpsCloneUrl()).isEqualTo("https://" + gitHost + "/fleet/infra.git");
        assertThat(repository.sshUrl()).isEqualTo("ssh://git@127.0.0.1:" + bed.ssh().port() + "/fleet/infra");
        assertThat(repository.owner()).isEqualTo("fleet");
        assertThat(repository.defaultBranch()).isEqualTo("main");
        // And the token pushes to the new, empty repository over HTTPS
        try (RemoteBranch branch = RemoteBranch.fetch(bed.httpsRemote(repository.httpsCloneUrl(), "git", TOKEN), "main",
                bed.reporter())) {
            assertThat(branch.head()).isEmpty();
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("clusters/a/x.yaml", "a: 1\n").build()), COMMIT);
        }
        assertThat(bed.repositories().files("fleet/infra", "main")).containsExactly("clusters/a/x.yaml");
    }

    @Test
    void createsAPersonalRepositoryForTheTokensUser() {
        // Given a personal spec for the token's user
        RepositorySpec spec = spec("alice", "fleet-infra", true, "public", List.of(), false);

        // When it is reconciled
        RepositoryResult result = host().reconcileRepository(spec, false);

        // Then the repository is created under the user, public
        assertThat(github.repository("alice", "fleet-infra")).hasValueSatisfying(r -> assertThat(r.visibility()).isEqualTo("public"));
        assertThat(github.writes()).extracting(Object::toString).containsExactly("POST /user/repos");
        assertThat(result.repository().owner()).isEqualTo("alice");
    }

    @Test
    void refusesAPersonalRepositoryOfAnotherUser() {
        // Given a personal spec naming someone else
        RepositorySpec spec = spec("bob", "fleet-infra", true, "private", List.of(), false);

        // When / Then: one line naming both users, nothing created
        assertThatThrownBy(() -> host().reconcileRepository(spec, false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("--owner bob is not the user the token in GITHUB_TOKEN belongs to (alice): pass --owner=alice, "
                        + "or leave out --personal for an organization's repository");
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void leavesAnExistingRepositoryAloneWithoutReconcile() {
        // Given an existing public repository
        github.addRepository("fleet", "infra", "public", "old");

        // When a private spec is reconciled without --reconcile
        RepositoryResult result = host().reconcileRepository(orgSpec("infra"), false);

        // Then nothing changes
        assertThat(result.changes()).isEmpty();
        assertThat(github.writes()).isEmpty();
        assertThat(github.repository("fleet", "infra").orElseThrow().visibility()).isEqualTo("public");
        assertThat(result.repository().defaultBranch()).isEqualTo("main");
    }

    @Test
    void reconcileBringsVisibilityDescriptionAndDefaultBranchToTheSpec() {
        // Given an existing public repository with another description and a second branch
        github.addRepository("fleet", "infra", "public", "old");
        bed.repositories().commit("fleet/infra", "production", Map.of("a", "b"), "prod");
        RepositorySpec spec = new RepositorySpec("fleet", "infra", false, "private", "Flux fleet", "production", List.of(), true);

        // When it is reconciled
        RepositoryResult result = host().reconcileRepository(spec, false);

        // Then the settings match the spec, in one PATCH
        assertThat(descriptions(result.changes())).singleElement().asString()
                .endsWith("/fleet/infra\" reconciled (visibility private, description Flux fleet, default branch production)");
        FakeGitHubServer.RepositoryView repository = github.repository("fleet", "infra").orElseThrow();
        assertThat(repository.visibility()).isEqualTo("private");
        assertThat(repository.description()).isEqualTo("Flux fleet");
        assertThat(repository.defaultBranch()).isEqualTo("production");
        assertThat(github.writes()).extracting(Object::toString).containsExactly("PATCH /repos/fleet/infra");

        // And a second run changes nothing
        github.clearRequests();
        assertThat(host().reconcileRepository(spec, false).changes()).isEmpty();
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void reconcileReadsPrivateWhenGitHubEnterpriseSendsNoVisibility() {
        // Given an old GitHub Enterprise Server that only says "private"
        github.withoutVisibilityField();
        github.addRepository("fleet", "infra", "private", "Flux fleet");

        // When a private spec is reconciled
        RepositoryResult result = host().reconcileRepository(spec("fleet", "infra", false, "private", List.of(), true), false);

        // Then nothing is changed
        assertThat(result.changes()).isEmpty();
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void grantsMissingTeamAccessAndWarnsAboutWhatFails() {
        // Given a repository the platform team can already read
        github.addRepository("fleet", "infra", "private", "Flux fleet");
        github.grantTeam("fleet", "infra", "platform", "pull");
        github.pageSize(1);
        List<TeamAccess> teams = List.of(new TeamAccess("platform", "maintain"), new TeamAccess("viewers", "pull"),
                new TeamAccess("ghosts", null));

        // When teams are reconciled without --reconcile
        RepositoryResult result = host().reconcileRepository(spec("fleet", "infra", false, "private", teams, false), false);

        // Then the missing team is granted, the existing one kept, the unknown one is a warning
        assertThat(github.repository("fleet", "infra").orElseThrow().teams())
                .containsExactlyInAnyOrderEntriesOf(Map.of("platform", "pull", "viewers", "pull"));
        assertThat(result.changes()).containsExactly(
                HostChange.done("granted \"pull\" permissions to \"viewers\""),
                HostChange.failed("failed to grant \"maintain\" permissions to \"ghosts\": no team 'ghosts' in organization "
                        + "'fleet' (--team takes the team's slug)"));

        // And with --reconcile the existing team gets the asked permission
        RepositoryResult reconciled = host().reconcileRepository(spec("fleet", "infra", false, "private",
                List.of(new TeamAccess("platform", "maintain")), true), false);
        assertThat(reconciled.changes()).containsExactly(HostChange.done("granted \"maintain\" permissions to \"platform\""));
        assertThat(github.repository("fleet", "infra").orElseThrow().teams()).containsEntry("platform", "maintain");
    }

    @Test
    void refusesAnInvalidTeamPermissionBeforeAnyCall() {
        RepositorySpec spec = spec("fleet", "infra", false, "private", List.of(new TeamAccess("platform", "write")), false);

        assertThatThrownBy(() -> host().reconcileRepository(spec, false))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid permission \"write\" for team \"platform\" in --team: use pull, triage, push, maintain or admin");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void dryRunReportsWhatItWouldDoAndChangesNothing() {
        // Given an organization without the repository
        List<TeamAccess> teams = List.of(new TeamAccess("platform", null));

        // When a dry run reconciles it and its deploy key
        GitHubHost host = host();
        RepositoryResult result = host.reconcileRepository(spec("fleet", "infra", false, "private", teams, false), true);
        github.addRepository("fleet", "other", "private", "");
        SshKeyPair key = new SshKeyGenerator().ed25519();
        List<HostChange> keyChanges = host.ensureDeployKey(new RemoteRepository("fleet", "other", "", "", "main"),
                new DeployKey("flux-system-main", key.authorizedKey(), true), true);

        // Then the changes are described and nothing was written
        assertThat(descriptions(result.changes())).containsExactly(
                "repository \"https://127.0.0.1:" + bed.gitHttp().port() + "/fleet/infra\" would be created",
                "would grant \"maintain\" permissions to \"platform\"");
        assertThat(descriptions(keyChanges)).singleElement().asString().startsWith("deploy key \"flux-system-main\" would be configured");
        assertThat(github.writes()).isEmpty();
        assertThat(github.repository("fleet", "infra")).isEmpty();
        assertThat(github.deployKeys("fleet", "other")).isEmpty();
    }

    // ---- deploy keys -------------------------------------------------------------------------

    @Test
    void registersAReadOnlyDeployKeyThatFetchesButCannotPushAndKeepsItOnTheNextRun() {
        // Given a repository with a commit, and a cluster key
        github.addRepository("fleet", "infra", "private", "");
        RemoteRepository repository = host().reconcileRepository(orgSpec("infra"), false).repository();
        SshKeyPair key = new SshKeyGenerator().ecdsa(SshKeyGenerator.DEFAULT_CURVE);
        DeployKey deployKey = new DeployKey(DeployKey.title("flux-system", "main", "flux-system", "clusters/prod"),
                key.authorizedKey() + " flux\n", true);

        // When the deploy key is ensured
        List<HostChange> changes = host().ensureDeployKey(repository, deployKey, false);

        // Then it is registered read-only under Flux's title
        assertThat(descriptions(changes)).containsExactly("configured deploy key \"flux-system-main-flux-system-clusters/prod\" for "
                + "\"https://127.0.0.1:" + bed.gitHttp().port() + "/fleet/infra\"");
        assertThat(github.deployKeys("fleet", "infra")).singleElement().satisfies(k -> {
            assertThat(k.title()).isEqualTo("flux-system-main-flux-system-clusters/prod");
            assertThat(k.key()).isEqualTo(key.authorizedKey().strip());
            assertThat(k.readOnly()).isTrue();
        });
        // And the key fetches over SSH, but may not push
        try (RemoteBranch branch = RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), key), "main", bed.reporter())) {
            assertThat(branch.readFile("README.md")).isPresent();
            assertThatThrownBy(() -> branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("x", "y").build()), COMMIT))
                    .isInstanceOf(FluxbootException.class);
        }

        // And a second run keeps it: no change, no write
        github.clearRequests();
        assertThat(host().ensureDeployKey(repository, deployKey, false)).isEmpty();
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void aReadWriteKeyPushes() {
        github.addRepository("fleet", "infra", "private", "");
        RemoteRepository repository = host().reconcileRepository(orgSpec("infra"), false).repository();
        SshKeyPair key = new SshKeyGenerator().ed25519();

        host().ensureDeployKey(repository, new DeployKey("flux-system-main", key.authorizedKey(), false), false);

        assertThat(github.deployKeys("fleet", "infra")).singleElement().satisfies(k -> assertThat(k.readOnly()).isFalse());
        try (RemoteBranch branch = RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), key), "main", bed.reporter())) {
            assertThat(branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("x", "y").build()), COMMIT)).isPresent();
        }
        assertThat(bed.repositories().files("fleet/infra", "main")).contains("x");
    }

    @Test
    void replacesTheKeyUnderTheTitleAndKeepsOtherClustersKeys() {
        // Given two clusters' keys on one repository, and an unrelated key, over several pages
        github.addRepository("fleet", "infra", "private", "");
        github.pageSize(1);
        RemoteRepository repository = host().reconcileRepository(orgSpec("infra"), false).repository();
        SshKeyPair staging = new SshKeyGenerator().ed25519();
        SshKeyPair production = new SshKeyGenerator().ed25519();
        SshKeyPair other = new SshKeyGenerator().ed25519();
        host().ensureDeployKey(repository, new DeployKey("flux-system-main-clusters/staging", staging.authorizedKey(), true), false);
        host().ensureDeployKey(repository, new DeployKey("flux-system-main-clusters/production", production.authorizedKey(), true), false);
        host().ensureDeployKey(repository, new DeployKey("someone-else", other.authorizedKey(), true), false);

        // When the staging cluster is bootstrapped again with a new key
        SshKeyPair newStaging = new SshKeyGenerator().ed25519();
        List<HostChange> changes = host().ensureDeployKey(repository,
                new DeployKey("flux-system-main-clusters/staging", newStaging.authorizedKey(), true), false);

        // Then the staging key is replaced, the others kept
        assertThat(changes).hasSize(2);
        assertThat(github.deployKeys("fleet", "infra")).extracting(FakeGitHubServer.DeployKeyView::title, FakeGitHubServer.DeployKeyView::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("flux-system-main-clusters/production", production.authorizedKey().strip()),
                        org.assertj.core.groups.Tuple.tuple("someone-else", other.authorizedKey().strip()),
                        org.assertj.core.groups.Tuple.tuple("flux-system-main-clusters/staging", newStaging.authorizedKey().strip()));
        // And the old staging key no longer opens the repository, the new one and production's do
        assertThatThrownBy(() -> RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), staging), "main", bed.reporter()).close())
                .isInstanceOf(FluxbootException.class);
        RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), newStaging), "main", bed.reporter()).close();
        RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), production), "main", bed.reporter()).close();
    }

    @Test
    void registersTheKeyAgainAfterItWasDeletedOnGitHub() {
        github.addRepository("fleet", "infra", "private", "");
        RemoteRepository repository = host().reconcileRepository(orgSpec("infra"), false).repository();
        SshKeyPair key = new SshKeyGenerator().ed25519();
        DeployKey deployKey = new DeployKey("flux-system-main", key.authorizedKey(), true);
        host().ensureDeployKey(repository, deployKey, false);
        github.deleteDeployKey("fleet", "infra", "flux-system-main");

        List<HostChange> changes = host().ensureDeployKey(repository, deployKey, false);

        assertThat(changes).hasSize(1);
        assertThat(github.deployKeys("fleet", "infra")).hasSize(1);
        RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), key), "main", bed.reporter()).close();
    }

    @Test
    void deletesTheKeyWithTheTitleOnly() {
        github.addRepository("fleet", "infra", "private", "");
        RemoteRepository repository = host().reconcileRepository(orgSpec("infra"), false).repository();
        host().ensureDeployKey(repository, new DeployKey("a", new SshKeyGenerator().ed25519().authorizedKey(), true), false);
        host().ensureDeployKey(repository, new DeployKey("b", new SshKeyGenerator().ed25519().authorizedKey(), true), false);

        assertThat(host().deleteDeployKey(repository, "a", true)).hasSize(1);
        assertThat(github.deployKeys("fleet", "infra")).hasSize(2);
        assertThat(host().deleteDeployKey(repository, "a", false)).hasSize(1);

        assertThat(github.deployKeys("fleet", "infra")).extracting(FakeGitHubServer.DeployKeyView::title).containsExactly("b");
    }

    // ---- failures ----------------------------------------------------------------------------

    @Test
    void aBadTokenIsOneLineWithoutTheToken() {
        String wrong = "ghp_wrongTokenThatMustNeverBeShown0002";

        assertThatThrownBy(() -> host(wrong).reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitHub rejected the token (401 Unauthorized): check that GITHUB_TOKEN holds a valid token "
                        + "that has not expired or been revoked")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(wrong));
    }

    @Test
    void aTokenWithoutTheRepoScopeIsNamed() {
        github.addUser("carol", "ghp_carolReadOnly0003", "read:org");

        assertThatThrownBy(() -> host("ghp_carolReadOnly0003").reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitHub refused to create repository fleet/infra (403 Forbidden): the token in GITHUB_TOKEN "
                        + "lacks the 'repo' scope: create a token with it");
    }

    @Test
    void aMissingOrganizationIsNamed() {
        assertThatThrownBy(() -> host().reconcileRepository(spec("nobody", "infra", false, "private", List.of(), false), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitHub organization 'nobody' not found: check --owner, or pass --personal for a repository "
                        + "of the token's user");
    }

    @Test
    void anInvalidRepositoryNameIsAUsageError() {
        assertThatThrownBy(() -> host().reconcileRepository(orgSpec("my fleet"), false))
                .isInstanceOf(UsageException.class)
                .hasMessage("--repository 'my fleet' is not a valid GitHub repository name: use at most 100 letters, "
                        + "digits, '-', '_' and '.'");
    }

    @Test
    void waitsForThePrimaryRateLimitToResetWithinTheTimeout() {
        // Given two requests refused with 403 and no requests remaining, resetting in 30 seconds
        github.exhaustRateLimit(2, 403, bed.now().plusSeconds(30));

        // When the repository is reconciled
        RepositoryResult result = host().reconcileRepository(orgSpec("infra"), false);

        // Then the tool waited twice, said so, and went on
        assertThat(result.changes()).hasSize(1);
        assertThat(bed.waits()).containsExactly(Duration.ofSeconds(31), Duration.ofSeconds(31));
        assertThat(bed.reporter().lines()).first().asString().startsWith("◎ GitHub rate limit reached, waiting until ");
    }

    @Test
    void waitsForASecondaryRateLimitOf429() {
        github.secondaryRateLimit(1, 429, 7);

        host().reconcileRepository(orgSpec("infra"), false);

        assertThat(bed.waits()).containsExactly(Duration.ofSeconds(8));
    }

    @Test
    void failsNamingTheResetWhenTheRateLimitOutlastsTheTimeout() {
        github.exhaustRateLimit(1, 403, bed.now().plusSeconds(3600));
        GitHubHost host = new GitHubHost(bed.connection(TOKEN, github.apiUrl(), Duration.ofMinutes(1)),
                bed.rateLimits("GitHub", Duration.ofMinutes(1)));

        assertThatThrownBy(() -> host.reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("GitHub rate limit reached; it resets at ")
                .hasMessageContaining("later than --timeout (1m0s) allows to wait");
        assertThat(bed.waits()).isEmpty();
    }

    @Test
    void anUnknownCertificateAuthoritySuggestsCaFile() {
        ForgeConnection withoutCa = new ForgeConnection(TOKEN, "127.0.0.1", Optional.of(URI.create(github.apiUrl())),
                Optional.empty(), Map.of(), TIMEOUT, Optional.empty(), bed.reporter());

        assertThatThrownBy(() -> new GitHubHost(withoutCa, bed.rateLimits("GitHub", TIMEOUT)).reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot reach GitHub at " + github.apiUrl() + ": TLS failed")
                .hasMessageEndingWith("pass that CA with --ca-file");
    }

    @Test
    void anUnreachableApiIsOneLine() {
        String closed = github.apiUrl();
        github.close();

        assertThatThrownBy(() -> host().reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot reach GitHub at " + closed + ": ");
    }

    @Test
    void apiUrlFollowsFluxForGitHubAndEnterpriseAndTheOverride() {
        assertThat(GitHubHost.apiUrl(connection("github.com", null))).isEqualTo(URI.create("https://api.github.com"));
        assertThat(GitHubHost.apiUrl(connection("ghe.example.com", null))).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        assertThat(GitHubHost.apiUrl(connection("github.com", "https://proxy.example.com/github/")))
                .isEqualTo(URI.create("https://proxy.example.com/github"));
    }

    private ForgeConnection connection(String hostname, String apiUrl) {
        return new ForgeConnection(TOKEN, hostname, Optional.ofNullable(apiUrl).map(URI::create), Optional.empty(), Map.of(),
                TIMEOUT, Optional.empty(), bed.reporter());
    }

    private static String stackText(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
