package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.net.HttpClients;
import dev.fluxboot.ui.Reporter;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the manifests bundle of a Flux release, in this order: {@code --manifests} (a folder or
 * a {@code .tar.gz}, for air-gapped installs; {@code --version} must then name its release),
 * the bundle embedded in the jar when it is of the wanted release, the cache, a download of the
 * release asset (verified, then cached).
 *
 * <p>Environment: {@value #MANIFESTS_BASE_URL_ENV} (default {@value FluxReleases#DEFAULT_MANIFESTS_BASE_URL}),
 * {@value #GITHUB_API_URL_ENV} (default {@value FluxReleases#DEFAULT_GITHUB_API_URL}),
 * {@code XDG_CACHE_HOME}/{@code HOME} for the cache, proxy variables and {@code SSL_CERT_FILE}
 * (see {@link HttpClients#fromEnvironment(Map)}).
 */
public final class BundleLocator {

    public static final String MANIFESTS_BASE_URL_ENV = "FLUXBOOT_MANIFESTS_BASE_URL";
    public static final String GITHUB_API_URL_ENV = "FLUXBOOT_GITHUB_API_URL";

    private final Map<String, String> env;
    private final Reporter reporter;
    private final EmbeddedBundle embedded;
    private final HttpClients httpClients;
    private final BundleCache cache;
    private HttpClient client;

    /** {@code env}: {@link System#getenv()} in production. */
    public BundleLocator(Map<String, String> env, Reporter reporter) {
        this(env, reporter, new EmbeddedBundle(BundleLocator.class.getClassLoader()), HttpClients.fromEnvironment(env));
    }

    /** With a given embedded bundle source and HTTP set-up (tests; callers with a {@code --ca-file}). */
    public BundleLocator(Map<String, String> env, Reporter reporter, EmbeddedBundle embedded, HttpClients httpClients) {
        this.env = Map.copyOf(env);
        this.reporter = reporter;
        this.embedded = embedded;
        this.httpClients = httpClients;
        this.cache = BundleCache.fromEnvironment(this.env);
    }

    /** The bundle for {@code --manifests} and {@code --version} as the user gave them (either may be absent). */
    public Bundle locate(Optional<Path> manifests, Optional<String> version) {
        Optional<String> requested = version.filter(v -> !v.isBlank());
        if (manifests.isPresent()) {
            String given = requested.orElseThrow(() -> new UsageException(
                    "--manifests needs --version naming the Flux release the bundle belongs to, e.g. --version "
                            + FluxReleases.defaultVersion()));
            if (given.trim().toLowerCase(Locale.ROOT).equals(FluxReleases.LATEST)) {
                throw new UsageException("--version latest cannot be used with --manifests: name the release the bundle "
                        + "belongs to, e.g. --version " + FluxReleases.defaultVersion());
            }
            return readLocal(manifests.get(), FluxReleases.normalizeVersion(given));
        }
        String resolved = resolveVersion(requested);
        Optional<Bundle> fromJar = embedded.load(resolved);
        if (fromJar.isPresent()) {
            return fromJar.get();
        }
        Optional<Bundle> cached = readCached(resolved);
        if (cached.isPresent()) {
            return cached.get();
        }
        return downloader().download(resolved);
    }

    /** No version: the tool's default; {@code latest}: asks the releases API; else normalised ({@code 2.8.0} gives {@code v2.8.0}). */
    public String resolveVersion(Optional<String> version) {
        Optional<String> requested = version.filter(v -> !v.isBlank()).map(String::trim);
        if (requested.isEmpty()) {
            return FluxReleases.defaultVersion();
        }
        if (requested.get().toLowerCase(Locale.ROOT).equals(FluxReleases.LATEST)) {
            return new LatestReleaseLookup(client(), baseUrl(GITHUB_API_URL_ENV, FluxReleases.DEFAULT_GITHUB_API_URL))
                    .latestVersion();
        }
        return FluxReleases.normalizeVersion(requested.get());
    }

    /** Where downloads are cached. */
    public BundleCache cache() {
        return cache;
    }

    private Bundle readLocal(Path path, String version) {
        Map<String, String> files;
        if (Files.isDirectory(path)) {
            files = new DirectoryBundleReader().read(path);
        } else if (Files.isRegularFile(path)) {
            files = new TarballBundleReader().read(path);
        } else {
            throw new UsageException("--manifests " + path + ": no such file or directory; give a folder or the "
                    + "manifests.tar.gz of a Flux release");
        }
        BundleRelease.requireRelease(version, files, path);
        return new Bundle(version, files, path.toString());
    }

    private Optional<Bundle> readCached(String version) {
        Optional<Path> tarball = cache.find(version);
        if (tarball.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Bundle(version, new TarballBundleReader().read(tarball.get()), tarball.get().toString()));
        } catch (FluxbootException e) {
            reporter.warning("ignoring the cached " + tarball.get() + " (" + e.getMessage() + "); downloading it again");
            cache.evict(version);
            return Optional.empty();
        }
    }

    private ReleaseDownloader downloader() {
        return new ReleaseDownloader(client(), baseUrl(MANIFESTS_BASE_URL_ENV, FluxReleases.DEFAULT_MANIFESTS_BASE_URL),
                cache, reporter);
    }

    private HttpClient client() {
        if (client == null) {
            client = httpClients.newClient();
        }
        return client;
    }

    private URI baseUrl(String variable, String fallback) {
        String value = Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank()).map(String::trim).orElse(fallback);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(variable + "='" + value + "' is not an http(s) URL: use e.g. " + fallback);
    }
}
