package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.Run;
import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.forge.FakeGiteaServer;
import dev.fluxboot.testing.forge.FakeGiteaServer.DeployKeyView;
import dev.fluxboot.testing.forge.ForgeTestBed;
import dev.fluxboot.ui.Prompter;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.PATH;
import static dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.title;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap gitea} end to end through the real command, against a fake Gitea API
 * over HTTPS that hands its deploy keys to a real SSH Git server, the real kube-apiserver and the
 * simulated controllers (see {@link BootstrapGitHubTest}).
 */
class BootstrapGiteaTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String TOKEN = "gitea0aliceTokenThatMustNeverBeShown42";
    private static final String BAD_TOKEN = "gitea0expiredTokenThatMustNeverBeShown";
    private static final Map<String, String> ENV = Map.of("GITEA_TOKEN", TOKEN);

    @TempDir
    static Path work;

    private static ForgeTestBed bed;
    private static FakeGiteaServer gitea;
    private static ForgeBootstrapRunner flux;

    @BeforeAll
    static void servers() {
        Path manifests = TestBundles.shared("v2.8.0");
        bed = new ForgeTestBed(work);
        gitea = FakeGiteaServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        gitea.addUser("alice", TOKEN, "write:repository", "write:organization", "read:user");
        gitea.addOrganization("fleet");
        gitea.addTeam("fleet", "platform", "write");
        flux = new ForgeBootstrapRunner(kube, "gitea", manifests, List.of(
                "--hostname", gitHost(), "--api-url", gitea.apiUrl(),
                "--ca-file", bed.certificates().writeCaFile(work).toString(),
                "--ssh-hostname", "127.0.0.1:" + bed.ssh().port()));
    }

    @AfterAll
    static void stop() {
        if (gitea != null) {
            gitea.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    private static String gitHost() {
        return "127.0.0.1:" + bed.gitHttp().port();
    }

    private static String tip(String repository) {
        return bed.repositories().tip(repository, "main").map(ObjectId::name).orElseThrow();
    }

    /** Given: the cluster bootstrapped into {@code namespace} from the new repository fleet/{@code repository}. */
    private static void bootstrapped(String namespace, String repository, String... extra) {
        List<String> args = new ArrayList<>(List.of("--owner", "fleet", "--repository", repository));
        args.addAll(List.of(extra));
        Run run = flux.run(namespace, ENV, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String secretKey(String namespace) {
        Map<String, String> secret = flux.secretData(namespace, "flux-system");
        return PublicKeys.material(secret.get("identity.pub"));
    }

    @Test
    void newOrganizationRepositoryWithATeamAndAReadOnlyDeployKey() {
        Run run = flux.run("gt-org", ENV, "--owner", "fleet", "--repository", "infra", "--team", "platform");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(gitea.repository("fleet", "infra")).get().satisfies(repo -> {
            assertThat(repo.isPrivate()).isTrue();
            assertThat(repo.teams()).containsExactly("platform");
        });
        assertThat(gitea.deployKeys("fleet", "infra")).singleElement().satisfies(key -> {
            assertThat(key.title()).isEqualTo(title("gt-org"));
            assertThat(key.readOnly()).isTrue();
            assertThat(key.key()).isEqualTo(secretKey("gt-org"));
        });
        assertThat(flux.syncUrl("gt-org")).isEqualTo("ssh://git@127.0.0.1:" + bed.ssh().port() + "/fleet/infra");
        assertThat(bed.repositories().files("fleet/infra", "main")).contains(PATH + "/gt-org/gotk-sync.yaml");
        flux.assertSynced("gt-org", "main@sha1:" + tip("fleet/infra"));
    }

    @Test
    void reRunChangesNothing() {
        // Given
        bootstrapped("gt-rerun", "rerun", "--team", "platform");
        String before = tip("fleet/rerun");
        List<DeployKeyView> keys = gitea.deployKeys("fleet", "rerun");
        gitea.clearRequests();

        Run run = flux.run("gt-rerun", ENV, "--owner", "fleet", "--repository", "rerun", "--team", "platform");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tip("fleet/rerun")).isEqualTo(before);
        assertThat(gitea.deployKeys("fleet", "rerun")).isEqualTo(keys);
        assertThat(gitea.writes()).isEmpty();
    }

    @Test
    void deployKeyDeletedOnTheForgeIsRegisteredAgain() {
        // Given
        bootstrapped("gt-rekey", "rekey");
        String key = secretKey("gt-rekey");
        gitea.deleteDeployKey("fleet", "rekey", title("gt-rekey"));
        assertThat(ForgeChecks.canFetch(bed, flux.syncUrl("gt-rekey"), flux.secretData("gt-rekey", "flux-system"))).isFalse();

        Run run = flux.runAlone("gt-rekey", ENV, Prompter.none(), "--owner", "fleet", "--repository", "rekey");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(gitea.deployKeys("fleet", "rekey")).singleElement().satisfies(registered -> {
            assertThat(registered.title()).isEqualTo(title("gt-rekey"));
            assertThat(registered.key()).isEqualTo(key);
        });
        assertThat(flux.reconcileSourceNow("gt-rekey")).startsWith("True");
    }

    @Test
    void newPersonalRepository() {
        Run run = flux.run("gt-personal", ENV, "--owner", "alice", "--personal", "--repository", "mine");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(gitea.repository("alice", "mine")).get().satisfies(repo -> assertThat(repo.isPrivate()).isTrue());
        assertThat(gitea.deployKeys("alice", "mine")).singleElement()
                .satisfies(key -> assertThat(key.key()).isEqualTo(secretKey("gt-personal")));
        flux.assertSynced("gt-personal", "main@sha1:" + tip("alice/mine"));
    }

    @Test
    void tokenAuth() {
        Run run = flux.run("gt-token", ENV, "--owner", "fleet", "--repository", "tokened", "--token-auth");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(gitea.deployKeys("fleet", "tokened")).isEmpty();
        assertThat(flux.secretData("gt-token", "flux-system")).containsEntry("username", "git")
                .containsEntry("password", TOKEN).containsKey("ca.crt").doesNotContainKey("identity");
        assertThat(flux.syncUrl("gt-token")).isEqualTo("https://" + gitHost() + "/fleet/tokened.git");
        flux.assertSynced("gt-token", "main@sha1:" + tip("fleet/tokened"));
    }

    @Test
    void badToken() {
        Run run = flux.runAlone("gt-fail", Map.of("GITEA_TOKEN", BAD_TOKEN), Prompter.none(),
                "--owner", "fleet", "--repository", "unauthorized");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("✗ Gitea rejected the token (401 Unauthorized): check that GITEA_TOKEN "
                + "holds a valid token that has not expired or been revoked");
        assertThat(gitea.repository("fleet", "unauthorized")).isEmpty();
    }

    /** Whatever a test did, no token nor private key is in what its runs printed, nor in any repository. */
    @AfterEach
    void noTokenOrPrivateKeyInAnyOutputOrCommit() {
        flux.assertNothingLeakedSinceTheLastCheck(bed.repositories(), List.of(TOKEN, BAD_TOKEN));
    }
}
