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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    private static final List<String> identities = new ArrayList<>();

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

    private static String secretKey(String namespace) {
        Map<String, String> secret = flux.secretData(namespace, "flux-system");
        identities.add(secret.get("identity"));
        return PublicKeys.material(secret.get("identity.pub"));
    }

    @Test
    @Order(1)
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
    @Order(2)
    void reRunChangesNothing() {
        String before = tip("fleet/infra");
        List<DeployKeyView> keys = gitea.deployKeys("fleet", "infra");
        gitea.clearRequests();

        Run run = flux.run("gt-org", ENV, "--owner", "fleet", "--repository", "infra", "--team", "platform");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tip("fleet/infra")).isEqualTo(before);
        assertThat(gitea.deployKeys("fleet", "infra")).isEqualTo(keys);
        assertThat(gitea.writes()).isEmpty();
    }

    @Test
    @Order(3)
    void deployKeyDeletedOnTheForgeIsRegisteredAgain() {
        String key = secretKey("gt-org");
        gitea.deleteDeployKey("fleet", "infra", title("gt-org"));
        assertThat(ForgeChecks.canFetch(bed, flux.syncUrl("gt-org"), flux.secretData("gt-org", "flux-system"))).isFalse();

        Run run = flux.runAlone("gt-org", ENV, Prompter.none(), "--owner", "fleet", "--repository", "infra");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(gitea.deployKeys("fleet", "infra")).singleElement().satisfies(registered -> {
            assertThat(registered.title()).isEqualTo(title("gt-org"));
            assertThat(registered.key()).isEqualTo(key);
        });
        assertThat(flux.reconcileSourceNow("gt-org")).startsWith("True");
    }

    @Test
    @Order(4)
    void newPersonalRepository() {
        Run run = flux.run("gt-personal", ENV, "--owner", "alice", "--personal", "--repository", "mine");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(gitea.repository("alice", "mine")).get().satisfies(repo -> assertThat(repo.isPrivate()).isTrue());
        assertThat(gitea.deployKeys("alice", "mine")).singleElement()
                .satisfies(key -> assertThat(key.key()).isEqualTo(secretKey("gt-personal")));
        flux.assertSynced("gt-personal", "main@sha1:" + tip("alice/mine"));
    }

    @Test
    @Order(5)
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
    @Order(6)
    void badToken() {
        Run run = flux.runAlone("gt-fail", Map.of("GITEA_TOKEN", BAD_TOKEN), Prompter.none(),
                "--owner", "fleet", "--repository", "unauthorized");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("✗ Gitea rejected the token (401 Unauthorized): check that GITEA_TOKEN "
                + "holds a valid token that has not expired or been revoked");
        assertThat(gitea.repository("fleet", "unauthorized")).isEmpty();
    }

    @Test
    @Order(100)
    void noTokenOrPrivateKeyInAnyOutputOrCommit() {
        List<String> secrets = new ArrayList<>(List.of(TOKEN, BAD_TOKEN));
        identities.forEach(identity -> identity.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16)
                .forEach(secrets::add));
        flux.assertNothingLeaked(bed.repositories(), List.of("fleet/infra", "alice/mine", "fleet/tokened"), secrets);
    }
}
