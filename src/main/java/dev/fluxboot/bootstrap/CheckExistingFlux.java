package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.FluxInstallation;

/**
 * Looks at the Flux already in the cluster before changing anything. A Flux that manages
 * itself from Git is upgraded by {@code bootstrap}, not here. A Flux installed by another
 * tool (Helm, say) is taken over only when the user says so: {@code --force}, or yes at the
 * terminal. A Flux installed by {@code install} is upgraded in place.
 */
final class CheckExistingFlux implements Step<InstallContext> {

    @Override
    public String name() {
        return "check existing flux";
    }

    @Override
    public void run(InstallContext context) {
        context.reporter().action("installing components in " + context.request().namespace() + " namespace");
        FluxInstallation existing = context.cluster().inspectFlux();
        if (!existing.installed()) {
            return;
        }
        String flux = existing.version().map(v -> "Flux " + v).orElse("Flux");
        if (existing.bootstrapKustomization().isPresent()) {
            throw new FluxbootException("this cluster has already been bootstrapped with " + flux
                    + "! Please use 'fluxboot bootstrap' to upgrade");
        }
        String manager = existing.managedBy().orElse("");
        if (manager.isEmpty() || manager.equals("flux")) {
            return;
        }
        if (context.request().force()) {
            context.reporter().warning("overriding the " + manager + " installation of " + flux + " (--force)");
            return;
        }
        context.reporter().info(flux + " has been installed on this cluster with " + manager + "!");
        if (!context.prompter().interactive()) {
            throw new FluxbootException(flux + " in this cluster is managed by " + manager
                    + " and there is no terminal to confirm the takeover: rerun with --force to override the "
                    + manager + " installation");
        }
        if (!context.prompter().confirm("Are you sure you want to override the " + manager + " installation?")) {
            throw new FluxbootException("installation cancelled");
        }
    }
}
