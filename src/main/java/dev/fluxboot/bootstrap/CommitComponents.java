package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.BUNDLE;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;

/** Step 3 and 4: {@code <path>/<namespace>/gotk-components.yaml} committed and pushed, when it changed. */
final class CommitComponents implements Step {

    @Override
    public String name() {
        return "commit components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, BRANCH, BUNDLE, COMPONENTS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        String file = request.target().componentsFile(request.namespace());
        String yaml = run.get(COMPONENTS).yaml();
        Commits.commitAndPush(run, "component manifests", "Add Flux " + run.get(BUNDLE).version()
                + " component manifests", base -> ChangeSet.builder().put(file, yaml).build());
    }
}
