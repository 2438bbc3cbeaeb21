package dev.fluxboot.cli;

/**
 * What the build says about versions.
 *
 * @param toolVersion        fluxboot's own version, e.g. {@code 0.1.0}
 * @param defaultFluxVersion the Flux release installed when no {@code --version} is given
 */
public record BuildInfo(String toolVersion, String defaultFluxVersion) {
}
