package dev.fluxboot.manifests.bundle;

import dev.fluxboot.testing.TestTarballs;
import dev.fluxboot.testing.SharedManifests;
import dev.fluxboot.testing.RecordingReporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.net.HttpClients;
import dev.fluxboot.net.TestHttpProxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLocatorTest {

    private static final String V280 = "v2.8.0";

    @TempDir
    Path home;

    private FakeReleaseServer server;
    private byte[] tarball;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void startServer() throws Exception {
        tarball = Files.readAllBytes(SharedManifests.tarballV280());
        server = new FakeReleaseServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsVerifiesAndCachesThenTheSecondRunNeedsNoNetwork() throws Exception {
        // Given a release with its checksums
        server.release(V280, tarball, FakeReleaseServer.checksumsFor(V280, tarball));

        // When
        Bundle bundle = locator(env()).locate(Optional.empty(), Optional.of("2.8.0"));

        // Then the bundle is the release's, fetched with two requests, and the tarball is cached as published
        assertThat(bundle.version()).isEqualTo(V280);
        assertThat(bundle.files()).isEqualTo(SharedManifests.filesV280());
        assertThat(bundle.origin()).isEqualTo(server.releasesUrl() + "/download/v2.8.0/manifests.tar.gz");
        assertThat(server.requests()).containsExactly(
                FakeReleaseServer.download(V280, "manifests.tar.gz"),
                FakeReleaseServer.download(V280, "flux_2.8.0_checksums.txt"));
        Path cached = home.resolve("cache/fluxboot/manifests/v2.8.0/manifests.tar.gz");
        assertThat(cached).hasBinaryContent(tarball);
        assertThat(regularFilesIn(home.resolve("cache"))).containsExactly(cached);

        // When a new run asks again
        Bundle again = locator(env()).locate(Optional.empty(), Optional.of(V280));

        // Then it is served from the cache without any request
        assertThat(server.requests()).hasSize(2);
        assertThat(again.files()).isEqualTo(bundle.files());
        assertThat(again.origin()).isEqualTo(cached.toString());
    }

    @Test
    void aChecksumMismatchIsAnErrorAndCachesNothing() throws Exception {
        byte[] other = Files.readAllBytes(SharedManifests.folder().resolve("manifests-v2.8.1.tar.gz"));
        server.release(V280, tarball, FakeReleaseServer.checksumsFor(V280, other));

        assertThatThrownBy(() -> locator(env()).locate(Optional.empty(), Optional.of(V280)))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("checksum mismatch for " + server.releasesUrl() + "/download/v2.8.0/manifests.tar.gz")
                .hasMessageContaining("flux_2.8.0_checksums.txt says sha256 ")
                .hasMessageContaining("nothing was cached");
        assertThat(regularFilesIn(home.resolve("cache"))).isEmpty();
    }

    @Test
    void aTruncatedDownloadIsAnErrorAndCachesNothing() throws Exception {
        // Given a server that announces the whole tarball, sends half and hangs up
        try (BrokenHttpServer broken = new BrokenHttpServer(tarball, tarball.length / 2, BrokenHttpServer.Mode.TRUNCATE)) {
            Map<String, String> env = env();
            env.put("FLUXBOOT_MANIFESTS_BASE_URL", broken.baseUrl().toString());

            // Then
            assertThatThrownBy(() -> locator(env).locate(Optional.empty(), Optional.of(V280)))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageStartingWith("the download of " + broken.baseUrl() + "/download/v2.8.0/manifests.tar.gz broke off after "
                            + tarball.length / 2 + " bytes (")
                    .hasMessageEndingWith("); nothing was cached, try again");
            assertThat(broken.requests()).isEqualTo(1);
            assertThat(regularFilesIn(home.resolve("cache"))).isEmpty();
        }
    }

    @Test
    void aMissingReleaseNamesTheVersionAndTheUrl() {
        assertThatThrownBy(() -> locator(env()).locate(Optional.empty(), Optional.of("v9.9.9")))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("Flux v9.9.9 has no manifests at " + server.releasesUrl()
                        + "/download/v9.9.9/manifests.tar.gz (HTTP 404): check --version; releases are listed at "
                        + "https://github.com/fluxcd/flux2/releases");
        assertThat(regularFilesIn(home.resolve("cache"))).isEmpty();
    }

    @Test
    void aDownloadThatIsNotABundleIsAnErrorAndCachesNothing() throws Exception {
        byte[] notABundle = TestTarballs.create().file("install.yaml", "kind: Namespace\n").gzip();
        server.release(V280, notABundle, FakeReleaseServer.checksumsFor(V280, notABundle));

        assertThatThrownBy(() -> locator(env()).locate(Optional.empty(), Optional.of(V280)))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith(server.releasesUrl() + "/download/v2.8.0/manifests.tar.gz is not a Flux manifests bundle: it has no rbac.yaml");
        assertThat(regularFilesIn(home.resolve("cache"))).isEmpty();
    }

    @Test
    void anHtmlPageInsteadOfTheTarballIsAnError() {
        byte[] html = "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8);
        server.release(V280, html, null);

        assertThatThrownBy(() -> locator(env()).locate(Optional.empty(), Optional.of(V280)))
                .hasMessageContaining("manifests.tar.gz is not a valid Flux manifests bundle: it is not a gzip-compressed tarball");
        assertThat(regularFilesIn(home.resolve("cache"))).isEmpty();
    }

    @Test
    void aReleaseWithoutChecksumsIsTakenWithAWarning() {
        server.release(V280, tarball, null);

        Bundle bundle = locator(env()).locate(Optional.empty(), Optional.of(V280));

        assertThat(bundle.hasComponent("source-controller")).isTrue();
        assertThat(reporter.lines()).contains("⚠️ Flux v2.8.0 publishes no checksums (" + server.releasesUrl()
                + "/download/v2.8.0/flux_2.8.0_checksums.txt): manifests.tar.gz not verified");
        assertThat(home.resolve("cache/fluxboot/manifests/v2.8.0/manifests.tar.gz")).exists();
    }

    @Test
    void latestAsksTheReleasesApi() throws Exception {
        server.latest(V280).release(V280, tarball, FakeReleaseServer.checksumsFor(V280, tarball));
        BundleLocator locator = locator(env());

        assertThat(locator.resolveVersion(Optional.of("latest"))).isEqualTo(V280);
        Bundle bundle = locator.locate(Optional.empty(), Optional.of("latest"));

        assertThat(bundle.version()).isEqualTo(V280);
        assertThat(server.requests()).contains("/api/repos/fluxcd/flux2/releases/latest");
    }

    @Test
    void latestFailsClearlyWhenTheApiDoesNotAnswer() {
        assertThatThrownBy(() -> locator(env()).resolveVersion(Optional.of("latest")))
                .isInstanceOf(FluxbootException.class)
                .hasMessage(server.apiUrl() + "/repos/fluxcd/flux2/releases/latest answered HTTP 404; name a release instead, e.g. --version "
                        + FluxReleases.defaultVersion());
    }

    @Test
    void withoutVersionTheDefaultReleaseIsUsed() {
        assertThat(locator(env()).resolveVersion(Optional.empty())).isEqualTo("v2.9.4").isEqualTo(FluxReleases.defaultVersion());
        assertThat(locator(env()).resolveVersion(Optional.of(" "))).isEqualTo("v2.9.4");
    }

    @Test
    void versionsAreNormalisedAndGarbageIsAUsageError() {
        BundleLocator locator = locator(env());

        assertThat(locator.resolveVersion(Optional.of("2.8.0"))).isEqualTo(V280);
        assertThat(locator.resolveVersion(Optional.of("v2.8.0"))).isEqualTo(V280);
        assertThat(locator.resolveVersion(Optional.of("v2.1.0-rc.1"))).isEqualTo("v2.1.0-rc.1");
        assertThatThrownBy(() -> locator.resolveVersion(Optional.of("banana")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--version 'banana' is not a Flux release");
        assertThatThrownBy(() -> locator.resolveVersion(Optional.of("v2.8/../../x")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void offlineWithoutAnyBundleSaysHowToGetOne() throws Exception {
        // Given a base URL where nothing listens
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("FLUXBOOT_MANIFESTS_BASE_URL", "http://127.0.0.1:" + closedPort + "/releases");

        // Then
        String url = "http://127.0.0.1:" + closedPort + "/releases/download/v2.9.4/manifests.tar.gz";
        assertThatThrownBy(() -> locator(env).locate(Optional.empty(), Optional.empty()))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot download the Flux v2.9.4 manifests from " + url)
                .hasMessageEndingWith("without network access, download " + url
                        + " elsewhere and run again with --manifests manifests.tar.gz --version v2.9.4");
        assertThat(regularFilesIn(home.resolve("cache"))).isEmpty();
    }

    @Test
    void manifestsTarballOrFolderNeedNoNetwork() {
        BundleLocator locator = locator(env());

        Bundle fromTarball = locator.locate(Optional.of(SharedManifests.tarballV280()), Optional.of("2.8.0"));
        Bundle fromFolder = locator.locate(Optional.of(SharedManifests.folderV280()), Optional.of(V280));

        assertThat(fromTarball.version()).isEqualTo(V280);
        assertThat(fromTarball.origin()).isEqualTo(SharedManifests.tarballV280().toString());
        assertThat(fromFolder.files()).isEqualTo(fromTarball.files());
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void manifestsNeedsAnExplicitVersion() {
        BundleLocator locator = locator(env());
        Optional<Path> manifests = Optional.of(SharedManifests.tarballV280());

        assertThatThrownBy(() -> locator.locate(manifests, Optional.empty()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--manifests needs --version naming the Flux release the bundle belongs to, e.g. --version v2.9.4");
        assertThatThrownBy(() -> locator.locate(manifests, Optional.of("latest")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--version latest cannot be used with --manifests");
        assertThatThrownBy(() -> locator.locate(Optional.of(home.resolve("nope.tar.gz")), Optional.of(V280)))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--manifests " + home.resolve("nope.tar.gz") + ": no such file or directory");
    }

    @Test
    void anEmbeddedBundleOfTheWantedReleaseNeedsNoNetwork() throws Exception {
        // Given a jar that embeds v2.8.0, and a server that has v2.8.1
        byte[] v281 = Files.readAllBytes(SharedManifests.folder().resolve("manifests-v2.8.1.tar.gz"));
        server.release("v2.8.1", v281, FakeReleaseServer.checksumsFor("v2.8.1", v281));
        try (URLClassLoader jar = jarEmbedding("v2.8.0", tarball)) {
            BundleLocator locator = new BundleLocator(env(), reporter, new EmbeddedBundle(jar), HttpClients.fromEnvironment(env()));

            // When
            Bundle embedded = locator.locate(Optional.empty(), Optional.of("2.8.0"));

            // Then
            assertThat(embedded.origin()).isEqualTo("embedded");
            assertThat(embedded.files()).isEqualTo(SharedManifests.filesV280());
            assertThat(server.requests()).isEmpty();

            // And another release is still downloaded
            Bundle downloaded = locator.locate(Optional.empty(), Optional.of("v2.8.1"));
            assertThat(downloaded.hasComponent("image-automation-controller")).isTrue();
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void anUnreadableCacheEntryIsReplaced() throws Exception {
        server.release(V280, tarball, FakeReleaseServer.checksumsFor(V280, tarball));
        Path cached = home.resolve("cache/fluxboot/manifests/v2.8.0/manifests.tar.gz");
        Files.createDirectories(cached.getParent());
        Files.write(cached, new byte[] {1, 2, 3});

        Bundle bundle = locator(env()).locate(Optional.empty(), Optional.of(V280));

        assertThat(bundle.files()).isEqualTo(SharedManifests.filesV280());
        assertThat(cached).hasBinaryContent(tarball);
        assertThat(reporter.lines()).anyMatch(line -> line.startsWith("⚠️ ignoring the cached " + cached));
    }

    @Test
    void downloadsGoThroughTheProxyOfTheEnvironment() throws Exception {
        // Given a proxy and a download host name that only the proxy can reach
        server.release(V280, tarball, FakeReleaseServer.checksumsFor(V280, tarball));
        try (TestHttpProxy proxy = new TestHttpProxy()) {
            Map<String, String> env = env();
            String base = "http://releases.fluxboot.invalid:" + server.port() + FakeReleaseServer.RELEASES;
            env.put("FLUXBOOT_MANIFESTS_BASE_URL", base);
            env.put("HTTP_PROXY", "http://" + proxy.address());

            // When
            Bundle bundle = locator(env).locate(Optional.empty(), Optional.of(V280));

            // Then
            assertThat(bundle.files()).isEqualTo(SharedManifests.filesV280());
            assertThat(proxy.requests()).extracting(Object::toString).containsExactly(
                    base + "/download/v2.8.0/manifests.tar.gz",
                    base + "/download/v2.8.0/flux_2.8.0_checksums.txt");
            assertThat(server.requests()).hasSize(2);
        }
    }

    private BundleLocator locator(Map<String, String> env) {
        return new BundleLocator(env, reporter, new EmbeddedBundle(new URLClassLoader(new URL[0], null)),
                HttpClients.fromEnvironment(env));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.resolve("home").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("FLUXBOOT_MANIFESTS_BASE_URL", server.releasesUrl().toString());
        env.put("FLUXBOOT_GITHUB_API_URL", server.apiUrl().toString());
        return env;
    }

    private URLClassLoader jarEmbedding(String version, byte[] embeddedTarball) throws IOException {
        Path classes = home.resolve("jar");
        Path folder = Files.createDirectories(classes.resolve("fluxboot/embedded"));
        Files.write(folder.resolve("manifests.tar.gz"), embeddedTarball);
        Files.writeString(folder.resolve("version"), version + "\n");
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    private static List<Path> regularFilesIn(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
