package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.manifests.migrate.RepositoryApiCheck;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.BUNDLE;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;

/**
 * Step 3 and 4: {@code <path>/<namespace>/gotk-components.yaml} committed as {@code Add Flux <version>
 * component manifests} and pushed, when it changed. It warns about the repository's files that use API
 * versions the release no longer serves first.
 */
final class CommitComponents implements Step {

    private final boolean checkDefinitions;

    /** Before a push: the cluster's API server must accept the release's CRDs. */
    CommitComponents() {
        this(true);
    }

    /**
     * @param checkDefinitions whether the cluster is asked first if it accepts the release's CRDs (a
     *                         server-side dry run, about a second); a plan of files that pushes nothing skips it
     */
    CommitComponents(boolean checkDefinitions) {
        this.checkDefinitions = checkDefinitions;
    }

    @Override
    public String name() {
        return "commit components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, BRANCH, BUNDLE, COMPONENTS, CLUSTER);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        String directory = request.target().fluxDirectory(request.namespace());
        RepositoryApiCheck.warn(run.get(BRANCH), directory, run.get(BUNDLE), run.reporter());
        String file = request.target().componentsFile(request.namespace());
        String yaml = run.get(COMPONENTS).yaml();
        // before the push: a cluster too old for the release's CRDs must not get a half-done bootstrap.
        // Components already in Git and applied by Flux were accepted: a no-op re-run skips the dry run.
        if (checkDefinitions && !(run.get(BRANCH).readString(file).filter(yaml::equals).isPresent()
                && AppliedByFlux.atHead(run))) {
            run.get(CLUSTER).requireAcceptedDefinitions(run.get(COMPONENTS).objects());
        }
        Commits.commitAndPush(run, "component manifests", "Add Flux " + run.get(BUNDLE).version()
                + " component manifests", base -> ChangeSet.builder().put(file, yaml).build());
    }
}
