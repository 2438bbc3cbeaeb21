package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.SecretManifest;
import dev.fluxboot.manifests.overlay.InstallOptions;

import java.util.Map;
import java.util.Optional;

/** The {@code --image-pull-secret} Secret made from {@code --registry-creds}, as Flux writes it. */
final class ImagePullSecret {

    static final String TYPE = "kubernetes.io/dockerconfigjson";
    static final String KEY = ".dockerconfigjson";

    private ImagePullSecret() {
    }

    /** The Secret's data; empty without {@code --registry-creds}. */
    static Optional<Map<String, String>> data(InstallRequest request) {
        InstallOptions options = request.options();
        return request.registryCredentials().map(credentials -> Map.of(KEY, credentials.dockerConfigJson(options.registry())));
    }

    /** The Secret as an object, for a dry run's plan. */
    static Optional<Map<String, Object>> manifest(InstallRequest request) {
        InstallOptions options = request.options();
        return data(request).map(data -> SecretManifest.of(options.namespace(), options.imagePullSecret(), TYPE, data));
    }
}
