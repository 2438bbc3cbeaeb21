package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.overlay.InstallOptions;

import java.util.Map;

/** {@code --registry-creds}: the {@code --image-pull-secret} the controllers pull their images with. */
final class ApplyImagePullSecret implements Step<InstallContext> {

    static final String TYPE = "kubernetes.io/dockerconfigjson";
    static final String KEY = ".dockerconfigjson";

    @Override
    public String name() {
        return "apply image pull secret";
    }

    @Override
    public void run(InstallContext context) {
        InstallRequest request = context.request();
        InstallOptions options = request.options();
        request.registryCredentials().ifPresent(credentials -> {
            context.reporter().action("generating image pull secret " + options.imagePullSecret());
            context.cluster().applySecret(options.namespace(), options.imagePullSecret(), TYPE,
                    Map.of(KEY, credentials.dockerConfigJson(options.registry())));
        });
    }
}
