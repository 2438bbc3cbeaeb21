package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.KubernetesVersionRequirement;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** Step 0: the cluster is reachable, new enough, and its Flux (if any) may be taken over. */
final class CheckCluster implements Step {

    @Override
    public String name() {
        return "check cluster";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, CLUSTER);
    }

    @Override
    public void run(Run run) {
        Cluster cluster = run.get(CLUSTER);
        InstallRequest install = run.get(INSTALL);
        cluster.requireLiveNamespace(install.namespace());
        // check --pre: a Kubernetes older than the Flux release supports is a warning, not a stop.
        KubernetesVersionRequirement.warnIfUnsupported(cluster, install.version().orElse(install.options().version()),
                run.reporter());
        FluxInstallation existing = cluster.inspectFlux();
        if (run.dryRun()) {
            String manager = existing.managedBy().orElse("");
            if (existing.installed() && !manager.isEmpty() && !manager.equals("flux")) {
                run.reporter().warning("Flux in this cluster is managed by " + manager
                        + ": the bootstrap would take it over (--force, or a yes at the terminal)");
            }
            return;
        }
        FluxTakeover.confirm(existing, install.force(), run.reporter(), run.prompter(), "bootstrap");
    }
}
