package dev.fluxboot.api;

import java.util.List;

/**
 * A finished uninstall: every part was tried.
 *
 * @param failures what could not be removed, one line each; empty when everything went
 * @param plan     for a dry run, what the Git removal would change (the cluster part is reported as it is checked)
 */
public record UninstallResult(List<String> failures, Plan plan) {

    public UninstallResult {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
