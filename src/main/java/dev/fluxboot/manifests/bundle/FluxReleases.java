package dev.fluxboot.manifests.bundle;

import dev.fluxboot.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the build knows about versions ({@code fluxboot/build.properties}, filtered by Maven),
 * and the shape of a Flux release version.
 */
public final class FluxReleases {

    /** Where release assets are downloaded from; {@code FLUXBOOT_MANIFESTS_BASE_URL} overrides it. */
    public static final String DEFAULT_MANIFESTS_BASE_URL = "https://github.com/fluxcd/flux2/releases";
    /** The GitHub API asked for the newest release; {@code FLUXBOOT_GITHUB_API_URL} overrides it. */
    public static final String DEFAULT_GITHUB_API_URL = "https://api.github.com";
    /** Where users browse the releases, for messages. */
    public static final String RELEASES_PAGE = "https://github.com/fluxcd/flux2/releases";
    /** The {@code --version} value that asks for the newest release. */
    public static final String LATEST = "latest";

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z][0-9A-Za-z.-]*)?");

    private FluxReleases() {
    }

    /**
     * The Flux release installed when no {@code --version} is given, e.g. {@code v2.9.4}: the release of
     * the bundle built into the jar when there is one (it installs with no network), else the build's default.
     */
    public static String defaultVersion() {
        return DefaultVersion.VALUE;
    }

    /** {@link #defaultVersion()} for a jar whose resources are {@code embedded}. */
    static String defaultVersion(EmbeddedBundle embedded) {
        return embedded.version().orElse(BuildProperties.VALUES.get("flux.default.version"));
    }

    /** Read once, when first asked: runs that name a release never open the jar for it. */
    private static final class DefaultVersion {
        static final String VALUE = defaultVersion(new EmbeddedBundle(FluxReleases.class.getClassLoader()));
    }

    /** This tool's own version, e.g. {@code 0.1.0}. */
    public static String toolVersion() {
        return BuildProperties.VALUES.get("version");
    }

    /** {@code 2.8.0} or {@code v2.8.0} gives {@code v2.8.0}; anything else is a usage error naming {@code --version}. */
    public static String normalizeVersion(String version) {
        String trimmed = version == null ? "" : version.trim();
        if (!VERSION.matcher(trimmed).matches()) {
            throw new UsageException("--version '" + version + "' is not a Flux release: give one such as "
                    + defaultVersion() + " (see " + RELEASES_PAGE + "), or latest");
        }
        return trimmed.startsWith("v") ? trimmed : "v" + trimmed;
    }

    /** Whether {@code version} looks like a release tag, {@code v} optional. */
    public static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version.trim()).matches();
    }

    /** Loaded once; immutable afterwards. */
    private static final class BuildProperties {
        static final BuildValues VALUES = load();

        private static BuildValues load() {
            Properties properties = new Properties();
            try (InputStream in = FluxReleases.class.getClassLoader().getResourceAsStream("fluxboot/build.properties")) {
                if (in == null) {
                    throw new IllegalStateException("fluxboot/build.properties is missing from the build");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BuildValues(properties);
        }
    }

    private static final class BuildValues {
        private final Properties properties;

        BuildValues(Properties properties) {
            this.properties = properties;
        }

        String get(String key) {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank() || value.contains("${")) {
                throw new IllegalStateException("fluxboot/build.properties has no filtered '" + key
                        + "': build with Maven (mvn package)");
            }
            return value.trim();
        }
    }
}
