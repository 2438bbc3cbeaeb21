package dev.fluxboot.api;

import java.util.List;

/**
 * What {@code migrate} would move: in the cluster, each CRD with the objects it would rewrite; in
 * files, each object whose {@code apiVersion} would change, by file and line.
 *
 * @param lines   one line each, as {@code migrate --dry-run} prints them
 * @param skipped files that are not regular files (links, devices), left alone
 */
public record MigrationPlan(List<String> lines, List<String> skipped) {

    public MigrationPlan {
        lines = List.copyOf(lines);
        skipped = List.copyOf(skipped);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
