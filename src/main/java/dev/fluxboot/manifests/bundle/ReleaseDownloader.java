package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.net.NetworkErrors;
import dev.fluxboot.ui.Reporter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a release's {@code manifests.tar.gz} into the {@link BundleCache}: into a
 * temporary file in the cache folder, checked against the release's published SHA-256
 * ({@code flux_<version>_checksums.txt}, when the release has one), checked to be a bundle,
 * then moved into place. Whatever fails on the way leaves nothing in the cache.
 */
public final class ReleaseDownloader {

    /** A release tarball is ~100 KiB; anything near this is not one. */
    static final long MAX_DOWNLOAD_BYTES = 64L * 1024 * 1024;
    /** How long a download may go without receiving anything. */
    static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http;
    private final URI baseUrl;
    private final BundleCache cache;
    private final Reporter reporter;
    private final Duration stallTimeout;

    /** {@code baseUrl} e.g. {@code https://github.com/fluxcd/flux2/releases}. */
    public ReleaseDownloader(HttpClient http, URI baseUrl, BundleCache cache, Reporter reporter) {
        this(http, baseUrl, cache, reporter, DEFAULT_STALL_TIMEOUT);
    }

    ReleaseDownloader(HttpClient http, URI baseUrl, BundleCache cache, Reporter reporter, Duration stallTimeout) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.cache = cache;
        this.reporter = reporter;
        this.stallTimeout = stallTimeout;
    }

    /** {@code <base>/download/<version>/manifests.tar.gz}. */
    public URI manifestsUrl(String version) {
        return releaseFile(version, "manifests.tar.gz");
    }

    /** {@code <base>/download/<version>/flux_<version without v>_checksums.txt}, as goreleaser names it. */
    public URI checksumsUrl(String version) {
        return releaseFile(version, checksumsFileName(version));
    }

    /** Downloads, verifies and caches the bundle of {@code version}; returns it. */
    public Bundle download(String version) {
        URI url = manifestsUrl(version);
        reporter.action("downloading Flux " + version + " manifests from " + url);
        Path temporary = cache.newTemporaryFile(version);
        try {
            fetchTarball(version, url, temporary);
            verifyChecksum(version, url, sha256(temporary));
            Map<String, String> files = readBundle(temporary, url);
            Path cached = cache.commit(temporary, version);
            reporter.success("Flux " + version + " manifests saved in " + cached);
            return new Bundle(version, files, url.toString());
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void fetchTarball(String version, URI url, Path target) {
        int status = transfer(url, version, target, "manifests.tar.gz");
        if (status == 404) {
            throw new FluxbootException("Flux " + version + " has no manifests at " + url
                    + " (HTTP 404): check --version; releases are listed at " + FluxReleases.RELEASES_PAGE);
        }
        if (status != 200) {
            throw new FluxbootException("downloading " + url + " failed: HTTP " + status);
        }
    }

    /**
     * Compares with the release's checksums file. Flux lists manifests.tar.gz there (goreleaser's
     * {@code checksum.extra_files}); a release without the file (404) or without the line is
     * taken unverified, with a warning.
     */
    private void verifyChecksum(String version, URI tarballUrl, String actual) {
        URI url = checksumsUrl(version);
        Path listing = cache.newTemporaryFile(version);
        String text;
        try {
            int status = transfer(url, version, listing, checksumsFileName(version));
            if (status == 404) {
                reporter.warning("Flux " + version + " publishes no checksums (" + url + "): manifests.tar.gz not verified");
                return;
            }
            if (status != 200) {
                throw new FluxbootException("cannot verify " + tarballUrl + ": " + url + " answered HTTP "
                        + status + "; nothing was cached, try again");
            }
            text = Files.readString(listing, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FluxbootException("cannot verify " + tarballUrl + ": " + url + " is not a checksums file", e);
        } finally {
            deleteQuietly(listing);
        }
        Optional<String> expected = expectedSha256(text, "manifests.tar.gz");
        if (expected.isEmpty()) {
            reporter.warning(url + " lists no manifests.tar.gz: manifests.tar.gz not verified");
            return;
        }
        if (!expected.get().equals(actual)) {
            throw new FluxbootException("checksum mismatch for " + tarballUrl + ": " + checksumsFileName(version)
                    + " says sha256 " + expected.get() + ", the download has " + actual
                    + "; nothing was cached (a broken mirror or proxy?)");
        }
    }

    /**
     * GETs {@code url} into {@code target} when the answer is 200 (other answers are discarded)
     * and returns the status. The JDK client's own timeout ends at the response headers, so the
     * body is watched here: a transfer that makes no progress for {@link #stallTimeout}, grows
     * beyond {@link #MAX_DOWNLOAD_BYTES} or ends short of its Content-Length is an error.
     */
    private int transfer(URI url, String version, Path target, String what) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(stallTimeout)
                .header("User-Agent", "fluxboot/" + FluxReleases.toolVersion())
                .GET()
                .build();
        HttpResponse.BodyHandler<Path> handler = info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.ofFile(target)
                : HttpResponse.BodySubscribers.replacing(target);
        CompletableFuture<HttpResponse<Path>> exchange = http.sendAsync(request, handler);
        long lastSize = -1;
        long lastProgress = System.nanoTime();
        try {
            while (true) {
                try {
                    HttpResponse<Path> response = exchange.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    if (response.statusCode() == 200) {
                        checkLength(url, response, Files.size(target));
                    }
                    return response.statusCode();
                } catch (TimeoutException stillRunning) {
                    long size = Files.exists(target) ? Files.size(target) : 0;
                    if (size > MAX_DOWNLOAD_BYTES) {
                        exchange.cancel(true);
                        throw notABundle(url, "it has more than " + MAX_DOWNLOAD_BYTES + " bytes");
                    }
                    if (size != lastSize) {
                        lastSize = size;
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                        exchange.cancel(true);
                        throw new FluxbootException("the download of " + url + " stalled after " + size + " bytes (no data for "
                                + stallTimeout.toSeconds() + "s); nothing was cached, try again");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (NetworkErrors.isUnreachable(cause) || !(cause instanceof IOException)) {
                throw unreachable(url, version, cause);
            }
            throw new FluxbootException("the download of " + url + " broke off after " + sizeOf(target) + " bytes ("
                    + NetworkErrors.describe(cause) + "); nothing was cached, try again", cause);
        } catch (IOException e) {
            throw new FluxbootException("cannot write " + what + " to " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted while downloading " + url, e);
        }
    }

    private static void checkLength(URI url, HttpResponse<?> response, long received) {
        OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
        if (announced.isPresent() && announced.getAsLong() != received) {
            throw new FluxbootException("the download of " + url + " is truncated (" + received + " of "
                    + announced.getAsLong() + " bytes); nothing was cached, try again");
        }
    }

    private FluxbootException unreachable(URI url, String version, Throwable cause) {
        return new FluxbootException("cannot download the Flux " + version + " manifests from " + url + " ("
                + NetworkErrors.describe(cause) + "); without network access, download "
                + manifestsUrl(version) + " elsewhere and run again with --manifests manifests.tar.gz --version "
                + version, cause);
    }

    /** The SHA-256 of {@code fileName} in a {@code sha256sum}-style listing ({@code <hex>  <name>}). */
    static Optional<String> expectedSha256(String checksums, String fileName) {
        for (String line : checksums.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2 && fields[0].matches("[0-9a-fA-F]{64}")
                    && (fields[1].equals(fileName) || fields[1].equals("*" + fileName))) {
                return Optional.of(fields[0].toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private URI releaseFile(String version, String fileName) {
        return URI.create(LatestReleaseLookup.stripSlash(baseUrl.toString()) + "/download/" + version + "/" + fileName);
    }

    private static String checksumsFileName(String version) {
        return "flux_" + (version.startsWith("v") ? version.substring(1) : version) + "_checksums.txt";
    }

    private static Map<String, String> readBundle(Path download, URI url) {
        try (InputStream in = Files.newInputStream(download)) {
            return new TarballBundleReader().read(in, url.toString());
        } catch (IOException e) {
            throw new FluxbootException("cannot read the download " + download + ": " + e.getMessage(), e);
        }
    }

    private static FluxbootException notABundle(URI url, String reason) {
        return new FluxbootException(url + " is not a valid Flux manifests bundle: " + reason);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new FluxbootException("cannot read the download " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless: only manifests.tar.gz is ever read from the cache
        }
    }
}
