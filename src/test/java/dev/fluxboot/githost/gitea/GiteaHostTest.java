package dev.fluxboot.githost.gitea;

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
import dev.fluxboot.testing.forge.FakeGiteaServer;
import dev.fluxboot.testing.forge.ForgeTestBed;
import org.assertj.core.groups.Tuple;
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

class GiteaHostTest {

    private static final String TOKEN = "gitea0aliceTokenThatMustNeverBeShown";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final CommitDetails COMMIT = new CommitDetails("Flux", "flux@example.com", "Add Flux sync manifests");

    @TempDir
    Path temp;

    private ForgeTestBed bed;
    private FakeGiteaServer gitea;

    @BeforeEach
    void start() {
        bed = new ForgeTestBed(temp);
        gitea = FakeGiteaServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        gitea.addUser("alice", TOKEN, "write:repository", "write:organization", "read:user");
        gitea.addOrganization("fleet");
        gitea.addTeam("fleet", "platform", "write");
        gitea.addTeam("fleet", "viewers", "read");
    }

    @AfterEach
    void stop() {
        gitea.close();
        bed.close();
    }

    private GiteaHost host(String token) {
        return new GiteaHost(bed.connection(token, gitea.apiUrl(), TIMEOUT), bed.rateLimits("Gitea", TIMEOUT));
    }

    private GiteaHost host() {
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

    @Test
    void createsAMissingOrganizationRepositoryThatTheTokenCanPushTo() {
        RepositoryResult result = host().reconcileRepository(orgSpec("infra"), false);

        String gitHost = "127.0.0.1:" + bed.gitHttp().port();
        assertThat(descriptions(result.changes())).containsExactly("repository \"https://" + gitHost + "/fleet/infra\" created");
        assertThat(gitea.repository("fleet", "infra")).hasValueSatisfying(r -> {
            assertThat(r.isPrivate()).isTrue();
            assertThat(r.description()).isEqualTo("Flux fleet");
            assertThat(r.defaultBranch()).isEqualTo("main");
        });
        assertThat(gitea.requests()).extracting(Object::toString)
                .containsExactly("GET /repos/fleet/infra", "GET /orgs/fleet", "POST /orgs/fleet/repos");
        assertThat(gitea.requests()).allSatisfy(r -> assertThat(r.header("authorization")).contains("token " + TOKEN));
        RemoteRepository repository = result.repository();
        assertThat(repository.httpsCloneUrl()).isEqualTo("https://" + gitHost + "/fleet/infra.git");
        assertThat(repository.sshUrl()).isEqualTo("ssh://git@127.0.0.1:" + bed.ssh().port() + "/fleet/infra");
        assertThat(repository.owner()).isEqualTo("fleet");
        try (RemoteBranch branch = RemoteBranch.fetch(bed.httpsRemote(repository.httpsCloneUrl(), "git", TOKEN), "main",
                bed.reporter())) {
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("clusters/a/x.yaml", "a: 1\n").build()), COMMIT);
        }
        assertThat(bed.repositories().files("fleet/infra", "main")).containsExactly("clusters/a/x.yaml");
    }

    @Test
    void createsAPersonalRepositoryForTheTokensUserOnly() {
        RepositoryResult result = host().reconcileRepository(spec("alice", "fleet-infra", true, "public", List.of(), false), false);

        assertThat(gitea.repository("alice", "fleet-infra")).hasValueSatisfying(r -> assertThat(r.isPrivate()).isFalse());
        assertThat(gitea.writes()).extracting(Object::toString).containsExactly("POST /user/repos");
        assertThat(result.repository().owner()).isEqualTo("alice");
        assertThatThrownBy(() -> host().reconcileRepository(spec("bob", "x", true, "private", List.of(), false), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("--owner bob is not the user the token in GITEA_TOKEN belongs to (alice)");
    }

    @Test
    void existingRepositoryIsKeptAndReconciledOnlyWhenAsked() {
        // Given an existing public repository with another description
        gitea.addRepository("fleet", "infra", false, "old");

        // When it is reconciled without and then with --reconcile
        RepositoryResult kept = host().reconcileRepository(orgSpec("infra"), false);
        assertThat(kept.changes()).isEmpty();
        assertThat(gitea.writes()).isEmpty();
        RepositoryResult reconciled = host().reconcileRepository(spec("fleet", "infra", false, "private", List.of(), true), false);

        // Then only the second run changes visibility and description
        assertThat(descriptions(reconciled.changes())).singleElement().asString()
                .endsWith("/fleet/infra\" reconciled (visibility private, description Flux fleet)");
        assertThat(gitea.repository("fleet", "infra")).hasValueSatisfying(r -> {
            assertThat(r.isPrivate()).isTrue();
            assertThat(r.description()).isEqualTo("Flux fleet");
        });
        gitea.clearRequests();
        assertThat(host().reconcileRepository(spec("fleet", "infra", false, "private", List.of(), true), false).changes()).isEmpty();
        assertThat(gitea.writes()).isEmpty();
    }

    @Test
    void addsMissingTeamsAndWarnsAboutWhatGiteaCannotDo() {
        // Given a repository the viewers team already has
        gitea.addRepository("fleet", "infra", true, "Flux fleet");
        gitea.addTeamToRepository("fleet", "infra", "viewers");
        List<TeamAccess> teams = List.of(new TeamAccess("platform", null), new TeamAccess("viewers", "push"),
                new TeamAccess("ghosts", "pull"));

        // When teams are reconciled with --reconcile
        RepositoryResult result = host().reconcileRepository(spec("fleet", "infra", false, "private", teams, true), false);

        // Then platform is added, viewers' differing team permission and the unknown team are warnings
        assertThat(gitea.repository("fleet", "infra").orElseThrow().teams()).containsExactlyInAnyOrder("platform", "viewers");
        assertThat(result.changes()).containsExactly(
                HostChange.done("granted \"maintain\" permissions to \"platform\""),
                HostChange.failed("team \"viewers\" has \"read\" access, not \"write\" (for \"push\"): Gitea sets permissions "
                        + "per team; change the team's permission in Gitea"),
                HostChange.failed("failed to grant \"pull\" permissions to \"ghosts\": no team 'ghosts' in organization 'fleet'"));
        assertThat(gitea.writes()).extracting(Object::toString).singleElement().asString()
                .matches("PUT /teams/\\d+/repos/fleet/infra");
    }

    @Test
    void dryRunChangesNothing() {
        GiteaHost host = host();
        RepositoryResult result = host.reconcileRepository(spec("fleet", "infra", false, "private",
                List.of(new TeamAccess("platform", null)), false), true);
        gitea.addRepository("fleet", "other", true, "");
        List<HostChange> keyChanges = host.ensureDeployKey(new RemoteRepository("fleet", "other", "", "", "main"),
                new DeployKey("flux-system-main", new SshKeyGenerator().ed25519().authorizedKey(), true), true);

        assertThat(descriptions(result.changes())).containsExactly(
                "repository \"https://127.0.0.1:" + bed.gitHttp().port() + "/fleet/infra\" would be created",
                "would grant \"maintain\" permissions to \"platform\"");
        assertThat(keyChanges).hasSize(1);
        assertThat(gitea.writes()).isEmpty();
        assertThat(gitea.repository("fleet", "infra")).isEmpty();
        assertThat(gitea.deployKeys("fleet", "other")).isEmpty();
    }

    @Test
    void deployKeyIsRegisteredReadOnlyKeptReplacedAndRegisteredAgain() {
        // Given a repository with another cluster's key, listed over several pages
        gitea.addRepository("fleet", "infra", true, "");
        gitea.pageSize(1);
        RemoteRepository repository = host().reconcileRepository(orgSpec("infra"), false).repository();
        SshKeyPair staging = new SshKeyGenerator().ed25519();
        SshKeyPair production = new SshKeyGenerator().ecdsa(SshKeyGenerator.DEFAULT_CURVE);
        host().ensureDeployKey(repository, new DeployKey("flux-system-main-clusters/production", production.authorizedKey(), true), false);

        // When the staging key is ensured
        DeployKey stagingKey = new DeployKey("flux-system-main-clusters/staging", staging.authorizedKey(), true);
        List<HostChange> added = host().ensureDeployKey(repository, stagingKey, false);

        // Then it is added read-only: it fetches, it cannot push
        assertThat(added).hasSize(1);
        try (RemoteBranch branch = RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), staging), "main", bed.reporter())) {
            assertThat(branch.readFile("README.md")).isPresent();
            assertThatThrownBy(() -> branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("x", "y").build()), COMMIT))
                    .isInstanceOf(FluxbootException.class);
        }
        // And a re-run changes nothing
        gitea.clearRequests();
        assertThat(host().ensureDeployKey(repository, stagingKey, false)).isEmpty();
        assertThat(gitea.writes()).isEmpty();
        // And --read-write-key replaces it under the same title, the other cluster's key kept
        List<HostChange> replaced = host().ensureDeployKey(repository,
                new DeployKey("flux-system-main-clusters/staging", staging.authorizedKey(), false), false);
        assertThat(replaced).hasSize(2);
        assertThat(gitea.deployKeys("fleet", "infra"))
                .extracting(FakeGiteaServer.DeployKeyView::title, FakeGiteaServer.DeployKeyView::readOnly)
                .containsExactlyInAnyOrder(Tuple.tuple("flux-system-main-clusters/production", true),
                        Tuple.tuple("flux-system-main-clusters/staging", false));
        try (RemoteBranch branch = RemoteBranch.fetch(bed.sshRemote(repository.sshUrl(), staging), "main", bed.reporter())) {
            assertThat(branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("x", "y").build()), COMMIT)).isPresent();
        }
        // And after someone deletes it on Gitea, the next run registers it again
        gitea.deleteDeployKey("fleet", "infra", "flux-system-main-clusters/staging");
        assertThat(host().ensureDeployKey(repository, stagingKey, false)).hasSize(1);
        assertThat(gitea.deployKeys("fleet", "infra")).hasSize(2);
        // And deleting it leaves the other cluster's key
        host().deleteDeployKey(repository, "flux-system-main-clusters/staging", false);
        assertThat(gitea.deployKeys("fleet", "infra")).extracting(FakeGiteaServer.DeployKeyView::title)
                .containsExactly("flux-system-main-clusters/production");
    }

    @Test
    void aBadTokenIsOneLine() {
        assertThatThrownBy(() -> host("wrong-token-0000").reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Gitea rejected the token (401 Unauthorized): check that GITEA_TOKEN holds a valid token "
                        + "that has not expired or been revoked");
    }

    @Test
    void aMissingScopeIsNamed() {
        gitea.addUser("carol", "carol-read-only-token", "read:repository", "read:organization");

        assertThatThrownBy(() -> host("carol-read-only-token").reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Gitea refused to create repository fleet/infra (403 Forbidden): the token in GITEA_TOKEN "
                        + "lacks the 'write:repository' scope: create a token with it");
    }

    @Test
    void aMissingOrganizationAndAnInvalidNameAreNamed() {
        assertThatThrownBy(() -> host().reconcileRepository(spec("nobody", "infra", false, "private", List.of(), false), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Gitea organization 'nobody' not found: check --owner, or pass --personal for a repository "
                        + "of the token's user");
        assertThatThrownBy(() -> host().reconcileRepository(orgSpec("infra.git"), false))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--repository 'infra.git' is not a valid Gitea repository name");
    }

    @Test
    void waitsOutA429WithinTheTimeoutAndFailsBeyondIt() {
        gitea.rateLimit(2, 20);

        host().reconcileRepository(orgSpec("infra"), false);

        assertThat(bed.waits()).containsExactly(Duration.ofSeconds(21), Duration.ofSeconds(21));
        assertThat(bed.reporter().lines()).anySatisfy(line -> assertThat(line).startsWith("◎ Gitea rate limit reached"));

        gitea.rateLimit(1, 7200);
        assertThatThrownBy(() -> host().reconcileRepository(orgSpec("infra"), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("Gitea rate limit reached; it resets at ");
    }

    @Test
    void apiUrlIsHostnameWithApiV1UnlessOverridden() {
        ForgeConnection plain = new ForgeConnection(TOKEN, "gitea.example.com:3000", Optional.empty(), Optional.empty(), Map.of(),
                TIMEOUT, Optional.empty(), bed.reporter());
        assertThat(GiteaHost.apiUrl(plain)).isEqualTo(URI.create("https://gitea.example.com:3000/api/v1"));
        assertThat(GiteaHost.apiUrl(bed.connection(TOKEN, "https://proxy.example.com/gitea/api/v1/", TIMEOUT)))
                .isEqualTo(URI.create("https://proxy.example.com/gitea/api/v1"));
    }
}
