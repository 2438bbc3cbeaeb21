package dev.fluxboot.api;

/**
 * A finished bootstrap.
 *
 * @param version  the Flux release now in the repository and the cluster
 * @param revision the revision Flux reconciled, {@code <branch>@sha1:<commit>}
 */
public record BootstrapResult(String version, String revision) {
}
