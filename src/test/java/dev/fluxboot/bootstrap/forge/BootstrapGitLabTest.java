package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.bootstrap.forge.ForgeBootstrapRunner.Run;
import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.forge.FakeGitLabServer;
import dev.fluxboot.testing.forge.FakeGitLabServer.StoredKey;
import dev.fluxboot.testing.forge.FakeGitLabServer.StoredToken;
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
 * {@code fluxboot bootstrap gitlab} end to end through the real command, against a fake GitLab
 * ({@code --hostname}: its API at {@code /api/v4} and its Git over HTTPS) that hands its deploy
 * keys to a real SSH Git server, the real kube-apiserver and the simulated controllers (see
 * {@link BootstrapGitHubTest}); plus {@code --deploy-token-auth}.
 */
class BootstrapGitLabTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String BAD_TOKEN = "glpat-revokedTokenNeverShown0";

    @TempDir
    static Path work;

    private static TestCertificates certificates;
    private static GitRepositories repositories;
    private static HttpGitServer git;
    private static SshGitServer ssh;
    private static FakeGitLabServer gitlab;
    private static String token;
    private static Map<String, String> env;
    private static ForgeBootstrapRunner flux;
    /** The project deploy tokens the runs made: secrets too. */
    private static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void servers() {
        Path manifests = TestBundles.shared("v2.8.0");
        certificates = TestCertificates.generate();
        repositories = new GitRepositories();
        git = HttpGitServer.startHttps(repositories, certificates);
        ssh = SshGitServer.start(repositories);
        gitlab = FakeGitLabServer.start(certificates, repositories, git, ssh);
        token = gitlab.addToken(gitlab.addUser("alice"), "api");
        env = Map.of("GITLAB_TOKEN", token);
        gitlab.addGroup("fleet");
        gitlab.addGroup("fleet/platform");
        flux = new ForgeBootstrapRunner(kube, "gitlab", manifests, List.of(
                "--hostname", gitlab.hostname(), "--ca-file", certificates.writeCaFile(work).toString(),
                "--ssh-hostname", "127.0.0.1:" + ssh.port()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {gitlab, ssh, git, repositories}) {
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

    private static FakeGitLabServer.Project project(String path) {
        return gitlab.project(path).orElseThrow();
    }

    /** Given: the cluster bootstrapped into {@code namespace} from the new project fleet/platform/{@code repository}. */
    private static void bootstrapped(String namespace, String repository) {
        Run run = flux.run(namespace, env, "--owner", "fleet/platform", "--repository", repository);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** The tokens, and the project deploy tokens the runs made (the runner finds the private keys itself). */
    private static List<String> deployTokensAndTokens() {
        List<String> all = new ArrayList<>(List.of(token, BAD_TOKEN));
        all.addAll(secrets);
        return all;
    }

    private static String secretKey(String namespace) {
        Map<String, String> secret = flux.secretData(namespace, "flux-system");
        return PublicKeys.material(secret.get("identity.pub"));
    }

    @Test
    void newProjectInASubgroupWithAReadOnlyDeployKey() {
        Run run = flux.run("gl-group", env, "--owner", "fleet/platform", "--repository", "infra");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project("fleet/platform/infra").visibility()).isEqualTo("private");
        assertThat(project("fleet/platform/infra").deployKeys()).singleElement().satisfies(key -> {
            assertThat(key.title()).isEqualTo(title("gl-group"));
            assertThat(key.canPush()).isFalse();
            assertThat(PublicKeys.material(key.key())).isEqualTo(secretKey("gl-group"));
        });
        assertThat(flux.syncUrl("gl-group")).isEqualTo("ssh://git@127.0.0.1:" + ssh.port() + "/fleet/platform/infra");
        flux.assertSynced("gl-group", "main@sha1:" + tip("fleet/platform/infra"));
    }

    @Test
    void reRunChangesNothing() {
        // Given
        bootstrapped("gl-rerun", "rerun");
        String before = tip("fleet/platform/rerun");
        List<StoredKey> keys = project("fleet/platform/rerun").deployKeys();
        int writes = gitlab.writes().size();

        Run run = flux.run("gl-rerun", env, "--owner", "fleet/platform", "--repository", "rerun");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tip("fleet/platform/rerun")).isEqualTo(before);
        assertThat(project("fleet/platform/rerun").deployKeys()).isEqualTo(keys);
        assertThat(gitlab.writes()).hasSize(writes);
    }

    @Test
    void deployKeyDeletedOnTheForgeIsRegisteredAgain() {
        // Given
        bootstrapped("gl-rekey", "rekey");
        String key = secretKey("gl-rekey");
        gitlab.deleteDeployKey(project("fleet/platform/rekey"), title("gl-rekey"));

        Run run = flux.runAlone("gl-rekey", env, Prompter.none(), "--owner", "fleet/platform", "--repository", "rekey");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project("fleet/platform/rekey").deployKeys()).singleElement().satisfies(registered -> {
            assertThat(registered.title()).isEqualTo(title("gl-rekey"));
            assertThat(PublicKeys.material(registered.key())).isEqualTo(key);
        });
        assertThat(flux.reconcileSourceNow("gl-rekey")).startsWith("True");
    }

    @Test
    void newPersonalProjectPublicWithTheDeprecatedPrivateFalse() {
        Run run = flux.run("gl-personal", env, "--owner", "alice", "--personal", "--repository", "home",
                "--private=false");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Using visibility public as --private=false");
        assertThat(project("alice/home").visibility()).isEqualTo("public");
        assertThat(project("alice/home").deployKeys()).singleElement()
                .satisfies(key -> assertThat(PublicKeys.material(key.key())).isEqualTo(secretKey("gl-personal")));
        flux.assertSynced("gl-personal", "main@sha1:" + tip("alice/home"));
    }

    @Test
    void tokenAuth() {
        Run run = flux.run("gl-token", env, "--owner", "fleet", "--repository", "tokened", "--token-auth");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project("fleet/tokened").deployKeys()).isEmpty();
        assertThat(flux.secretData("gl-token", "flux-system")).containsEntry("username", "git")
                .containsEntry("password", token).containsKey("ca.crt").doesNotContainKey("identity");
        assertThat(flux.syncUrl("gl-token")).isEqualTo("https://" + gitlab.hostname() + "/fleet/tokened.git");
        flux.assertSynced("gl-token", "main@sha1:" + tip("fleet/tokened"));
    }

    @Test
    void deployTokenAuthPutsAReadOnlyProjectDeployTokenInTheSecretAndKeepsItOnReRun() {
        Run run = flux.run("gl-deploy", env, "--owner", "fleet", "--repository", "deploy-tokened", "--deploy-token-auth");

        assertThat(run.exitCode()).as(run.err()).isZero();
        StoredToken deployToken = project("fleet/deploy-tokened").deployTokens().stream().filter(t -> !t.revoked())
                .findFirst().orElseThrow();
        assertThat(deployToken.name()).isEqualTo(title("gl-deploy"));
        assertThat(deployToken.scopes()).containsExactly("read_repository");
        secrets.add(deployToken.token());
        Map<String, String> secret = flux.secretData("gl-deploy", "flux-system");
        assertThat(secret).containsOnlyKeys("username", "password", "ca.crt");
        assertThat(secret.get("username")).isEqualTo(deployToken.username());
        assertThat(secret.get("password")).isEqualTo(deployToken.token()).isNotEqualTo(token);
        assertThat(project("fleet/deploy-tokened").deployKeys()).isEmpty();
        assertThat(flux.syncUrl("gl-deploy")).isEqualTo("https://" + gitlab.hostname() + "/fleet/deploy-tokened.git");
        flux.assertSynced("gl-deploy", "main@sha1:" + tip("fleet/deploy-tokened"));

        Run again = flux.run("gl-deploy", env, "--owner", "fleet", "--repository", "deploy-tokened", "--deploy-token-auth");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(project("fleet/deploy-tokened").deployTokens()).singleElement()
                .satisfies(kept -> assertThat(kept.revoked()).isFalse());
        assertThat(flux.secretData("gl-deploy", "flux-system")).isEqualTo(secret);
        assertThat(again.err()).contains("✔ reconciled deploy token for source secret");
    }

    @Test
    void tokenAuthAndDeployTokenAuthTogetherAreAUsageError() {
        Run run = flux.runAlone("gl-fail", env, Prompter.none(), "--owner", "fleet", "--repository", "both",
                "--token-auth", "--deploy-token-auth");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lastErrLine()).isEqualTo("✗ --token-auth and --deploy-token-auth cannot be set both: choose one");
    }

    @Test
    void badToken() {
        Run run = flux.runAlone("gl-fail", Map.of("GITLAB_TOKEN", BAD_TOKEN), Prompter.none(),
                "--owner", "fleet", "--repository", "unauthorized");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("✗ GitLab rejected the token (401 Unauthorized): check that GITLAB_TOKEN "
                + "holds a valid token that has not expired or been revoked");
        assertThat(gitlab.project("fleet/unauthorized")).isEmpty();
    }

    /** Whatever a test did, no token nor private key is in what its runs printed, nor in any repository. */
    @AfterEach
    void noTokenOrPrivateKeyInAnyOutputOrCommit() {
        flux.assertNothingLeakedSinceTheLastCheck(repositories, deployTokensAndTokens());
    }
}
