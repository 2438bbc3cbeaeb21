package dev.fluxboot.bootstrap;

import java.time.Duration;

/**
 * What gotk-sync.yaml says: a GitRepository and a Kustomization, both named after the namespace.
 *
 * @param url        the URL the cluster fetches (no credentials in it)
 * @param path       the repository path, cleaned ({@code ""} for the root)
 */
public record SyncSpec(String name, String namespace, String url, String branch, Duration interval, String secretName,
                       String path, boolean recurseSubmodules) {
}
