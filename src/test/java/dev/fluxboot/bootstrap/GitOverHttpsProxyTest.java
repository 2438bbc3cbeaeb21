package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.git.ChangeSource;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.PushResult;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.testing.forge.TestConnectProxy;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Git over HTTPS from the world the composition root builds goes through {@code HTTPS_PROXY} and
 * honours {@code NO_PROXY}: a real CONNECT proxy and a real smart-HTTP Git server on loopback, the
 * repository named by a host that only the proxy can reach.
 */
class GitOverHttpsProxyTest {

    private static final String TOKEN = "glpat-ProxyTestTokenNeverShown42";

    private final RecordingReporter reporter = new RecordingReporter();
    private final TestCertificates certificates = TestCertificates.generate();
    private GitRepositories repositories;
    private HttpGitServer server;
    private TestConnectProxy proxy;

    @BeforeEach
    void start() throws Exception {
        repositories = new GitRepositories();
        server = HttpGitServer.startHttps(repositories, certificates);
        server.authorizeBasic("git", TOKEN, false);
        proxy = new TestConnectProxy();
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "fleet\n"), "first");
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
        repositories.close();
    }

    private String proxiedUrl() {
        return "https://" + TestCertificates.PROXIED_HOST + ":" + server.port() + "/org/fleet.git";
    }

    /** A remote as a caller that knows nothing of proxies makes it: the world's Git client adds them. */
    private GitRemote remote() {
        return GitRemote.of(proxiedUrl(), new GitAuth.Basic("git", TOKEN),
                TransportOptions.defaults().withCaCertificates(certificates.caPem()));
    }

    @Test
    void fetchAndPushGoThroughHttpsProxy() {
        // Given the environment names the proxy
        World world = World.create(Map.of("HTTPS_PROXY", proxy.url()), reporter);

        // When fluxboot fetches, commits and pushes
        PushResult pushed;
        try (RemoteBranch branch = world.git().fetch(remote(), "main", reporter)) {
            assertThat(branch.readString("README.md")).contains("fleet\n");
            pushed = branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("clusters/prod/x.yaml", "x\n").build()),
                    new CommitDetails("Flux", "", "Add x")).orElseThrow();
        }

        // Then every connection was tunnelled through the proxy, and the push landed
        assertThat(proxy.connects()).isNotEmpty()
                .allSatisfy(target -> assertThat(target).isEqualTo(TestCertificates.PROXIED_HOST + ":" + server.port()));
        assertThat(repositories.readFile("org/fleet", "main", "clusters/prod/x.yaml")).contains("x\n");
        assertThat(pushed.pushed()).isTrue();
    }

    @Test
    void noProxyMakesTheConnectionDirect() {
        // Given NO_PROXY covers the host: the connection goes direct, where the name resolves nowhere
        World world = World.create(Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", ".fluxboot.invalid"), reporter);

        assertThatThrownBy(() -> world.git().fetch(remote(), "main", reporter).close())
                .isInstanceOf(FluxbootException.class)
                .hasMessageNotContaining(TOKEN);
        assertThat(proxy.connects()).isEmpty();
    }
}
