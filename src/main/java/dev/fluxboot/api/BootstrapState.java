package dev.fluxboot.api;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bootstrap as it stands, read without changing anything: the files it manages as the branch
 * holds them now, and what the cluster says.
 *
 * @param repositoryFiles gotk-components.yaml, gotk-sync.yaml and kustomization.yaml of the cluster's
 *                        folder, those the branch holds, by path from the repository root
 * @param installed       Flux's CRDs are in the cluster
 * @param version         the installed release, as its CRDs are labelled
 * @param problems        what is wrong with the sync objects (missing, not ready), one line each
 */
public record BootstrapState(SortedMap<String, String> repositoryFiles, boolean installed, Optional<String> version,
                             List<String> problems) {

    public BootstrapState {
        repositoryFiles = Collections.unmodifiableSortedMap(new TreeMap<>(repositoryFiles));
        Objects.requireNonNull(version, "version");
        problems = List.copyOf(problems);
    }

    /** Flux follows the repository: installed, both sync objects there and ready. */
    public boolean healthy() {
        return installed && problems.isEmpty();
    }
}
