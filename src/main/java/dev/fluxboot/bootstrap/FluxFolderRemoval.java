package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.LocalCommit;
import dev.fluxboot.git.PushResult;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.ui.Reporter;

import java.util.Optional;

/**
 * {@code uninstall --from-git}: removes the cluster's Flux folder ({@code <path>/<namespace>/},
 * what bootstrap wrote there and anything the user added) from the branch in one commit; the
 * rest of {@code <path>} is left alone. With {@code dryRun} the commit is made in the local copy
 * only and shown as a diff on stdout.
 */
public final class FluxFolderRemoval {

    private FluxFolderRemoval() {
    }

    /**
     * @param folder e.g. {@code clusters/prod/flux-system}
     * @return whether the branch had (dry run: has) files to remove
     */
    public static boolean remove(GitRemote remote, String branchName, String folder, CommitDetails details,
                                 boolean dryRun, Reporter reporter) {
        reporter.action("cloning branch \"" + branchName + "\" from Git repository \"" + remote.url() + "\"");
        try (RemoteBranch branch = RemoteBranch.fetch(remote, branchName, reporter)) {
            Optional<String> tip = branch.head();
            Optional<LocalCommit> commit = branch.commit(base -> {
                ChangeSet.Builder changes = ChangeSet.builder();
                base.listFiles(folder).forEach(changes::delete);
                return changes.build();
            }, details);
            if (commit.isEmpty()) {
                reporter.success("\"" + folder + "\" is not in branch \"" + branchName + "\": nothing to remove from Git");
                return false;
            }
            if (dryRun) {
                reporter.result(branch.diff(tip));
                reporter.success("would remove \"" + folder + "\" from \"" + branchName + "\" (dry run: not pushed)");
                return true;
            }
            reporter.action("pushing the removal of \"" + folder + "\" to \"" + remote.url() + "\"");
            PushResult pushed = branch.push(commit.get());
            reporter.success("removed \"" + folder + "\" from \"" + branchName + "\" (\"" + pushed.commit() + "\")");
            return true;
        }
    }
}
