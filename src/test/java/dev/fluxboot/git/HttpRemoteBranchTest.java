package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class HttpRemoteBranchTest {

    private static final String TOKEN = "ghp_Z9xTestTokenThatMustNeverShow4711";
    private static TestCertificates certificates;

    private GitRepositories repositories;
    private HttpGitServer server;
    private final RecordingReporter reporter = new RecordingReporter();
    private final CommitDetails details = new CommitDetails("Flux", "", "Add Flux v2.9.4 component manifests");

    @BeforeAll
    static void makeCertificates() {
        certificates = TestCertificates.generate();
    }

    @BeforeEach
    void start() {
        repositories = new GitRepositories();
        server = HttpGitServer.startHttps(repositories, certificates);
        server.authorizeBasic("git", TOKEN, false);
    }

    @AfterEach
    void stop() {
        server.close();
        repositories.close();
    }

    @AfterAll
    static void noop() {
    }

    private TransportOptions withCa() {
        return TransportOptions.defaults().withCaCertificates(certificates.caPem());
    }

    private GitRemote tokenRemote(String repo) {
        return GitRemote.of(server.url(repo), new GitAuth.Basic("git", TOKEN), withCa());
    }

    @Test
    void tokenOverHttpsWithCaFileStartsNewHistory(@TempDir Path dir) {
        repositories.create("org/empty");
        Path caFile = certificates.writeCaFile(dir);
        GitRemote remote = GitRemote.of(server.url("org/empty"), new GitAuth.Basic("git", TOKEN),
                TransportOptions.defaults().withCaCertificates(TlsTrust.readCaFile(caFile)));

        PushResult result;
        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            assertThat(branch.head()).isEmpty();
            result = branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/prod/flux-system/gotk-components.yaml", "---\n").build()), details).orElseThrow();
        }

        assertThat(result.pushed()).isTrue();
        assertThat(repositories.log("org/empty", "main")).extracting(RevCommit::getName).containsExactly(result.commit());
        assertThat(repositories.files("org/empty", "main")).containsExactly("clusters/prod/flux-system/gotk-components.yaml");
        assertThat(server.lastAuthorizationScheme()).isEqualTo("Basic");
        assertThat(server.pushCount()).isEqualTo(1);
    }

    @Test
    void existingHistoryIsFetchedShallowAndOtherFilesStay() throws Exception {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n", "apps/a.yaml", "a\n"), "one");
        ObjectId second = repositories.commit("org/fleet", "main", Map.of("apps/b.yaml", "b\n"), "two");

        try (RemoteBranch branch = RemoteBranch.fetch(tokenRemote("org/fleet"), "main", reporter)) {
            assertThat(branch.repository().getObjectDatabase().getShallowCommits()).containsExactly(second);
            assertThat(branch.repository().isBare()).isTrue();
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/prod/flux-system/gotk-sync.yaml", "sync\n").delete("apps/a.yaml").build()), details)
                    .orElseThrow();
        }
        assertThat(repositories.files("org/fleet", "main"))
                .containsExactlyInAnyOrder("README.md", "apps/b.yaml", "clusters/prod/flux-system/gotk-sync.yaml");
        assertThat(repositories.log("org/fleet", "main").get(0).getParent(0).getId()).isEqualTo(second);
        assertThat(server.v2FetchCount()).as("JGit fetches with protocol v2").isPositive();
    }

    @Test
    void bearerTokenIsSentAsAuthorizationHeader() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.revokeAll();
        server.authorizeBearer(TOKEN, false);

        try (RemoteBranch branch = RemoteBranch.fetch(GitRemote.of(server.url("org/fleet"), new GitAuth.Bearer(TOKEN), withCa()),
                "main", reporter)) {
            branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("x", "y").build()), details).orElseThrow();
        }
        assertThat(server.lastAuthorizationScheme()).isEqualTo("Bearer");
        assertThat(server.pushCount()).isEqualTo(1);
    }

    @Test
    void wrongTokenFailsWithoutShowingIt() {
        repositories.create("org/fleet");
        String wrong = "ghp_WrongTokenAlsoSecret0000000000001";
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.Basic("git", wrong), withCa());

        Throwable thrown = catchThrowable(() -> RemoteBranch.fetch(remote, "main", reporter));

        assertThat(thrown).isInstanceOf(FluxbootException.class)
                .hasMessageContaining("reading Git repository " + server.url("org/fleet"))
                .hasMessageContaining("authentication was refused; check the password or token of user git");
        assertThat(server.refusedRequests()).isPositive();
        NoSecrets.assertNoSecretIn(thrown, reporter, wrong, TOKEN);
    }

    @Test
    void wrongBearerTokenFailsWithoutShowingIt() {
        repositories.create("org/fleet");
        String wrong = "glpat-WrongBearerSecret00000000001";
        Throwable thrown = catchThrowable(() -> RemoteBranch.fetch(
                GitRemote.of(server.url("org/fleet"), new GitAuth.Bearer(wrong), withCa()), "main", reporter));

        assertThat(thrown).isInstanceOf(FluxbootException.class).hasMessageContaining("check the bearer token");
        NoSecrets.assertNoSecretIn(thrown, reporter, wrong);
    }

    @Test
    void tokenInTheUrlNeverShows() {
        repositories.create("org/fleet");
        String wrong = "ghp_UrlEmbeddedSecret000000000000042";
        // as password, and as user name (GitHub accepts a token in either place)
        for (String userInfo : List.of("git:" + wrong, wrong)) {
            String url = server.url("org/fleet").replace("https://", "https://" + userInfo + "@");
            GitRemote remote = GitRemote.of(url, new GitAuth.Anonymous(), withCa());
            assertThat(remote.url().toString()).isEqualTo(server.url("org/fleet"));

            Throwable thrown = catchThrowable(() -> RemoteBranch.fetch(remote, "main", reporter));

            assertThat(thrown).isInstanceOf(FluxbootException.class).hasMessageContaining("authentication was refused");
            NoSecrets.assertNoSecretIn(thrown, reporter, wrong);
        }
    }

    @Test
    void readOnlyTokenCannotPush() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.revokeAll();
        server.authorizeBasic("git", TOKEN, true);

        try (RemoteBranch branch = RemoteBranch.fetch(tokenRemote("org/fleet"), "main", reporter)) {
            Throwable thrown = catchThrowable(() -> branch.commitAndPush(
                    ChangeSource.of(ChangeSet.builder().put("x", "y").build()), details));
            assertThat(thrown).isInstanceOf(FluxbootException.class)
                    .hasMessageContaining("pushing branch \"main\" to " + server.url("org/fleet"))
                    .hasMessageContaining("pushing is not permitted; check that the credentials have write access");
            NoSecrets.assertNoSecretIn(thrown, reporter, TOKEN);
        }
        assertThat(server.pushCount()).isZero();
    }

    @Test
    void serverCertificateNotSignedByAKnownCaIsRefusedNamingCaFile() {
        repositories.create("org/fleet");
        GitRemote noCa = GitRemote.of(server.url("org/fleet"), new GitAuth.Basic("git", TOKEN), TransportOptions.defaults());
        GitRemote otherCa = GitRemote.of(server.url("org/fleet"), new GitAuth.Basic("git", TOKEN),
                TransportOptions.defaults().withCaCertificates(TestCertificates.generate("another CA").caPem()));

        for (GitRemote remote : List.of(noCa, otherCa)) {
            Throwable thrown = catchThrowable(() -> RemoteBranch.fetch(remote, "main", reporter));
            assertThat(thrown).isInstanceOf(FluxbootException.class)
                    .hasMessageContaining("the TLS certificate of 127.0.0.1 is not trusted")
                    .hasMessageContaining("--ca-file");
            NoSecrets.assertNoSecretIn(thrown, reporter, TOKEN);
        }
        assertThat(server.fetchCount()).isZero();
    }

    @Test
    void concurrentPushIsRedoneOverHttps() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.duringReceive((name, repo, number) -> {
            if (number == 1) {
                repositories.commit(name, "main", Map.of("apps/theirs.yaml", "theirs\n"), "their change");
            }
        });

        PushResult result;
        try (RemoteBranch branch = RemoteBranch.fetch(tokenRemote("org/fleet"), "main", reporter)) {
            result = branch.commitAndPush(ChangeSource.of(ChangeSet.builder().put("clusters/ours.yaml", "ours\n").build()),
                    details).orElseThrow();
        }
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(repositories.log("org/fleet", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly(details.message(), "their change", "one");
        assertThat(repositories.files("org/fleet", "main"))
                .containsExactlyInAnyOrder("README.md", "apps/theirs.yaml", "clusters/ours.yaml");
    }

    @Test
    void exhaustedRetriesOverHttpsFail() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.beforeReceive((name, repo, number) ->
                repositories.commit(name, "main", Map.of("n", "" + number), "their change " + number));

        try (RemoteBranch branch = RemoteBranch.fetch(tokenRemote("org/fleet"), "main", reporter)) {
            Throwable thrown = catchThrowable(() -> branch.commitAndPush(
                    ChangeSource.of(ChangeSet.builder().put("clusters/ours.yaml", "ours\n").build()), details));
            assertThat(thrown).isInstanceOf(FluxbootException.class)
                    .hasMessageContaining("changed on the remote during each of 4 attempts");
            NoSecrets.assertNoSecretIn(thrown, reporter, TOKEN);
        }
        assertThat(server.pushCount()).isZero();
    }

    @Test
    void missingBranchListsBranchesOverHttps() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "trunk", Map.of("README.md", "hi\n"), "one");

        assertThatThrownBy(() -> RemoteBranch.fetch(tokenRemote("org/fleet"), "main", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("branch \"main\" not found in Git repository " + server.url("org/fleet") + "; it has: trunk");
    }

    @Test
    void sameContentMakesNoCommitAndNoPushOverHttps() {
        repositories.create("org/fleet");
        ObjectId tip = repositories.commit("org/fleet", "main", Map.of("clusters/a.yaml", "same\n"), "one");

        try (RemoteBranch branch = RemoteBranch.fetch(tokenRemote("org/fleet"), "main", reporter)) {
            assertThat(branch.commit(ChangeSource.of(ChangeSet.builder().put("clusters/a.yaml", "same\n").build()), details))
                    .isEmpty();
            assertThat(branch.head()).contains(tip.name());
        }
        assertThat(server.pushCount()).isZero();
        assertThat(repositories.log("org/fleet", "main")).hasSize(1);
    }

    @Test
    void missingRepositoryIsNamed() {
        assertThatThrownBy(() -> RemoteBranch.fetch(tokenRemote("org/nothing"), "main", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining(server.url("org/nothing"))
                .hasMessageContaining("repository not found");
    }

    @Test
    void plainHttpNeedsAllowInsecureHttp() {
        try (HttpGitServer plain = HttpGitServer.startHttp(repositories)) {
            repositories.create("org/fleet");
            repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
            plain.authorizeBasic("git", TOKEN, false);

            assertThatThrownBy(() -> GitRemote.of(plain.url("org/fleet"), new GitAuth.Basic("git", TOKEN), TransportOptions.defaults()))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("scheme http is insecure, pass --allow-insecure-http=true to allow it");

            GitRemote allowed = GitRemote.of(plain.url("org/fleet"), new GitAuth.Basic("git", TOKEN),
                    TransportOptions.defaults().withAllowInsecureHttp(true));
            try (RemoteBranch branch = RemoteBranch.fetch(allowed, "main", reporter)) {
                assertThat(branch.readString("README.md")).contains("hi\n");
            }
        }
    }

    @Test
    void httpsGoesThroughTheGivenProxySelector() throws IOException {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        List<URI> asked = new CopyOnWriteArrayList<>();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Proxy deadProxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", deadPort));
        ProxySelector direct = recording(asked, Proxy.NO_PROXY);
        ProxySelector broken = recording(asked, deadProxy);

        try (RemoteBranch branch = RemoteBranch.fetch(GitRemote.of(server.url("org/fleet"), new GitAuth.Basic("git", TOKEN),
                withCa().withProxySelector(direct)), "main", reporter)) {
            assertThat(branch.head()).isPresent();
        }
        assertThat(asked).isNotEmpty().allMatch(uri -> uri.toString().startsWith(server.url("org/fleet")));

        assertThatThrownBy(() -> RemoteBranch.fetch(GitRemote.of(server.url("org/fleet"), new GitAuth.Basic("git", TOKEN),
                withCa().withProxySelector(broken)), "main", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("reading Git repository " + server.url("org/fleet") + " failed");
    }

    private static ProxySelector recording(List<URI> asked, Proxy answer) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(answer);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }

    @Test
    void caFileProblemsAreUsageErrorsNamingTheFlag(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> TlsTrust.readCaFile(dir.resolve("missing.crt")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unable to read TLS CA file " + dir.resolve("missing.crt") + " (--ca-file)");
        Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate\n");
        assertThatThrownBy(() -> TlsTrust.readCaFile(garbage))
                .isInstanceOf(UsageException.class).hasMessageContaining("(--ca-file)");
        assertThatThrownBy(() -> GitRemote.of(server.url("org/fleet"), new GitAuth.Basic("git", TOKEN),
                TransportOptions.defaults().withCaCertificates("nope")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--ca-file");
    }

    @Test
    void authObjectsHideTheirSecrets() {
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        assertThat(new GitAuth.Basic("git", TOKEN).toString()).doesNotContain(TOKEN).contains("git");
        assertThat(new GitAuth.Bearer(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new GitAuth.SshKey(key, "", List.of()).toString()).contains(key.fingerprint())
                .doesNotContain(key.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
        assertThat(Optional.of(tokenRemote("org/x")).toString()).doesNotContain(TOKEN);
    }
}
