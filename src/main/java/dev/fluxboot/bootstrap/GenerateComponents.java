package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.bundle.Bundle;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BUNDLE;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** gotk-components.yaml for the bundle's release and the install options (cached by all its inputs). */
final class GenerateComponents implements Step {

    private final Voice voice;

    GenerateComponents(Voice voice) {
        this.voice = voice;
    }

    @Override
    public String name() {
        return "generate components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, BUNDLE);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(COMPONENTS);
    }

    @Override
    public void run(Run run) {
        Bundle bundle = run.get(BUNDLE);
        var components = run.world().generator().generate(bundle,
                run.get(INSTALL).options().withVersion(bundle.version()));
        run.put(COMPONENTS, components);
        switch (voice) {
            case INSTALL -> {
                if (run.verbose()) {
                    // The Flux CLI prints the generated objects on stdout with --verbose.
                    run.reporter().result(components.yaml());
                }
                run.reporter().success("manifests build completed");
            }
            case BOOTSTRAP -> run.reporter().success("generated component manifests");
            case QUIET -> {
            }
        }
    }
}
