package dev.fluxboot.api;

/**
 * A finished install.
 *
 * @param version the Flux release installed
 */
public record InstallResult(String version) {
}
