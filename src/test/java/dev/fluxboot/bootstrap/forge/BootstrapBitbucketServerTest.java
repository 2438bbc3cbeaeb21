package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.Run;
import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.forge.FakeBitbucketServer;
import dev.fluxboot.testing.forge.FakeBitbucketServer.AccessKey;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
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

import static dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.title;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap bitbucket-server} end to end through the real command, against a fake
 * Bitbucket Server ({@code --hostname}: its REST API and its Git over HTTPS under {@code /scm}) that
 * hands its access keys to a real SSH Git server, the real kube-apiserver and the simulated
 * controllers (see {@link BootstrapGitHubTest}).
 */
class BootstrapBitbucketServerTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String BAD_TOKEN = "BBDC-revokedTokenThatIsNeverShown";

    @TempDir
    static Path work;

    private static GitRepositories repositories;
    private static HttpGitServer git;
    private static SshGitServer ssh;
    private static FakeBitbucketServer bitbucket;
    private static FakeBitbucketServer.Project fleet;
    private static String token;
    private static Map<String, String> env;
    private static ForgeBootstrapRunner flux;

    @BeforeAll
    static void servers() {
        Path manifests = TestBundles.shared("v2.8.0");
        TestCertificates certificates = TestCertificates.generate();
        repositories = new GitRepositories();
        git = HttpGitServer.startHttps(repositories, certificates);
        ssh = SshGitServer.start(repositories);
        bitbucket = FakeBitbucketServer.start(certificates, repositories, git, ssh);
        token = bitbucket.addUserWithToken("alice", "PROJECT_ADMIN");
        env = Map.of("BITBUCKET_TOKEN", token);
        fleet = bitbucket.addProject("FLEET", "fleet");
        flux = new ForgeBootstrapRunner(kube, "bitbucket-server", manifests, List.of(
                "--hostname", bitbucket.hostname(), "--ca-file", certificates.writeCaFile(work).toString(),
                "--ssh-hostname", "127.0.0.1:" + ssh.port()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {bitbucket, ssh, git, repositories}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing test servers
            }
        }
    }

    private static String tip(String repository) {
        return repositories.tip(repository, "main").map(ObjectId::name).orElseThrow();
    }

    private static FakeBitbucketServer.Repo repo(String slug) {
        return fleet.repo(slug).orElseThrow();
    }

    /** Given: the cluster bootstrapped into {@code namespace} from the new repository FLEET/{@code repository}. */
    private static void bootstrapped(String namespace, String repository) {
        Run run = flux.run(namespace, env, "--owner", "FLEET", "--repository", repository, "-u", "alice");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String secretKey(String namespace) {
        Map<String, String> secret = flux.secretData(namespace, "flux-system");
        return PublicKeys.material(secret.get("identity.pub"));
    }

    @Test
    void newProjectRepositoryWithAReadOnlyAccessKeyAndTheSyncUrlUserIsGitWhateverTheHttpsUser() {
        Run run = flux.run("bb-project", env, "--owner", "FLEET", "--repository", "infra", "-u", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repo("infra").isPublic()).isFalse();
        assertThat(repo("infra").accessKeys()).singleElement().satisfies(key -> {
            assertThat(key.label()).isEqualTo(title("bb-project"));
            assertThat(key.permission()).isEqualTo("REPO_READ");
            assertThat(PublicKeys.material(key.text())).isEqualTo(secretKey("bb-project"));
        });
        assertThat(flux.syncUrl("bb-project")).isEqualTo("ssh://git@127.0.0.1:" + ssh.port() + "/FLEET/infra");
        flux.assertSynced("bb-project", "main@sha1:" + tip("FLEET/infra"));
    }

    @Test
    void reRunChangesNothing() {
        // Given
        bootstrapped("bb-rerun", "rerun");
        String before = tip("FLEET/rerun");
        List<AccessKey> keys = repo("rerun").accessKeys();
        int writes = bitbucket.writes().size();

        Run run = flux.run("bb-rerun", env, "--owner", "FLEET", "--repository", "rerun", "-u", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tip("FLEET/rerun")).isEqualTo(before);
        assertThat(repo("rerun").accessKeys()).isEqualTo(keys);
        assertThat(bitbucket.writes()).hasSize(writes);
    }

    @Test
    void accessKeyDeletedOnTheForgeIsRegisteredAgain() {
        // Given
        bootstrapped("bb-rekey", "rekey");
        String key = secretKey("bb-rekey");
        bitbucket.deleteAccessKey(repo("rekey"), title("bb-rekey"));

        Run run = flux.runAlone("bb-rekey", env, Prompter.none(), "--owner", "FLEET", "--repository", "rekey");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repo("rekey").accessKeys()).singleElement().satisfies(registered -> {
            assertThat(registered.label()).isEqualTo(title("bb-rekey"));
            assertThat(PublicKeys.material(registered.text())).isEqualTo(key);
        });
        assertThat(flux.reconcileSourceNow("bb-rekey")).startsWith("True");
    }

    @Test
    void tokenAuthWithTheUsernameOfTheFlag() {
        Run run = flux.run("bb-token", env, "--owner", "FLEET", "--repository", "tokened", "--token-auth",
                "--username", "builder");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repo("tokened").accessKeys()).isEmpty();
        assertThat(flux.secretData("bb-token", "flux-system")).containsEntry("username", "builder")
                .containsEntry("password", token).containsKey("ca.crt").doesNotContainKey("identity");
        assertThat(flux.syncUrl("bb-token")).isEqualTo("https://" + bitbucket.hostname() + "/scm/FLEET/tokened.git");
        flux.assertSynced("bb-token", "main@sha1:" + tip("FLEET/tokened"));
    }

    @Test
    void newPersonalRepositoryWithTokenAuthUsesTheOwnerAsUserName() {
        Run run = flux.run("bb-personal", env, "--owner", "alice", "--personal", "--repository", "home",
                "--token-auth", "--private=false");

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakeBitbucketServer.Repo home = bitbucket.project("~alice").orElseThrow().repo("home").orElseThrow();
        assertThat(home.isPublic()).isTrue();
        assertThat(flux.secretData("bb-personal", "flux-system")).containsEntry("username", "alice")
                .containsEntry("password", token);
        assertThat(flux.syncUrl("bb-personal")).isEqualTo("https://" + bitbucket.hostname() + "/scm/~alice/home.git");
        flux.assertSynced("bb-personal", "main@sha1:" + tip(home.gitName()));
    }

    @Test
    void badToken() {
        Run run = flux.runAlone("bb-fail", Map.of("BITBUCKET_TOKEN", BAD_TOKEN), Prompter.none(),
                "--owner", "FLEET", "--repository", "unauthorized");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("✗ Bitbucket Server rejected the token (401 Unauthorized): check that "
                + "BITBUCKET_TOKEN holds a valid token that has not expired or been revoked");
        assertThat(fleet.repo("unauthorized")).isEmpty();
    }

    @Test
    void hostnameIsRequired() {
        ForgeBootstrapRunner withoutHostname = new ForgeBootstrapRunner(kube, "bitbucket-server", work, List.of());

        Run run = withoutHostname.runAlone("bb-fail", env, Prompter.none(), "--owner", "FLEET", "--repository", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).startsWith("✗ invalid hostname \"\": pass --hostname");
    }

    /** Whatever a test did, no token nor private key is in what its runs printed, nor in any repository. */
    @AfterEach
    void noTokenOrPrivateKeyInAnyOutputOrCommit() {
        flux.assertNothingLeakedSinceTheLastCheck(repositories, List.of(token, BAD_TOKEN));
    }
}
