package dev.fluxboot.githost.gitlab;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.git.ChangeSource;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.DeployTokenResult;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import dev.fluxboot.testing.forge.FakeGitLabServer;
import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.forge.TestConnectProxy;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitLabHostTest {

    private static final SshKeyGenerator KEYS = new SshKeyGenerator();
    private static TestCertificates certificates;

    @TempDir
    Path dir;

    private GitRepositories repositories;
    private HttpGitServer git;
    private SshGitServer ssh;
    private FakeGitLabServer gitlab;
    private FakeGitLabServer.User alice;
    private String token;
    private Path caFile;
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<GitLabHost> hosts = new ArrayList<>();

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.generate();
    }

    @BeforeEach
    void servers() {
        repositories = new GitRepositories();
        git = HttpGitServer.startHttps(repositories, certificates);
        ssh = SshGitServer.start(repositories);
        gitlab = FakeGitLabServer.start(certificates, repositories, git, ssh);
        alice = gitlab.addUser("alice");
        token = gitlab.addToken(alice, "api");
        gitlab.addGroup("fleet");
        caFile = certificates.writeCaFile(dir);
    }

    @AfterEach
    void stop() {
        assertThat(reporter.lines()).as("the token is never reported").noneMatch(line -> line.contains(token));
        hosts.forEach(GitLabHost::close);
        gitlab.close();
        ssh.close();
        git.close();
        repositories.close();
    }

    @AfterAll
    static void done() {
        certificates = null;
    }

    // ---- repositories ----

    @Test
    void createsAPrivateProjectInAGroupWithoutACommitAndARerunChangesNothing() {
        // Given a group without the project
        GitLabHost host = host(token);

        // When the repository is reconciled twice
        RepositoryResult first = host.reconcileRepository(spec("fleet", "infra"), false);
        RepositoryResult second = host.reconcileRepository(spec("fleet", "infra"), false);

        // Then it was created once, private and empty, with Flux's URLs
        assertThat(first.changes()).extracting(HostChange::description)
                .containsExactly("repository \"https://" + gitlab.hostname() + "/fleet/infra\" created");
        assertThat(second.changes()).isEmpty();
        FakeGitLabServer.Project project = gitlab.project("fleet/infra").orElseThrow();
        assertThat(project.visibility()).isEqualTo("private");
        assertThat(repositories.log("fleet/infra", "main")).isEmpty();
        RemoteRepository remote = second.repository();
        assertThat(remote.httpsCloneUrl()).isEqualTo("https://" + gitlab.hostname() + "/fleet/infra.git");
        assertThat(remote.sshUrl()).isEqualTo("ssh://git@127.0.0.1:" + ssh.port() + "/fleet/infra");
        assertThat(remote.defaultBranch()).isEqualTo("main");
        assertThat(gitlab.writes()).hasSize(1);
    }

    @Test
    void createsTheProjectInASubgroupGivenByItsFullPath() {
        // Given a subgroup
        gitlab.addGroup("org");
        gitlab.addGroup("org/platform");

        // When
        RepositoryResult result = host(token).reconcileRepository(spec("org/platform", "clusters"), false);

        // Then
        assertThat(gitlab.project("org/platform/clusters")).isPresent();
        assertThat(result.repository().sshUrl()).endsWith("/org/platform/clusters");
        assertThat(gitlab.requests()).anyMatch(r -> r.startsWith("GET /api/v4/groups/org%2Fplatform"));
    }

    @Test
    void createsAPersonalProjectInTheTokenUsersNamespace() {
        // When
        RepositoryResult result = host(token).reconcileRepository(personal("alice", "home"), false);

        // Then
        assertThat(gitlab.project("alice/home")).isPresent();
        assertThat(result.repository().httpsCloneUrl()).endsWith("/alice/home.git");
    }

    @Test
    void refusesAPersonalProjectForAnotherUser() {
        assertThatThrownBy(() -> host(token).reconcileRepository(personal("bob", "home"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("the specified owner 'bob' doesn't match the identity associated with the given token ('alice'): "
                        + "with --personal, --owner must be the token's user");
        assertThat(gitlab.writes()).isEmpty();
    }

    @Test
    void keepsAnExistingProjectAsItIsWithoutReconcile() {
        // Given a public project with a commit on main
        gitlab.addProject("fleet", "infra", "public", "main");

        // When
        RepositoryResult result = host(token).reconcileRepository(spec("fleet", "infra"), false);

        // Then
        assertThat(result.changes()).isEmpty();
        assertThat(gitlab.project("fleet/infra").orElseThrow().visibility()).isEqualTo("public");
        assertThat(result.repository().defaultBranch()).isEqualTo("main");
        assertThat(gitlab.writes()).isEmpty();
    }

    @Test
    void reconcileBringsVisibilityAndDescriptionToTheSpecAndWarnsForAMissingDefaultBranch() {
        // Given a public project whose only branch is main
        gitlab.addProject("fleet", "infra", "public", "main");
        RepositorySpec wanted = new RepositorySpec("fleet", "infra", false, "internal", "Flux fleet", "develop", List.of(), true);

        // When
        RepositoryResult result = host(token).reconcileRepository(wanted, false);

        // Then visibility and description changed; the default branch could not be (no such branch yet)
        FakeGitLabServer.Project project = gitlab.project("fleet/infra").orElseThrow();
        assertThat(project.visibility()).isEqualTo("internal");
        assertThat(project.description()).isEqualTo("Flux fleet");
        assertThat(result.changes()).filteredOn(c -> !c.warning()).extracting(HostChange::description)
                .containsExactly("repository \"https://" + gitlab.hostname() + "/fleet/infra\" reconciled (visibility internal, description)");
        assertThat(result.changes()).filteredOn(HostChange::warning).singleElement()
                .satisfies(c -> assertThat(c.description()).contains("not set to develop").contains("does not exist"));
    }

    @Test
    void reconcileSetsAnExistingDefaultBranch() {
        // Given a project with main (default) and develop
        gitlab.addProject("fleet", "infra", "private", "main");
        repositories.commit("fleet/infra", "develop", Map.of("a", "b"), "develop");

        // When
        RepositoryResult result = host(token).reconcileRepository(
                new RepositorySpec("fleet", "infra", false, "private", "", "develop", List.of(), true), false);

        // Then
        assertThat(result.changes()).extracting(HostChange::description).containsExactly(
                "repository \"https://" + gitlab.hostname() + "/fleet/infra\" default branch set to develop");
        assertThat(result.repository().defaultBranch()).isEqualTo("main");
        assertThat(host(token).reconcileRepository(spec("fleet", "infra"), false).repository().defaultBranch()).isEqualTo("develop");
    }

    @Test
    void sharesTheProjectWithTeamsAndWarnsForAMissingGroup() {
        // Given two groups
        FakeGitLabServer.Group ops = gitlab.addGroup("ops");
        FakeGitLabServer.Group devs = gitlab.addGroup("devs");
        RepositorySpec spec = new RepositorySpec("fleet", "infra", false, "private", "", "main",
                List.of(new TeamAccess("ops", "push"), new TeamAccess("devs", null), new TeamAccess("nobody", "pull")), false);

        // When
        RepositoryResult result = host(token).reconcileRepository(spec, false);

        // Then push = Developer (30), default maintain = Maintainer (40), the missing group is a warning
        assertThat(gitlab.project("fleet/infra").orElseThrow().shares()).containsOnly(
                Map.entry(ops.id(), 30), Map.entry(devs.id(), 40));
        assertThat(result.changes()).extracting(HostChange::description).contains(
                "granted \"push\" permissions to \"ops\"", "granted \"maintain\" permissions to \"devs\"");
        assertThat(result.changes()).filteredOn(HostChange::warning).extracting(HostChange::description)
                .containsExactly("failed to grant \"pull\" permissions to \"nobody\": GitLab group 'nobody' not found");

        // And a re-run grants nothing; with --reconcile a changed permission is re-granted
        RepositorySpec again = new RepositorySpec("fleet", "infra", false, "private", "", "main",
                List.of(new TeamAccess("ops", "push"), new TeamAccess("devs", null)), false);
        assertThat(host(token).reconcileRepository(again, false).changes()).isEmpty();
        RepositorySpec admin = new RepositorySpec("fleet", "infra", false, "private", "", "main",
                List.of(new TeamAccess("ops", "admin")), true);
        assertThat(host(token).reconcileRepository(admin, false).changes()).extracting(HostChange::description)
                .containsExactly("granted \"admin\" permissions to \"ops\"");
        assertThat(gitlab.project("fleet/infra").orElseThrow().shares()).containsEntry(ops.id(), 50);
    }

    @Test
    void refusesAnUnknownTeamPermission() {
        RepositorySpec spec = new RepositorySpec("fleet", "infra", false, "private", "", "main",
                List.of(new TeamAccess("ops", "write")), false);
        assertThatThrownBy(() -> host(token).reconcileRepository(spec, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("invalid permission \"write\" for team \"ops\"");
    }

    @Test
    void refusesAnInvalidProjectNameBeforeAnyRequest() {
        assertThatThrownBy(() -> host(token).reconcileRepository(spec("fleet", "-bad name"), false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("\"-bad name\" is an invalid project name for GitLab (--repository)");
        assertThat(gitlab.requests()).isEmpty();
    }

    @Test
    void dryRunReportsTheProjectAndKeyItWouldCreateAndChangesNothing() {
        // When
        gitlab.addGroup("ops");
        RepositoryResult result = host(token).reconcileRepository(new RepositorySpec("fleet", "infra", false, "private", "",
                "main", List.of(new TeamAccess("ops", null)), false), true);
        SshKeyPair key = KEYS.ecdsa(EcdsaCurve.P384);
        List<HostChange> keyChanges = host(token).ensureDeployKey(
                new RemoteRepository("fleet", "infra", "", "", "main"), deployKey("flux-system-main", key, true), true);

        // Then
        assertThat(result.changes()).extracting(HostChange::description)
                .containsExactly("repository \"https://" + gitlab.hostname() + "/fleet/infra\" would be created",
                        "would grant \"maintain\" permissions to \"ops\"");
        assertThat(gitlab.project("fleet/infra")).isEmpty();
        assertThat(gitlab.writes()).isEmpty();
        assertThat(keyChanges).extracting(HostChange::description).containsExactly("would configure deploy key "
                + "\"flux-system-main\" for \"https://" + gitlab.hostname() + "/fleet/infra\"");
    }

    // ---- deploy keys ----

    @Test
    void registersAReadOnlyDeployKeyThatTheSshServerThenAcceptsForFetchOnly() {
        // Given a project with a commit
        gitlab.addProject("fleet", "infra", "private", "main");
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair key = KEYS.ecdsa(EcdsaCurve.P384);

        // When the key is ensured twice
        List<HostChange> first = host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./clusters/a", key, true), false);
        int writes = gitlab.writes().size();
        List<HostChange> second = host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./clusters/a", key, true), false);

        // Then it was added once, read-only, and the SSH server lets it fetch but not push
        assertThat(first).extracting(HostChange::description).containsExactly("configured deploy key "
                + "\"flux-system-main-flux-system-./clusters/a\" for \"https://" + gitlab.hostname() + "/fleet/infra\"");
        assertThat(second).isEmpty();
        assertThat(gitlab.writes()).hasSize(writes);
        assertThat(gitlab.project("fleet/infra").orElseThrow().deployKeys()).singleElement()
                .satisfies(k -> assertThat(k.canPush()).isFalse());
        assertThat(fetchOverSsh(remote, key)).isTrue();
        assertThatThrownBy(() -> pushOverSsh(remote, key)).isInstanceOf(FluxbootException.class);
    }

    @Test
    void aReadWriteKeyCanPush() {
        gitlab.addProject("fleet", "infra", "private", "main");
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair key = KEYS.ed25519();

        host.ensureDeployKey(remote, deployKey("flux-system-main", key, false), false);

        assertThat(gitlab.project("fleet/infra").orElseThrow().deployKeys()).singleElement()
                .satisfies(k -> assertThat(k.canPush()).isTrue());
        pushOverSsh(remote, key);
        assertThat(repositories.log("fleet/infra", "main")).hasSize(2);
    }

    @Test
    void replacesTheKeyUnderTheSameTitleAndKeepsOtherClustersKeys() {
        // Given two clusters' keys on one project
        gitlab.addProject("fleet", "infra", "private", "main");
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair staging = KEYS.ecdsa(EcdsaCurve.P256);
        SshKeyPair production = KEYS.ecdsa(EcdsaCurve.P256);
        host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./staging", staging, true), false);
        host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./production", production, true), false);

        // When staging comes back with a new key
        SshKeyPair rotated = KEYS.ecdsa(EcdsaCurve.P256);
        List<HostChange> changes = host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./staging", rotated, true), false);

        // Then the staging key was replaced and production's kept
        assertThat(changes).hasSize(1);
        assertThat(gitlab.project("fleet/infra").orElseThrow().deployKeys()).extracting(FakeGitLabServer.StoredKey::title)
                .containsExactlyInAnyOrder("flux-system-main-flux-system-./staging", "flux-system-main-flux-system-./production");
        assertThat(fetchOverSsh(remote, rotated)).isTrue();
        assertThat(fetchOverSsh(remote, production)).isTrue();
        assertThat(fetchOverSsh(remote, staging)).isFalse();
    }

    @Test
    void registersTheKeyAgainAfterItWasDeletedOnTheForge() {
        gitlab.addProject("fleet", "infra", "private", "main");
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair key = KEYS.ecdsa(EcdsaCurve.P384);
        host.ensureDeployKey(remote, deployKey("flux-system-main", key, true), false);

        // When someone deletes it on the web UI and the bootstrap runs again
        gitlab.deleteDeployKey(gitlab.project("fleet/infra").orElseThrow(), "flux-system-main");
        assertThat(fetchOverSsh(remote, key)).isFalse();
        List<HostChange> changes = host.ensureDeployKey(remote, deployKey("flux-system-main", key, true), false);

        // Then
        assertThat(changes).hasSize(1);
        assertThat(fetchOverSsh(remote, key)).isTrue();
    }

    @Test
    void findsItsKeyOnALaterPage() {
        // Given three pages of other clusters' keys and ours last
        gitlab.addProject("fleet", "infra", "private", "main");
        gitlab.maxPerPage(2);
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        for (int i = 0; i < 5; i++) {
            host.ensureDeployKey(remote, deployKey("cluster-" + i, KEYS.ecdsa(EcdsaCurve.P256), true), false);
        }
        SshKeyPair ours = KEYS.ecdsa(EcdsaCurve.P256);
        host.ensureDeployKey(remote, deployKey("flux-system-main", ours, true), false);
        int writes = gitlab.writes().size();

        // When
        List<HostChange> changes = host.ensureDeployKey(remote, deployKey("flux-system-main", ours, true), false);

        // Then
        assertThat(changes).isEmpty();
        assertThat(gitlab.writes()).hasSize(writes);
        assertThat(gitlab.requests()).anyMatch(r -> r.contains("deploy_keys?") && r.contains("page=3"));
    }

    @Test
    void deletesOnlyTheKeyWithTheTitle() {
        gitlab.addProject("fleet", "infra", "private", "main");
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        host.ensureDeployKey(remote, deployKey("a", KEYS.ecdsa(EcdsaCurve.P256), true), false);
        host.ensureDeployKey(remote, deployKey("b", KEYS.ecdsa(EcdsaCurve.P256), true), false);

        List<HostChange> changes = host.deleteDeployKey(remote, "a", false);

        assertThat(changes).hasSize(1);
        assertThat(gitlab.project("fleet/infra").orElseThrow().deployKeys()).extracting(FakeGitLabServer.StoredKey::title)
                .containsExactly("b");
    }

    // ---- token auth and deploy tokens ----

    @Test
    void theCloneUrlTakesTheTokenOverHttps() {
        // Given a new project
        RemoteRepository remote = host(token).reconcileRepository(spec("fleet", "infra"), false).repository();

        // When the bootstrap pushes over HTTPS with the token as Flux does (user name = owner)
        GitRemote https = GitRemote.of(remote.httpsCloneUrl(), new GitAuth.Basic("fleet", token),
                TransportOptions.defaults().withCaCertificates(certificates.caPem()));
        try (RemoteBranch branch = RemoteBranch.fetch(https, "main", reporter)) {
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("README.md", "hi\n").build()),
                    new CommitDetails("Flux", "flux@example.com", "first"));
        }

        // Then
        assertThat(repositories.readFile("fleet/infra", "main", "README.md")).contains("hi\n");
    }

    @Test
    void createsAReadOnlyDeployTokenKeepsItWhileTheSecretHoldsItAndReplacesItOtherwise() {
        gitlab.addProject("fleet", "infra", "private", "main");
        GitLabHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();

        // When a token is ensured for a cluster without a Secret yet
        DeployTokenResult first = host.ensureDeployToken(remote, "flux-system-main", Optional.empty(), false);

        // Then it exists, reads over HTTPS and cannot push
        var created = first.created().orElseThrow();
        assertThat(created.username()).startsWith("gitlab+deploy-token-");
        assertThat(created.toString()).doesNotContain(created.token());
        assertThat(first.changes()).extracting(HostChange::description).containsExactly(
                "configured deploy token \"flux-system-main\" for \"https://" + gitlab.hostname() + "/fleet/infra\"");
        assertThat(fetchOverHttps(remote, created.username(), created.token())).isTrue();
        assertThat(gitlab.project("fleet/infra").orElseThrow().deployTokens()).singleElement()
                .satisfies(t -> assertThat(t.scopes()).containsExactly("read_repository"));

        // And a re-run with the Secret holding it changes nothing
        DeployTokenResult again = host.ensureDeployToken(remote, "flux-system-main", Optional.of(created.username()), false);
        assertThat(again.created()).isEmpty();
        assertThat(again.changes()).isEmpty();

        // And a run without the Secret (new cluster) revokes it and creates another
        DeployTokenResult replaced = host.ensureDeployToken(remote, "flux-system-main", Optional.empty(), false);
        assertThat(replaced.created()).isPresent();
        assertThat(fetchOverHttps(remote, created.username(), created.token())).isFalse();
        assertThat(fetchOverHttps(remote, replaced.created().get().username(), replaced.created().get().token())).isTrue();
    }

    // ---- failures ----

    @Test
    void aBadTokenIsOneLineNamingTheVariableWithoutTheToken() {
        String wrong = "glpat-wrong-token-123";
        assertThatThrownBy(() -> host(wrong).reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitLab rejected the token (401 Unauthorized): check that GITLAB_TOKEN holds a valid token "
                        + "that has not expired or been revoked")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    }

    @Test
    void aTokenWithoutTheApiScopeIsNamed() {
        // Given a read-only token
        String readOnly = gitlab.addToken(alice, "read_api");

        // When the project must be created
        assertThatThrownBy(() -> host(readOnly).reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitLab refused to create project fleet/infra (403 Forbidden): the token in GITLAB_TOKEN lacks "
                        + "the 'api' scope: create a token with it");
    }

    @Test
    void aMissingGroupIsNamed() {
        assertThatThrownBy(() -> host(token).reconcileRepository(spec("nowhere", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitLab group 'nowhere' not found (--owner): give the group's full path (e.g. group/subgroup), "
                        + "or --personal for a user's project");
    }

    @Test
    void waitsForTheRateLimitResetAndSaysSo() {
        // Given the next two requests are throttled for a second
        gitlab.throttle(2, Duration.ofSeconds(1));

        // When
        RepositoryResult result = host(token).reconcileRepository(spec("fleet", "infra"), false);

        // Then it waited and went on
        assertThat(result.changes()).hasSize(1);
        assertThat(reporter.lines()).filteredOn(l -> l.startsWith("◎ GitLab rate limit reached, waiting until ")).hasSize(2);
    }

    @Test
    void failsNamingTheResetWhenItIsBeyondTheTimeout() {
        // Given a reset in two hours and a 5 minute --timeout (a fixed clock: no real waiting)
        gitlab.throttle(1, Duration.ofHours(2));
        Instant now = Instant.now();
        RateLimitWaiter waiter = new RateLimitWaiter("GitLab", Duration.ofMinutes(5), reporter, Clock.fixed(now, ZoneOffset.UTC),
                d -> {
                    throw new AssertionError("must not wait");
                });
        GitLabHost host = GitLabHost.connect(connection(token, gitlab.hostname(), Optional.of(caFile)), waiter);
        hosts.add(host);

        // Then
        assertThatThrownBy(() -> host.reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("GitLab rate limit reached; it resets at ")
                .hasMessageEndingWith(", later than --timeout (5m0s) allows to wait: run again after that time");
    }

    @Test
    void anUnreachableForgeIsOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GitLabHost host = GitLabHost.connect(connection(token, "127.0.0.1:" + closed, Optional.of(caFile)));
        hosts.add(host);
        assertThatThrownBy(() -> host.reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot reach GitLab at https://127.0.0.1:" + closed + "/api/v4: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(token));
    }

    @Test
    void anUntrustedCertificateSuggestsTheCaFile() {
        GitLabHost host = GitLabHost.connect(connection(token, gitlab.hostname(), Optional.empty()));
        hosts.add(host);
        assertThatThrownBy(() -> host.reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot reach GitLab at https://" + gitlab.hostname() + "/api/v4: TLS failed (")
                .hasMessageEndingWith("): if the server's certificate comes from a private CA, pass that CA with --ca-file");
    }

    @Test
    void anApiUrlOverridesTheApiHostButNotTheCloneHost() {
        // Given --hostname for clone URLs and --api-url for the API
        ForgeConnection connection = new ForgeConnection(token, "gitlab.example.com", Optional.of(java.net.URI.create(
                "https://" + gitlab.hostname() + "/api/v4")), Optional.of(caFile), Map.of(), Duration.ofSeconds(30),
                Optional.empty(), reporter);
        GitLabHost host = GitLabHost.connect(connection);
        hosts.add(host);

        // When
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();

        // Then
        assertThat(gitlab.project("fleet/infra")).isPresent();
        assertThat(remote.httpsCloneUrl()).isEqualTo("https://gitlab.example.com/fleet/infra.git");
        assertThat(remote.sshUrl()).isEqualTo("ssh://git@gitlab.example.com/fleet/infra");
    }

    @Test
    void callsGoThroughHttpsProxyUnlessNoProxyNamesTheHost() throws Exception {
        try (TestConnectProxy proxy = new TestConnectProxy()) {
            // Given a host name only the proxy can reach (the test certificate does not name it: TLS fails after the tunnel)
            String hostname = "gitlab.fluxboot.invalid:" + gitlab.hostname().split(":")[1];
            GitLabHost proxied = GitLabHost.connect(new ForgeConnection(token, hostname, Optional.empty(), Optional.of(caFile),
                    Map.of("HTTPS_PROXY", proxy.url()), Duration.ofSeconds(30), Optional.empty(), reporter));
            hosts.add(proxied);

            // When
            assertThatThrownBy(() -> proxied.reconcileRepository(spec("fleet", "infra"), false))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageStartingWith("cannot reach GitLab at https://" + hostname + "/api/v4: TLS failed (");

            // Then the request went through the proxy
            assertThat(proxy.connects()).contains(hostname);

            // And NO_PROXY sends it straight (where the name does not resolve)
            int tunnels = proxy.connects().size();
            GitLabHost direct = GitLabHost.connect(new ForgeConnection(token, hostname, Optional.empty(), Optional.of(caFile),
                    Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", ".fluxboot.invalid"), Duration.ofSeconds(30),
                    Optional.empty(), reporter));
            hosts.add(direct);
            assertThatThrownBy(() -> direct.reconcileRepository(spec("fleet", "infra"), false))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageStartingWith("cannot reach GitLab at https://" + hostname + "/api/v4: ");
            assertThat(proxy.connects()).hasSize(tunnels);
        }
    }

    // ---- helpers ----

    private GitLabHost host(String token) {
        GitLabHost host = GitLabHost.connect(connection(token, gitlab.hostname(), Optional.of(caFile)));
        hosts.add(host);
        return host;
    }

    private ForgeConnection connection(String token, String hostname, Optional<Path> ca) {
        return new ForgeConnection(token, hostname, Optional.empty(), ca, Map.of(), Duration.ofSeconds(30),
                Optional.of("127.0.0.1:" + ssh.port()), reporter);
    }

    private static RepositorySpec spec(String owner, String name) {
        return new RepositorySpec(owner, name, false, "private", "", "main", List.of(), false);
    }

    private static RepositorySpec personal(String owner, String name) {
        return new RepositorySpec(owner, name, true, "private", "", "main", List.of(), false);
    }

    private static DeployKey deployKey(String title, SshKeyPair key, boolean readOnly) {
        return new DeployKey(title, key.authorizedKey(), readOnly);
    }

    private boolean fetchOverSsh(RemoteRepository remote, SshKeyPair key) {
        GitRemote ssh = GitRemote.of(remote.sshUrl(), new GitAuth.SshKey(key, this.ssh.knownHosts(), List.of()),
                TransportOptions.defaults());
        try (RemoteBranch ignored = RemoteBranch.fetch(ssh, "main", reporter)) {
            return true;
        } catch (FluxbootException e) {
            return false;
        }
    }

    private void pushOverSsh(RemoteRepository remote, SshKeyPair key) {
        GitRemote ssh = GitRemote.of(remote.sshUrl(), new GitAuth.SshKey(key, this.ssh.knownHosts(), List.of()),
                TransportOptions.defaults());
        try (RemoteBranch branch = RemoteBranch.fetch(ssh, "main", reporter)) {
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("pushed.txt", "x\n").build()),
                    new CommitDetails("Flux", "flux@example.com", "push"));
        }
    }

    private boolean fetchOverHttps(RemoteRepository remote, String username, String password) {
        GitRemote https = GitRemote.of(remote.httpsCloneUrl(), new GitAuth.Basic(username, password),
                TransportOptions.defaults().withCaCertificates(certificates.caPem()));
        try (RemoteBranch ignored = RemoteBranch.fetch(https, "main", reporter)) {
            return true;
        } catch (FluxbootException e) {
            return false;
        }
    }
}
