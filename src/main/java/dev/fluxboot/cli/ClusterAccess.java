package dev.fluxboot.cli;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeClusters;

/** Opens the cluster the global flags name, with the CLI's environment (KUBECONFIG, HOME). */
final class ClusterAccess {

    private ClusterAccess() {
    }

    static Cluster connect(GlobalOptions globals, CliEnvironment environment) {
        return KubeClusters.connect(globals.kubeconfig(), globals.context(), environment.env());
    }
}
