package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.overlay.InstallOptions;

/**
 * Generates gotk-components.yaml for the requested version and options (the same overlay as
 * {@code install}), commits it as {@code Add Flux <version> component manifests} and pushes.
 */
final class CommitComponents implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "components";
    }

    @Override
    public void run(BootstrapContext context) {
        InstallRequest install = context.request().install();
        context.reporter().action("generating component manifests");
        Bundle bundle = context.services().install().bundles().locate(install.manifests(), install.version());
        context.bundle(bundle);
        InstallOptions requested = install.options();
        InstallOptions options = new InstallOptions(bundle.version(), requested.namespace(), requested.components(),
                requested.componentsExtra(), requested.registry(), requested.imagePullSecret(),
                requested.watchAllNamespaces(), requested.networkPolicy(), requested.logLevel(),
                requested.clusterDomain(), requested.tolerationKeys());
        context.components(context.services().install().generator().generate(bundle, options));
        context.reporter().success("generated component manifests");

        String file = context.request().target().componentsFile(context.namespace());
        String yaml = context.components().yaml();
        FluxDirectory.checkBuild(context, context.branch(), context.request().target().fluxDirectory(context.namespace()),
                yaml);
        Commits.commitAndPush(context, "component manifests", "Add Flux " + bundle.version() + " component manifests",
                base -> ChangeSet.builder().put(file, yaml).build());
    }
}
