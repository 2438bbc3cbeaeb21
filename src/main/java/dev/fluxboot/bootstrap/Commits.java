package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSource;
import dev.fluxboot.git.LocalCommit;
import dev.fluxboot.git.PushResult;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.ui.Reporter;

import java.util.Optional;

/** Commit, then push, reported as the Flux CLI reports it; no commit and no push when nothing changed. */
final class Commits {

    private Commits() {
    }

    /**
     * @param what e.g. {@code component manifests}
     * @return the pushed commit; empty when the branch already had these files
     */
    static Optional<PushResult> commitAndPush(BootstrapContext context, String what, String subject,
                                              ChangeSource changes) {
        RemoteBranch branch = context.branch();
        Reporter reporter = context.reporter();
        Optional<LocalCommit> commit = branch.commit(changes, context.request().commits().details(subject));
        if (commit.isEmpty()) {
            reporter.success(what + " are up to date");
            return Optional.empty();
        }
        if (context.dryRun()) {
            // a dry run commits in the private local copy only, for the diff; nothing is pushed
            context.pending().add(1);
            reporter.success("would commit " + what + " to \"" + branch.branch() + "\" (dry run: not pushed)");
            return Optional.empty();
        }
        reporter.success("committed " + what + " to \"" + branch.branch() + "\" (\"" + commit.get().id() + "\")");
        reporter.action("pushing " + what + " to \"" + branch.remote().url() + "\"");
        PushResult pushed = branch.push(commit.get());
        if (!pushed.pushed()) {
            reporter.success(what + " were pushed meanwhile by someone else: nothing left to push");
        } else if (!pushed.commit().equals(commit.get().id())) {
            reporter.success("pushed " + what + " as \"" + pushed.commit() + "\" on top of the new tip");
        }
        return Optional.of(pushed);
    }
}
