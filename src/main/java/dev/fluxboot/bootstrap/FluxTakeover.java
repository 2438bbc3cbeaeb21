package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

/**
 * A Flux that another tool installed (Helm, say: {@code app.kubernetes.io/managed-by} on the
 * CRDs) is taken over only when the user says so, as the Flux CLI asks: {@code --force}, or
 * yes at the terminal. Shared by install and bootstrap.
 */
final class FluxTakeover {

    private FluxTakeover() {
    }

    /** Returns when fluxboot may go on; throws when the user said no or could not be asked. */
    static void confirm(FluxInstallation existing, boolean force, Reporter reporter, Prompter prompter,
                        String command) {
        String manager = existing.managedBy().orElse("");
        if (!existing.installed() || manager.isEmpty() || manager.equals("flux")) {
            return;
        }
        String flux = existing.version().map(v -> "Flux " + v).orElse("Flux");
        if (force) {
            reporter.warning("overriding the " + manager + " installation of " + flux + " (--force)");
            return;
        }
        reporter.info(flux + " has been installed on this cluster with " + manager + "!");
        if (!prompter.interactive()) {
            throw new FluxbootException(flux + " in this cluster is managed by " + manager
                    + " and there is no terminal to confirm the takeover: rerun with --force to override the "
                    + manager + " installation");
        }
        if (!prompter.confirm("Are you sure you want to override the " + manager + " installation?")) {
            throw new FluxbootException(command + " cancelled");
        }
    }
}
