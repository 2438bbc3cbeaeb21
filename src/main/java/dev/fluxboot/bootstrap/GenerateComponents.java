package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.overlay.InstallOptions;

/** Runs the install overlay over the bundle: gotk-components.yaml and its objects. */
final class GenerateComponents implements Step<InstallContext> {

    @Override
    public String name() {
        return "generate components";
    }

    @Override
    public void run(InstallContext context) {
        InstallOptions requested = context.request().options();
        InstallOptions options = new InstallOptions(context.bundle().version(), requested.namespace(),
                requested.components(), requested.componentsExtra(), requested.registry(), requested.imagePullSecret(),
                requested.watchAllNamespaces(), requested.networkPolicy(), requested.logLevel(),
                requested.clusterDomain(), requested.tolerationKeys());
        context.components(context.services().generator().generate(context.bundle(), options));
        if (!context.request().export()) {
            if (context.verbose()) {
                // The Flux CLI prints the generated objects on stdout with --verbose.
                context.reporter().result(context.components().yaml());
            }
            context.reporter().success("manifests build completed");
        }
    }
}
