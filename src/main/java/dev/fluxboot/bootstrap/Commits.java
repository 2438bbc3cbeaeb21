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
     * Commits on the run's branch (the calling step needs {@link Products#BRANCH} and {@link Products#BOOTSTRAP}).
     *
     * @param what e.g. {@code component manifests}
     * @return the pushed commit; empty when the branch already had these files, or in a dry run
     */
    static Optional<PushResult> commitAndPush(Run run, String what, String subject, ChangeSource changes) {
        RemoteBranch branch = run.get(Products.BRANCH);
        Reporter reporter = run.reporter();
        Optional<LocalCommit> commit = branch.commit(changes, run.get(Products.BOOTSTRAP).commits().details(subject));
        if (commit.isEmpty()) {
            reporter.success(what + " are up to date");
            return Optional.empty();
        }
        if (run.dryRun()) {
            // a dry run commits in the private local copy only, for the diff; nothing is pushed
            run.plan().add(PlannedChange.Area.GIT, "", 1);
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
