package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;

/**
 * A {@code kustomization.yaml} the user already has in {@code <path>/<namespace>/} is built once, with
 * the new components, before anything is committed, pushed or applied: a field that cannot be built,
 * or a patch that no longer applies, stops the run here, not after the components were pushed. A
 * {@code kustomization_override} is built the same way, in place of the folder's file.
 */
final class CheckUserKustomization implements Step {

    @Override
    public String name() {
        return "check kustomization";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, BRANCH, COMPONENTS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        FluxDirectory.of(run, request).checkBuild(run.get(BRANCH), request.target().fluxDirectory(request.namespace()),
                run.get(COMPONENTS).yaml(), request.kustomizationOverride());
    }
}
