package dev.fluxboot.bootstrap;

/** Finds the Flux release's manifests: {@code --manifests}, the cache, the embedded bundle or a download. */
final class ResolveManifests implements Step<InstallContext> {

    @Override
    public String name() {
        return "resolve manifests";
    }

    @Override
    public void run(InstallContext context) {
        InstallRequest request = context.request();
        if (!request.export()) {
            context.reporter().info("✚ generating manifests");
        }
        context.bundle(context.services().bundles().locate(request.manifests(), request.version()));
    }
}
