package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BUNDLE;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** The release bundle: {@code --manifests}, the embedded one, the cache, or a download. */
final class ResolveManifests implements Step {

    private final Voice voice;

    ResolveManifests(Voice voice) {
        this.voice = voice;
    }

    @Override
    public String name() {
        return "resolve manifests";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(BUNDLE);
    }

    @Override
    public void run(Run run) {
        switch (voice) {
            case INSTALL -> run.reporter().info("✚ generating manifests");
            case BOOTSTRAP -> run.reporter().action("generating component manifests");
            case QUIET -> {
            }
        }
        InstallRequest request = run.get(INSTALL);
        run.put(BUNDLE, run.world().bundles().locate(request.manifests(), request.version()));
    }
}
