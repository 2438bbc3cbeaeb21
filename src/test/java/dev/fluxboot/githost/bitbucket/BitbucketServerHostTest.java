package dev.fluxboot.githost.bitbucket;

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
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import dev.fluxboot.testing.forge.FakeBitbucketServer;
import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.forge.TestConnectProxy;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitbucketServerHostTest {

    private static final SshKeyGenerator KEYS = new SshKeyGenerator();
    private static TestCertificates certificates;

    @TempDir
    Path dir;

    private GitRepositories repositories;
    private HttpGitServer git;
    private SshGitServer ssh;
    private FakeBitbucketServer bitbucket;
    private FakeBitbucketServer.Project fleet;
    private String token;
    private Path caFile;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.generate();
    }

    @BeforeEach
    void servers() {
        repositories = new GitRepositories();
        git = HttpGitServer.startHttps(repositories, certificates);
        ssh = SshGitServer.start(repositories);
        bitbucket = FakeBitbucketServer.start(certificates, repositories, git, ssh);
        token = bitbucket.addUserWithToken("alice", "PROJECT_ADMIN");
        fleet = bitbucket.addProject("FLEET", "fleet");
        caFile = certificates.writeCaFile(dir);
    }

    @AfterEach
    void stop() {
        assertThat(reporter.lines()).as("the token is never reported").noneMatch(line -> line.contains(token));
        bitbucket.close();
        ssh.close();
        git.close();
        repositories.close();
    }

    // ---- repositories ----

    @Test
    void createsAPrivateRepositoryInTheProjectFoundByNameAndARerunChangesNothing() {
        // Given
        BitbucketServerHost host = host(token);

        // When
        RepositoryResult first = host.reconcileRepository(spec("fleet", "infra"), false);
        RepositoryResult second = host.reconcileRepository(spec("fleet", "infra"), false);

        // Then it was created once, private, empty, with Flux's URLs on the project key and slug
        assertThat(first.changes()).extracting(HostChange::description)
                .containsExactly("repository \"https://" + bitbucket.hostname() + "/FLEET/infra\" created");
        assertThat(second.changes()).isEmpty();
        FakeBitbucketServer.Repo repo = fleet.repo("infra").orElseThrow();
        assertThat(repo.isPublic()).isFalse();
        assertThat(repositories.log("FLEET/infra", "main")).isEmpty();
        RemoteRepository remote = second.repository();
        assertThat(remote.owner()).isEqualTo("FLEET");
        assertThat(remote.name()).isEqualTo("infra");
        assertThat(remote.httpsCloneUrl()).isEqualTo("https://" + bitbucket.hostname() + "/scm/FLEET/infra.git");
        assertThat(remote.sshUrl()).isEqualTo("ssh://git@127.0.0.1:" + ssh.port() + "/FLEET/infra");
        assertThat(bitbucket.requests()).anyMatch(r -> r.startsWith("GET /rest/api/1.0/projects?name=fleet"));
        assertThat(bitbucket.writes()).hasSize(1);
    }

    @Test
    void findsTheProjectByKeyWhenNoProjectHasThatName() {
        // Given a project whose name is not its key
        FakeBitbucketServer.Project platform = bitbucket.addProject("PLAT", "Platform Team");

        // When the owner is the key
        RepositoryResult result = host(token).reconcileRepository(spec("PLAT", "clusters"), false);

        // Then
        assertThat(platform.repo("clusters")).isPresent();
        assertThat(result.repository().httpsCloneUrl()).endsWith("/scm/PLAT/clusters.git");
    }

    @Test
    void createsAPersonalRepositoryAndUsesTheOwnerAsGitUser() {
        BitbucketServerHost host = host(token);
        RepositorySpec spec = personal("alice", "home");

        RepositoryResult result = host.reconcileRepository(spec, false);

        assertThat(bitbucket.project("~alice").orElseThrow().repo("home")).isPresent();
        assertThat(result.repository().httpsCloneUrl()).endsWith("/scm/~alice/home.git");
        assertThat(result.repository().sshUrl()).endsWith("/~alice/home");
        assertThat(host.gitUsername(spec)).isEqualTo("alice");
        assertThat(host.gitUsername(spec("fleet", "infra"))).isEqualTo("git");
    }

    @Test
    void refusesToCreateInAnotherUsersPersonalSpace() {
        bitbucket.addUserWithToken("bob", "REPO_READ");
        assertThatThrownBy(() -> host(token).reconcileRepository(personal("bob", "home"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("Bitbucket Server refused to create repository ~bob/home (403 Forbidden)");
    }

    @Test
    void findsARepositoryWhoseNameIsNotItsSlug() {
        bitbucket.addRepo(fleet, "Fleet Infra", false, "main");

        RepositoryResult result = host(token).reconcileRepository(spec("fleet", "Fleet Infra"), false);

        assertThat(result.changes()).isEmpty();
        assertThat(result.repository().httpsCloneUrl()).endsWith("/scm/FLEET/fleet-infra.git");
        assertThat(bitbucket.writes()).isEmpty();
    }

    @Test
    void keepsAnExistingRepositoryWithoutReconcile() {
        bitbucket.addRepo(fleet, "infra", true, "main");

        RepositoryResult result = host(token).reconcileRepository(spec("fleet", "infra"), false);

        assertThat(result.changes()).isEmpty();
        assertThat(fleet.repo("infra").orElseThrow().isPublic()).isTrue();
        assertThat(result.repository().defaultBranch()).isEqualTo("main");
        assertThat(bitbucket.writes()).isEmpty();
    }

    @Test
    void reconcileBringsVisibilityDescriptionAndDefaultBranchToTheSpec() {
        // Given a public repository whose default is master, with a main branch too
        FakeBitbucketServer.Repo repo = bitbucket.addRepo(fleet, "infra", true, "master");
        repositories.commit("FLEET/infra", "main", Map.of("a", "b"), "main");

        // When
        RepositoryResult result = host(token).reconcileRepository(
                new RepositorySpec("fleet", "infra", false, "private", "Flux fleet", "main", List.of(), true), false);

        // Then
        assertThat(repo.isPublic()).isFalse();
        assertThat(repo.description()).isEqualTo("Flux fleet");
        assertThat(repo.defaultBranch()).isEqualTo("main");
        String web = "\"https://" + bitbucket.hostname() + "/FLEET/infra\"";
        assertThat(result.changes()).extracting(HostChange::description).containsExactly(
                "repository " + web + " reconciled (visibility private, description)",
                "repository " + web + " default branch set to main");
    }

    @Test
    void grantsGroupsWhatIsMissingAndWarnsForAnUnknownGroup() {
        // Given groups, one of them with write access on the whole project already
        bitbucket.addGroup("ops");
        bitbucket.addGroup("readers");
        bitbucket.addGroup("platform");
        fleet.grantGroup("platform", "PROJECT_WRITE");
        RepositorySpec spec = new RepositorySpec("fleet", "infra", false, "private", "", "main", List.of(
                new TeamAccess("ops", null), new TeamAccess("readers", "pull"), new TeamAccess("platform", null),
                new TeamAccess("ghosts", "push")), false);

        // When
        RepositoryResult result = host(token).reconcileRepository(spec, false);

        // Then push (default) = REPO_WRITE, pull = REPO_READ; platform already has it; ghosts is a warning
        assertThat(fleet.repo("infra").orElseThrow().groupPermissions()).containsOnly(
                Map.entry("ops", "REPO_WRITE"), Map.entry("readers", "REPO_READ"));
        assertThat(result.changes()).filteredOn(c -> !c.warning()).extracting(HostChange::description).containsExactly(
                "repository \"https://" + bitbucket.hostname() + "/FLEET/infra\" created",
                "granted \"push\" permissions to \"ops\"", "granted \"pull\" permissions to \"readers\"");
        assertThat(result.changes()).filteredOn(HostChange::warning).singleElement()
                .satisfies(c -> assertThat(c.description()).startsWith("failed to grant \"push\" permissions to \"ghosts\": ")
                        .contains("No group exists with the name ghosts."));

        // And a re-run grants nothing
        RepositorySpec again = new RepositorySpec("fleet", "infra", false, "private", "", "main", List.of(
                new TeamAccess("ops", null), new TeamAccess("readers", "pull"), new TeamAccess("platform", null)), false);
        assertThat(host(token).reconcileRepository(again, false).changes()).isEmpty();
    }

    @Test
    void refusesPermissionsBitbucketDoesNotHave() {
        RepositorySpec spec = new RepositorySpec("fleet", "infra", false, "private", "", "main",
                List.of(new TeamAccess("ops", "maintain")), false);
        assertThatThrownBy(() -> host(token).reconcileRepository(spec, false))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid permission \"maintain\" for group \"ops\" (--group): Bitbucket Server grants pull, push or admin");
    }

    @Test
    void dryRunChangesNothing() {
        BitbucketServerHost host = host(token);
        RepositoryResult result = host.reconcileRepository(spec("fleet", "infra"), true);
        List<HostChange> keyChanges = host.ensureDeployKey(result.repository(),
                deployKey("flux-system-main", KEYS.ecdsa(EcdsaCurve.P384), true), true);

        assertThat(result.changes()).extracting(HostChange::description)
                .containsExactly("repository \"https://" + bitbucket.hostname() + "/FLEET/infra\" would be created");
        assertThat(keyChanges).extracting(HostChange::description).containsExactly(
                "would configure deploy key \"flux-system-main\" for \"https://" + bitbucket.hostname() + "/FLEET/infra\"");
        assertThat(fleet.repo("infra")).isEmpty();
        assertThat(bitbucket.writes()).isEmpty();
    }

    // ---- access keys ----

    @Test
    void registersAReadOnlyAccessKeyLabelledWithTheTitleThatFetchesButCannotPush() {
        bitbucket.addRepo(fleet, "infra", false, "main");
        BitbucketServerHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair key = KEYS.ecdsa(EcdsaCurve.P384);
        String title = "flux-system-main-flux-system-./clusters/a";

        List<HostChange> first = host.ensureDeployKey(remote, deployKey(title, key, true), false);
        int writes = bitbucket.writes().size();
        List<HostChange> second = host.ensureDeployKey(remote, deployKey(title, key, true), false);

        assertThat(first).extracting(HostChange::description).containsExactly(
                "configured deploy key \"" + title + "\" for \"https://" + bitbucket.hostname() + "/FLEET/infra\"");
        assertThat(second).isEmpty();
        assertThat(bitbucket.writes()).hasSize(writes);
        assertThat(fleet.repo("infra").orElseThrow().accessKeys()).singleElement().satisfies(k -> {
            assertThat(k.label()).isEqualTo(title);
            assertThat(k.text()).isEqualTo(key.authorizedKey().strip() + " " + title);
            assertThat(k.permission()).isEqualTo("REPO_READ");
        });
        assertThat(fetchOverSsh(remote, key)).isTrue();
        assertThatThrownBy(() -> pushOverSsh(remote, key)).isInstanceOf(FluxbootException.class);
    }

    @Test
    void aReadWriteKeyCanPush() {
        bitbucket.addRepo(fleet, "infra", false, "main");
        BitbucketServerHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair key = KEYS.ed25519();

        host.ensureDeployKey(remote, deployKey("flux-system-main", key, false), false);

        assertThat(fleet.repo("infra").orElseThrow().accessKeys()).singleElement()
                .satisfies(k -> assertThat(k.permission()).isEqualTo("REPO_WRITE"));
        pushOverSsh(remote, key);
        assertThat(repositories.log("FLEET/infra", "main")).hasSize(2);
    }

    @Test
    void replacesTheKeyUnderTheSameTitleKeepsOtherClustersAndRepairsADeletedKey() {
        FakeBitbucketServer.Repo repo = bitbucket.addRepo(fleet, "infra", false, "main");
        BitbucketServerHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        SshKeyPair staging = KEYS.ecdsa(EcdsaCurve.P256);
        SshKeyPair production = KEYS.ecdsa(EcdsaCurve.P256);
        host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./staging", staging, true), false);
        host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./production", production, true), false);

        // When staging's key is rotated
        SshKeyPair rotated = KEYS.ecdsa(EcdsaCurve.P256);
        assertThat(host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./staging", rotated, true), false)).hasSize(1);

        // Then
        assertThat(repo.accessKeys()).extracting(FakeBitbucketServer.AccessKey::label).containsExactlyInAnyOrder(
                "flux-system-main-flux-system-./staging", "flux-system-main-flux-system-./production");
        assertThat(fetchOverSsh(remote, staging)).isFalse();
        assertThat(fetchOverSsh(remote, rotated)).isTrue();
        assertThat(fetchOverSsh(remote, production)).isTrue();

        // And a key deleted on the forge is registered again
        bitbucket.deleteAccessKey(repo, "flux-system-main-flux-system-./production");
        assertThat(fetchOverSsh(remote, production)).isFalse();
        assertThat(host.ensureDeployKey(remote, deployKey("flux-system-main-flux-system-./production", production, true), false)).hasSize(1);
        assertThat(fetchOverSsh(remote, production)).isTrue();
    }

    @Test
    void followsThePagesOfAccessKeys() {
        bitbucket.addRepo(fleet, "infra", false, "main");
        bitbucket.maxLimit(2);
        BitbucketServerHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        for (int i = 0; i < 5; i++) {
            host.ensureDeployKey(remote, deployKey("cluster-" + i, KEYS.ecdsa(EcdsaCurve.P256), true), false);
        }
        SshKeyPair ours = KEYS.ecdsa(EcdsaCurve.P256);
        host.ensureDeployKey(remote, deployKey("flux-system-main", ours, true), false);
        int writes = bitbucket.writes().size();

        assertThat(host.ensureDeployKey(remote, deployKey("flux-system-main", ours, true), false)).isEmpty();
        assertThat(bitbucket.writes()).hasSize(writes);
        assertThat(bitbucket.requests()).anyMatch(r -> r.contains("/ssh?start=4&"));
    }

    @Test
    void deletesOnlyTheKeyWithTheTitle() {
        FakeBitbucketServer.Repo repo = bitbucket.addRepo(fleet, "infra", false, "main");
        BitbucketServerHost host = host(token);
        RemoteRepository remote = host.reconcileRepository(spec("fleet", "infra"), false).repository();
        host.ensureDeployKey(remote, deployKey("a", KEYS.ecdsa(EcdsaCurve.P256), true), false);
        host.ensureDeployKey(remote, deployKey("b", KEYS.ecdsa(EcdsaCurve.P256), true), false);

        assertThat(host.deleteDeployKey(remote, "a", false)).hasSize(1);
        assertThat(repo.accessKeys()).extracting(FakeBitbucketServer.AccessKey::label).containsExactly("b");
    }

    // ---- token auth ----

    @Test
    void theCloneUrlTakesTheUsernameAndTokenOverHttps() {
        BitbucketServerHost host = host(token);
        RepositorySpec spec = spec("fleet", "infra");
        RemoteRepository remote = host.reconcileRepository(spec, false).repository();

        GitRemote https = GitRemote.of(remote.httpsCloneUrl(), new GitAuth.Basic(host.gitUsername(spec), token),
                TransportOptions.defaults().withCaCertificates(certificates.caPem()));
        try (RemoteBranch branch = RemoteBranch.fetch(https, "main", reporter)) {
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("README.md", "hi\n").build()),
                    new CommitDetails("Flux", "flux@example.com", "first"));
        }

        assertThat(repositories.readFile("FLEET/infra", "main", "README.md")).contains("hi\n");
    }

    // ---- failures ----

    @Test
    void aBadTokenIsOneLineWithoutTheToken() {
        String wrong = "BBDC-not-a-valid-token";
        assertThatThrownBy(() -> host(wrong).reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Bitbucket Server rejected the token (401 Unauthorized): check that BITBUCKET_TOKEN holds a valid "
                        + "token that has not expired or been revoked")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    }

    @Test
    void aTokenWithoutProjectAdminNamesThePermission() {
        String reader = bitbucket.addUserWithToken("carol", "REPO_ADMIN");
        assertThatThrownBy(() -> host(reader).reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Bitbucket Server refused to create repository FLEET/infra (403 Forbidden): the token in "
                        + "BITBUCKET_TOKEN (or its user) lacks the PROJECT_ADMIN permission: create a token with it");
    }

    @Test
    void aMissingProjectIsNamed() {
        assertThatThrownBy(() -> host(token).reconcileRepository(spec("nowhere", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Bitbucket Server project 'nowhere' not found (--owner): give the project's name or key, "
                        + "or --personal with a user name");
    }

    @Test
    void anInvalidRepositoryNameIsBitbucketsOwnLine() {
        assertThatThrownBy(() -> host(token).reconcileRepository(spec("fleet", "-infra!"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("Bitbucket Server failed to create repository FLEET/-infra! (HTTP 400): name: "
                        + "Repository names must start with a letter or number");
    }

    @Test
    void waitsForTheRateLimitAndSaysSo() {
        bitbucket.throttle(1, Duration.ofSeconds(1));

        RepositoryResult result = host(token).reconcileRepository(spec("fleet", "infra"), false);

        assertThat(result.changes()).hasSize(1);
        assertThat(reporter.lines()).filteredOn(l -> l.startsWith("◎ Bitbucket Server rate limit reached, waiting until ")).hasSize(1);
    }

    @Test
    void failsNamingTheResetWhenItIsBeyondTheTimeout() {
        bitbucket.throttle(1, Duration.ofHours(1));
        Instant now = Instant.parse("2030-01-01T10:00:00Z");
        RateLimitWaiter waiter = new RateLimitWaiter("Bitbucket Server", Duration.ofMinutes(5), reporter,
                Clock.fixed(now, ZoneOffset.UTC), d -> {
                    throw new AssertionError("must not wait");
                });
        BitbucketServerHost host = BitbucketServerHost.connect(options(token), waiter);

        assertThatThrownBy(() -> host.reconcileRepository(spec("fleet", "infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Bitbucket Server rate limit reached; it resets at 2030-01-01 11:00:00 UTC, later than --timeout "
                        + "(5m0s) allows to wait: run again after that time");
    }

    @Test
    void callsGoThroughHttpsProxy() throws Exception {
        try (TestConnectProxy proxy = new TestConnectProxy()) {
            String hostname = "bitbucket.fluxboot.invalid:" + bitbucket.hostname().split(":")[1];
            BitbucketServerHost host = BitbucketServerHost.connect(new BitbucketServerOptions(new ForgeConnection(token, hostname,
                    Optional.empty(), Optional.of(caFile), Map.of("HTTPS_PROXY", proxy.url()), Duration.ofSeconds(30),
                    Optional.empty(), reporter), null));

            assertThatThrownBy(() -> host.reconcileRepository(spec("fleet", "infra"), false))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageStartingWith("cannot reach Bitbucket Server at https://" + hostname + "/rest: TLS failed (");
            assertThat(proxy.connects()).contains(hostname);
        }
    }

    // ---- helpers ----

    private BitbucketServerHost host(String token) {
        return BitbucketServerHost.connect(options(token));
    }

    private BitbucketServerOptions options(String token) {
        return new BitbucketServerOptions(new ForgeConnection(token, bitbucket.hostname(), Optional.empty(), Optional.of(caFile),
                Map.of(), Duration.ofSeconds(30), Optional.of("127.0.0.1:" + ssh.port()), reporter), null);
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
}
