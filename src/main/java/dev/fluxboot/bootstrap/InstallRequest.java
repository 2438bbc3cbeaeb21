package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.KubeConnection;
import dev.fluxboot.manifests.overlay.InstallOptions;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an install (or the install part of a bootstrap) was asked to do, checked already.
 *
 * @param options             the overlay options; their version is replaced by the resolved bundle's
 * @param manifests           {@code --manifests}: a bundle folder or tarball
 * @param version             {@code --version}; empty means the default release
 * @param registryCredentials {@code --registry-creds}, for the {@code --image-pull-secret} secret
 * @param force               {@code --force}: take over an installation another tool manages, without asking
 * @param connection          the cluster ({@code --kubeconfig}, {@code --context})
 */
public record InstallRequest(InstallOptions options, Optional<Path> manifests, Optional<String> version,
                             Optional<RegistryCredentials> registryCredentials, boolean force,
                             KubeConnection connection) {

    public InstallRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(manifests, "manifests");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(registryCredentials, "registryCredentials");
        Objects.requireNonNull(connection, "connection");
    }

    public String namespace() {
        return options.namespace();
    }
}
