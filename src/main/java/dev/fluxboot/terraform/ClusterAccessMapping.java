package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.api.ClusterAccess;

/** The provider's {@code kubernetes = {...}} as the API's {@link ClusterAccess}. */
final class ClusterAccessMapping {

    private ClusterAccessMapping() {
    }

    static ClusterAccess of(ProviderConfig.Kubernetes kubernetes) {
        ClusterAccess.Builder access = ClusterAccess.builder();
        if (kubernetes.host().isPresent() || kubernetes.token().isPresent() || kubernetes.exec().isPresent()
                || kubernetes.clientCertificate().isPresent() || kubernetes.clusterCaCertificate().isPresent()
                || kubernetes.configContextAuthInfo().isPresent() || kubernetes.configContextCluster().isPresent()
                || kubernetes.proxyUrl().isPresent() || kubernetes.username().isPresent() || kubernetes.insecure()) {
            throw new FluxbootException("this fluxboot build reaches clusters through a kubeconfig only: set "
                    + "kubernetes.config_path (and config_context) in the provider block");
        }
        kubernetes.configPath().or(() -> kubernetes.configPaths().stream().findFirst()).ifPresent(access::kubeconfig);
        kubernetes.configContext().ifPresent(access::context);
        return access.build();
    }
}
