package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.overlay.InstallOptions;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** The image pull secret of {@code --registry-creds}, applied (install and bootstrap say it their own way). */
final class ApplyImagePullSecret implements Step {

    private final Voice voice;

    ApplyImagePullSecret(Voice voice) {
        this.voice = voice;
    }

    @Override
    public String name() {
        return "image pull secret";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, CLUSTER);
    }

    @Override
    public void run(Run run) {
        InstallRequest request = run.get(INSTALL);
        InstallOptions options = request.options();
        ImagePullSecret.data(request).ifPresent(data -> {
            if (voice == Voice.INSTALL) {
                run.reporter().action("generating image pull secret " + options.imagePullSecret());
            }
            run.get(CLUSTER).applySecret(options.namespace(), options.imagePullSecret(), ImagePullSecret.TYPE, data);
            if (voice == Voice.BOOTSTRAP) {
                run.reporter().success("reconciled image pull secret " + options.imagePullSecret());
            }
        });
    }
}
