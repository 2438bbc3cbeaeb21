package dev.fluxboot.bootstrap;

import dev.fluxboot.git.RemoteBranch;

/** Fetches {@code --branch} shallow into a private bare copy; nothing is checked out. */
final class CloneRepository implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "clone";
    }

    @Override
    public void run(BootstrapContext context) {
        SourceCredentials credentials = context.credentials();
        String branch = context.request().target().branch();
        context.reporter().action("cloning branch \"" + branch + "\" from Git repository \""
                + credentials.remote().url() + "\"");
        RemoteBranch fetched = RemoteBranch.fetch(credentials.remote(), branch, context.reporter());
        context.branch(fetched);
        context.fetchedTip(fetched.head());
        context.reporter().success(fetched.head().isPresent() ? "cloned repository"
                : "cloned an empty repository: the bootstrap starts the history of branch \"" + branch + "\"");
    }
}
