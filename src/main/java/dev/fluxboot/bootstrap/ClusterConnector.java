package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;

import java.nio.file.Path;
import java.util.Optional;

/** Opens the cluster a workflow talks to; {@code KubeClusters::connect} in the product. */
@FunctionalInterface
public interface ClusterConnector {

    /**
     * @param kubeconfig {@code --kubeconfig}; empty means KUBECONFIG or ~/.kube/config
     * @param context    {@code --context}; empty means the current context
     */
    Cluster connect(Optional<Path> kubeconfig, Optional<String> context);
}
