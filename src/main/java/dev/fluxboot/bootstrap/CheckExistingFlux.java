package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.KubernetesVersionRequirement;

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
        // check --pre: a Kubernetes older than the Flux release supports is a warning, not a stop.
        KubernetesVersionRequirement.warnIfUnsupported(context.cluster(), context.bundle().version(), context.reporter());
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
        FluxTakeover.confirm(existing, context.request().force(), context.reporter(), context.prompter(), "installation");
    }
}
