package dev.fluxboot.bootstrap;

import dev.fluxboot.git.RemoteBranch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revision this run pushed, {@code <branch>@sha1:<commit>}, as the waits judge what Flux reports:
 * that revision, or a later one of the same branch that has it in its history (other clusters
 * bootstrapped into the same branch at the same time push on top; Flux then reconciles their commit,
 * which carries this run's too).
 */
final class PushedRevision {

    private final String branchName;
    private final String commit;
    private final RemoteBranch branch;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    PushedRevision(RemoteBranch branch, String commit) {
        this.branch = branch;
        this.branchName = branch.branch();
        this.commit = commit;
    }

    /** {@code <branch>@sha1:<commit>}. */
    String text() {
        return branchName + "@sha1:" + commit;
    }

    /** Whether Flux at {@code observed} (normalized) has what this run pushed. */
    boolean reachedBy(String observed) {
        if (observed.equals(text())) {
            return true;
        }
        String prefix = branchName + "@sha1:";
        if (!observed.startsWith(prefix)) {
            return false;
        }
        String later = observed.substring(prefix.length());
        return answers.computeIfAbsent(later, candidate -> branch.contains(candidate, commit));
    }
}
