package dev.fluxboot.bootstrap;

import java.util.ArrayList;
import java.util.List;

/** What an uninstall could not remove, one line each: every part is tried, and all failures are reported together. */
public final class UninstallReport {

    private final List<String> failures = new ArrayList<>();

    void fail(String failure) {
        failures.add(failure);
    }

    void failAll(List<String> more) {
        failures.addAll(more);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
