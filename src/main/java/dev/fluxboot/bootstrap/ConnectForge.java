package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.FORGE_REQUEST;
import static dev.fluxboot.bootstrap.Products.FORGE;

/** Makes the forge's API client (no request yet); the run closes it. */
final class ConnectForge implements Step {

    @Override
    public String name() {
        return "connect to forge";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(FORGE_REQUEST);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(FORGE);
    }

    @Override
    public void run(Run run) {
        ForgeRequest forge = run.get(FORGE_REQUEST);
        run.put(FORGE, run.world().forges().connect(forge.forge(), forge.connection(), forge.username()));
    }
}
