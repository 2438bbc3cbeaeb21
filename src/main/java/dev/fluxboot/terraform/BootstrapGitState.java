package dev.fluxboot.terraform;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code fluxboot_bootstrap_git} resource as Terraform's state holds it: its id (the
 * namespace, as flux_bootstrap_git's), its arguments and the repository files it manages
 * (path in the repository to content).
 */
public record BootstrapGitState(String id, BootstrapGitSettings settings, SortedMap<String, String> repositoryFiles) {

    public BootstrapGitState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        repositoryFiles = Collections.unmodifiableSortedMap(new TreeMap<>(repositoryFiles));
    }
}
