package dev.fluxboot.bootstrap;

/**
 * {@code --dry-run}: the commits made in the local copy only, as one unified diff against the
 * fetched tip (a new repository: the new files), on stdout.
 */
final class ShowGitChanges implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "show git changes";
    }

    @Override
    public void run(BootstrapContext context) {
        String diff = context.branch().diff(context.fetchedTip());
        if (diff.isEmpty()) {
            context.reporter().success("dry run: the repository is up to date");
            return;
        }
        context.reporter().result(diff);
    }
}
