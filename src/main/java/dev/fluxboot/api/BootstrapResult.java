package dev.fluxboot.api;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A finished bootstrap.
 *
 * @param version         the Flux release now in the repository and the cluster
 * @param revision        the revision Flux reconciled, {@code <branch>@sha1:<commit>}
 * @param repositoryFiles the files the bootstrap manages in the cluster's folder (gotk-components.yaml,
 *                        gotk-sync.yaml, kustomization.yaml), by path from the repository root, as pushed
 */
public record BootstrapResult(String version, String revision, SortedMap<String, String> repositoryFiles) {

    public BootstrapResult {
        repositoryFiles = Collections.unmodifiableSortedMap(new TreeMap<>(repositoryFiles));
    }

    public BootstrapResult(String version, String revision) {
        this(version, revision, new TreeMap<>());
    }
}
