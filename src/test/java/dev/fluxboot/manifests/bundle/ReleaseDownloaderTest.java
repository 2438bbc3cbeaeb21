package dev.fluxboot.manifests.bundle;

import dev.fluxboot.testing.SharedManifests;
import dev.fluxboot.testing.RecordingReporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.net.HttpClients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDownloaderTest {

    @TempDir
    Path cacheRoot;

    @Test
    void namesReleaseFilesAsGoreleaserPublishesThem() {
        ReleaseDownloader downloader = downloader(java.net.URI.create("https://github.com/fluxcd/flux2/releases/"), Duration.ofSeconds(1));

        assertThat(downloader.manifestsUrl("v2.8.0"))
                .hasToString("https://github.com/fluxcd/flux2/releases/download/v2.8.0/manifests.tar.gz");
        assertThat(downloader.checksumsUrl("v2.8.0"))
                .hasToString("https://github.com/fluxcd/flux2/releases/download/v2.8.0/flux_2.8.0_checksums.txt");
    }

    @Test
    void findsTheTarballInAChecksumsListing() {
        String sha = "ab".repeat(32);
        String listing = "cd".repeat(32) + "  flux_2.8.0_linux_amd64.tar.gz\n" + sha.toUpperCase() + " *manifests.tar.gz\r\n";

        assertThat(ReleaseDownloader.expectedSha256(listing, "manifests.tar.gz")).contains(sha);
        assertThat(ReleaseDownloader.expectedSha256(listing, "install.yaml")).isEmpty();
    }

    @Test
    @Timeout(30)
    void aStalledDownloadIsAnErrorAndCachesNothing() throws Exception {
        // Given a server that sends some bytes and then nothing, keeping the connection open
        byte[] tarball = Files.readAllBytes(SharedManifests.tarballV280());
        try (BrokenHttpServer stalled = new BrokenHttpServer(tarball, 1000, BrokenHttpServer.Mode.STALL)) {
            ReleaseDownloader downloader = downloader(stalled.baseUrl(), Duration.ofSeconds(1));

            // Then
            assertThatThrownBy(() -> downloader.download("v2.8.0"))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("the download of " + stalled.baseUrl() + "/download/v2.8.0/manifests.tar.gz stalled after "
                            + "1000 bytes (no data for 1s); nothing was cached, try again");
            try (Stream<Path> files = Files.walk(cacheRoot)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    private ReleaseDownloader downloader(java.net.URI base, Duration stallTimeout) {
        return new ReleaseDownloader(HttpClients.fromEnvironment(Map.of()).newClient(), base,
                new BundleCache(cacheRoot), new RecordingReporter(), stallTimeout);
    }
}
