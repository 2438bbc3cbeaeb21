package dev.fluxboot.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A bootstrap found in a cluster (to adopt it, as {@code terraform import} does): what its
 * GitRepository and Kustomization say, and the release its CRDs are labelled with.
 *
 * @param path the cluster's folder in the repository, as {@code --path} ({@code ""}: the root)
 */
public record InstalledBootstrap(String namespace, String url, String branch, String path, Duration interval,
                                 String secretName, boolean recurseSubmodules, Optional<String> version) {

    public InstalledBootstrap {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(version, "version");
    }
}
