package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.FETCHED_TIP;

/** Dry run: the commits made in the local copy, as one unified diff against the fetched tip. */
final class ShowGitChanges implements Step {

    @Override
    public String name() {
        return "show git changes";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BRANCH, FETCHED_TIP);
    }

    @Override
    public void run(Run run) {
        String diff = run.get(BRANCH).diff(run.get(FETCHED_TIP));
        if (diff.isEmpty()) {
            run.reporter().success("dry run: the repository is up to date");
            return;
        }
        run.plan().add(PlannedChange.Area.GIT, diff, 0);
    }
}
