package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.overlay.InstallOptions;

import java.util.Map;

/** {@code --registry-creds}: the {@code --image-pull-secret} Secret the controllers pull their images with. */
final class ReconcileImagePullSecret implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "image pull secret";
    }

    @Override
    public void run(BootstrapContext context) {
        InstallRequest install = context.request().install();
        InstallOptions options = install.options();
        install.registryCredentials().ifPresent(credentials -> {
            context.cluster().applySecret(options.namespace(), options.imagePullSecret(), ApplyImagePullSecret.TYPE,
                    Map.of(ApplyImagePullSecret.KEY, credentials.dockerConfigJson(options.registry())));
            context.reporter().success("reconciled image pull secret " + options.imagePullSecret());
        });
    }
}
