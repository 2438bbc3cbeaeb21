package dev.fluxboot.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cluster says of a bootstrap in one namespace: whether Flux is installed (and which
 * release), the sync objects' settings where they exist, and what is wrong with them (one line
 * each: missing, not ready).
 *
 * @param sync the GitRepository's and Kustomization's settings; empty when either is missing
 */
public record SyncSurvey(boolean installed, Optional<String> version, Optional<Sync> sync, List<String> problems) {

    public SyncSurvey {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sync, "sync");
        problems = List.copyOf(problems);
    }

    /** The GitRepository and Kustomization named after the namespace, as bootstrap writes them. */
    public record Sync(String url, String branch, String path, Duration interval, String secretName,
                       boolean recurseSubmodules) {
    }
}
