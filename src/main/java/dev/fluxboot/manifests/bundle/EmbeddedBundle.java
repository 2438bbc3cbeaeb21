package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bundle a build may carry inside the jar ({@code mvn package -Dfluxboot.embed=PATH_OR_URL}):
 * {@value #TARBALL} and, beside it, {@value #VERSION_FILE} naming its release. Builds without
 * one have neither resource.
 */
public final class EmbeddedBundle {

    public static final String TARBALL = "fluxboot/embedded/manifests.tar.gz";
    public static final String VERSION_FILE = "fluxboot/embedded/version";
    static final String ORIGIN = "the bundle embedded in fluxboot";

    private final ClassLoader resources;

    /** Reads the resources through {@code resources} (in production the tool's own class loader). */
    public EmbeddedBundle(ClassLoader resources) {
        this.resources = resources;
    }

    /** The release of the embedded bundle, when the build embedded one. */
    public Optional<String> version() {
        try (InputStream in = resources.getResourceAsStream(VERSION_FILE)) {
            if (in == null || resources.getResource(TARBALL) == null) {
                return Optional.empty();
            }
            String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!FluxReleases.isVersion(version)) {
                throw new FluxbootException(ORIGIN + " names no valid release ('" + version
                        + "'): rebuild with -Dfluxboot.embed.version=vX.Y.Z");
            }
            return Optional.of(FluxReleases.normalizeVersion(version));
        } catch (IOException e) {
            throw new FluxbootException("cannot read " + VERSION_FILE + " from the fluxboot jar: " + e.getMessage(), e);
        }
    }

    /** The embedded bundle, when there is one and it is for {@code version}. */
    public Optional<Bundle> load(String version) {
        if (!version().map(version::equals).orElse(false)) {
            return Optional.empty();
        }
        try (InputStream in = resources.getResourceAsStream(TARBALL)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Bundle(version, new TarballBundleReader().read(in, ORIGIN), "embedded"));
        } catch (IOException e) {
            throw new FluxbootException("cannot read " + TARBALL + " from the fluxboot jar: " + e.getMessage(), e);
        }
    }
}
