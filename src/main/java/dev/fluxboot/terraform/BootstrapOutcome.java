package dev.fluxboot.terraform;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backend operation leaves: the resource's id, the files it manages in the repository
 * (path to content: gotk-components.yaml, gotk-sync.yaml, kustomization.yaml of the cluster's
 * folder), and warnings for Terraform to show (one line each, no secrets).
 */
public record BootstrapOutcome(String id, SortedMap<String, String> repositoryFiles, List<String> warnings) {

    public BootstrapOutcome {
        Objects.requireNonNull(id, "id");
        repositoryFiles = Collections.unmodifiableSortedMap(new TreeMap<>(repositoryFiles));
        warnings = List.copyOf(warnings);
    }

    public static BootstrapOutcome of(String id, Map<String, String> repositoryFiles) {
        return new BootstrapOutcome(id, new TreeMap<>(repositoryFiles), List.of());
    }
}
