package dev.fluxboot.cluster;

import java.time.Duration;

/** Opens a connection to the cluster a {@link KubeConnection} names; the workflows' one way to reach Kubernetes. */
@FunctionalInterface
public interface ClusterConnector {

    /**
     * @param timeout the longest any request of this connection may take, credential plugins included
     * @throws dev.fluxboot.FluxbootException when the kubeconfig cannot be found or read, or names no such context
     */
    Cluster connect(KubeConnection connection, Duration timeout);
}
