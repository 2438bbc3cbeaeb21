package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ObjectPlan;
import dev.fluxboot.ui.Reporter;

import java.util.List;

/**
 * What a dry run found would change, as the steps of a dry run report it: the plan goes to
 * stdout (the command's output, for CI logs), and the count decides {@code --exit-code}.
 */
public final class PendingChanges {

    private int count;

    /** Counts one change that would be made elsewhere (a commit, a repository, a deploy key). */
    void add(int changes) {
        count += changes;
    }

    public boolean any() {
        return count > 0;
    }

    /** Writes the objects that would change, each configured one with its field differences. */
    void reportObjects(List<ObjectPlan> plans, Reporter reporter) {
        StringBuilder out = new StringBuilder();
        for (ObjectPlan plan : plans) {
            if (!plan.changes()) {
                continue;
            }
            count++;
            out.append(plan.describe()).append('\n');
            plan.differences().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        if (!out.isEmpty()) {
            reporter.result(out.toString());
        }
    }
}
