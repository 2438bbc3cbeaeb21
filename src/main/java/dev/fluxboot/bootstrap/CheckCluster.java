package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.KubernetesVersionRequirement;

/**
 * Looks at the cluster before Git or the cluster change: the Kubernetes version the Flux release
 * needs ({@code check --pre}, a warning), then, as {@code flux bootstrap} does, a Flux installed by another tool
 * (Helm, say) is taken over only with {@code --force} or a yes at the terminal.
 */
final class CheckCluster implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "check cluster";
    }

    @Override
    public void run(BootstrapContext context) {
        Cluster cluster = context.cluster();
        InstallRequest install = context.request().install();
        // check --pre: a Kubernetes older than the Flux release supports is a warning, not a stop.
        KubernetesVersionRequirement.warnIfUnsupported(cluster, install.version().orElse(install.options().version()),
                context.reporter());
        FluxInstallation existing = cluster.inspectFlux();
        if (context.dryRun()) {
            String manager = existing.managedBy().orElse("");
            if (existing.installed() && !manager.isEmpty() && !manager.equals("flux")) {
                context.reporter().warning("Flux in this cluster is managed by " + manager
                        + ": the bootstrap would take it over (--force, or a yes at the terminal)");
            }
            return;
        }
        FluxTakeover.confirm(existing, context.request().install().force(), context.reporter(), context.prompter(),
                "bootstrap");
    }
}
