package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.overlay.InstallOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code fluxboot install} was asked to do, checked for usage errors already.
 *
 * @param options             the overlay options; their version is replaced by the resolved bundle's
 * @param manifests           {@code --manifests}: a bundle folder or tarball
 * @param version             {@code --version}; empty means the default release
 * @param registryCredentials {@code --registry-creds}, for the {@code --image-pull-secret} secret
 * @param export              {@code --export}: print the YAML, touch no cluster
 * @param force               {@code --force}: take over an installation another tool manages, without asking
 * @param kubeconfig          {@code --kubeconfig}
 * @param context             {@code --context}
 * @param timeout             {@code --timeout}, for the whole run
 * @param verbose             {@code --verbose}
 */
public record InstallRequest(InstallOptions options, Optional<Path> manifests, Optional<String> version,
                             Optional<RegistryCredentials> registryCredentials, boolean export, boolean force,
                             Optional<Path> kubeconfig, Optional<String> context, Duration timeout, boolean verbose) {

    public String namespace() {
        return options.namespace();
    }
}
