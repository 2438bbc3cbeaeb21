package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxClusterInfo;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;

/** Flux's question before an uninstall (not asked with {@code --silent} or in a dry run). */
final class ConfirmUninstall implements Step {

    @Override
    public String name() {
        return "confirm uninstall";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(UNINSTALL, CLUSTER);
    }

    @Override
    public void run(Run run) {
        if (run.dryRun() || run.get(UNINSTALL).silent()) {
            return;
        }
        if (!run.prompter().confirm(question(run.get(CLUSTER)))) {
            throw new FluxbootException("uninstall cancelled");
        }
    }

    /** A Flux another tool manages (Helm) is named, as the Flux CLI does. */
    private static String question(Cluster cluster) {
        String manager = FluxClusterInfo.read(cluster).flatMap(FluxClusterInfo::managedBy).orElse("");
        if (manager.isEmpty() || manager.equals("flux")) {
            return "Are you sure you want to delete Flux and its custom resource definitions";
        }
        return "Flux is managed by " + manager + "! Are you sure you want to delete Flux and its CRDs using fluxboot";
    }
}
