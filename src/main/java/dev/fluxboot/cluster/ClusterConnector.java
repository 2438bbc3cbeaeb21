package dev.fluxboot.cluster;

/** Opens a connection to the cluster a {@link KubeConnection} names; the workflows' one way to reach Kubernetes. */
@FunctionalInterface
public interface ClusterConnector {

    /**
     * @throws dev.fluxboot.FluxbootException when the kubeconfig cannot be found or read, or names no such context
     */
    Cluster connect(KubeConnection connection);
}
