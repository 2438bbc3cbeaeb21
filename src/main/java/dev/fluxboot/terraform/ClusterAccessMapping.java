package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.api.ClusterAccess;
import dev.fluxboot.api.Secret;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's {@code kubernetes = {...}} as the API's {@link ClusterAccess}: the kubeconfig
 * file(s) and context, and the explicit settings over them, as terraform-provider-flux reads them.
 */
final class ClusterAccessMapping {

    private ClusterAccessMapping() {
    }

    static ClusterAccess of(ProviderConfig.Kubernetes kubernetes) {
        if (kubernetes.username().isPresent() || kubernetes.password().isPresent()) {
            throw new FluxbootException("kubernetes.username and kubernetes.password (basic authentication) are not "
                    + "supported: use a token, a client certificate or an exec plugin");
        }
        ClusterAccess.Builder access = ClusterAccess.builder();
        List<Path> paths = new ArrayList<>();
        kubernetes.configPath().map(ClusterAccessMapping::home).ifPresent(paths::add);
        kubernetes.configPaths().stream().map(ClusterAccessMapping::home).forEach(paths::add);
        if (!paths.isEmpty()) {
            access.configPaths(paths);
        }
        kubernetes.configContext().ifPresent(access::context);
        kubernetes.configContextCluster().ifPresent(access::cluster);
        kubernetes.configContextAuthInfo().ifPresent(access::user);
        kubernetes.host().ifPresent(access::server);
        kubernetes.token().ifPresent(token -> access.token(Secret.of(token.reveal())));
        kubernetes.clusterCaCertificate().ifPresent(access::certificateAuthorityPem);
        kubernetes.clientCertificate().ifPresent(access::clientCertificatePem);
        kubernetes.clientKey().ifPresent(key -> access.clientKeyPem(Secret.of(key.reveal())));
        if (kubernetes.insecure()) {
            access.insecureSkipTlsVerify(true);
        }
        kubernetes.proxyUrl().ifPresent(access::proxyUrl);
        kubernetes.exec().ifPresent(exec -> access.exec(new ClusterAccess.Exec(exec.apiVersion(), exec.command(),
                exec.args(), exec.env())));
        return access.build();
    }

    /** {@code ~/.kube/config}, as Terraform users write it. */
    private static Path home(Path path) {
        String text = path.toString();
        return text.equals("~") || text.startsWith("~/")
                ? Path.of(System.getProperty("user.home") + text.substring(1)) : path;
    }
}
