package dev.fluxboot.terraform;

import java.util.Objects;

/** A bootstrapped cluster adopted by {@code terraform import}: the arguments read from the cluster, and the outcome. */
public record ImportedBootstrap(BootstrapGitSettings settings, BootstrapOutcome outcome) {

    public ImportedBootstrap {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(outcome, "outcome");
    }
}
