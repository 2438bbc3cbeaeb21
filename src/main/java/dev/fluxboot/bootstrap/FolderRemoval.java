package dev.fluxboot.bootstrap;

import dev.fluxboot.git.ChangeSet;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.LocalCommit;
import dev.fluxboot.git.PushResult;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.ui.Reporter;

import java.util.Optional;

/** {@code uninstall --from-git}: the cluster's folder removed from the branch in one commit; nothing else touched. */
final class FolderRemoval {

    private FolderRemoval() {
    }

    /** @return whether the branch had (dry run: has) files to remove */
    static boolean remove(Run run, GitRemote remote, UninstallRequest.FromGit fromGit) {
        Reporter reporter = run.reporter();
        String folder = fromGit.folder();
        String branchName = fromGit.branch();
        reporter.action("cloning branch \"" + branchName + "\" from Git repository \"" + remote.url() + "\"");
        try (RemoteBranch branch = run.world().git().fetch(remote, branchName, reporter)) {
            Optional<String> tip = branch.head();
            Optional<LocalCommit> commit = branch.commit(base -> {
                ChangeSet.Builder changes = ChangeSet.builder();
                base.listFiles(folder).forEach(changes::delete);
                return changes.build();
            }, fromGit.commit());
            if (commit.isEmpty()) {
                reporter.success("\"" + folder + "\" is not in branch \"" + branchName + "\": nothing to remove from Git");
                return false;
            }
            if (run.dryRun()) {
                run.plan().add(PlannedChange.Area.GIT, branch.diff(tip), 1);
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
