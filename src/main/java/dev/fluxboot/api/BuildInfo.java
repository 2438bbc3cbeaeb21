package dev.fluxboot.api;

import dev.fluxboot.manifests.bundle.FluxReleases;

import java.util.Objects;

/**
 * What the build says about versions: fluxboot's own version (e.g. {@code 0.1.0}) and the
 * Flux release installed when no {@code --version} is given.
 *
 * <p>{@link #ofThisBuild()} reads them only when asked: they live in a resource of the jar,
 * and opening the jar (tens of thousands of entries) is a good part of a command's start-up
 * that most runs, e.g. {@code install --export --version ...}, need not pay.
 */
public final class BuildInfo {

    /** Null: this build's, read from {@link FluxReleases} when asked. */
    private final String toolVersion;
    private final String defaultFluxVersion;

    public BuildInfo(String toolVersion, String defaultFluxVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.defaultFluxVersion = Objects.requireNonNull(defaultFluxVersion, "defaultFluxVersion");
    }

    private BuildInfo() {
        this.toolVersion = null;
        this.defaultFluxVersion = null;
    }

    /** The versions of the running build, read on first use (see {@link FluxReleases}). */
    public static BuildInfo ofThisBuild() {
        return new BuildInfo();
    }

    /** fluxboot's own version, e.g. {@code 0.1.0}. */
    public String toolVersion() {
        return toolVersion != null ? toolVersion : FluxReleases.toolVersion();
    }

    /** The Flux release installed when no {@code --version} is given, e.g. {@code v2.9.4}. */
    public String defaultFluxVersion() {
        return defaultFluxVersion != null ? defaultFluxVersion : FluxReleases.defaultVersion();
    }
}
