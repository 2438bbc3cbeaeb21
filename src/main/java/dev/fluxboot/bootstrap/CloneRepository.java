package dev.fluxboot.bootstrap;

import dev.fluxboot.git.RemoteBranch;

import java.util.List;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;
import static dev.fluxboot.bootstrap.Products.FETCHED_TIP;

/** Step 2: the branch, fetched shallow into a private temporary copy (an empty repository starts a history). */
final class CloneRepository implements Step {

    @Override
    public String name() {
        return "clone";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, CREDENTIALS);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(BRANCH, FETCHED_TIP);
    }

    @Override
    public void run(Run run) {
        SourceCredentials credentials = run.get(CREDENTIALS);
        String branch = run.get(BOOTSTRAP).target().branch();
        run.reporter().action("cloning branch \"" + branch + "\" from Git repository \""
                + credentials.remote().url() + "\"");
        RemoteBranch fetched = run.world().git().fetch(credentials.remote(), branch, run.reporter());
        run.put(BRANCH, fetched);
        SyncTarget target = run.get(BOOTSTRAP).target();
        String namespace = run.get(BOOTSTRAP).namespace();
        // before the first commit: a link where the Flux folder or its files go is refused, not replaced
        fetched.requireRealPaths(List.of(target.componentsFile(namespace), target.syncFile(namespace),
                target.kustomizationFile(namespace)));
        run.put(FETCHED_TIP, fetched.head());
        run.reporter().success(fetched.head().isPresent() ? "cloned repository"
                : "cloned an empty repository: the bootstrap starts the history of branch \"" + branch + "\"");
    }
}
