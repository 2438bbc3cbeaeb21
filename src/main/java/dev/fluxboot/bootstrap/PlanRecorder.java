package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ObjectPlan;

import java.util.ArrayList;
import java.util.List;

/** What a dry run found would change, collected by its steps in order. */
public final class PlanRecorder {

    private final List<PlannedChange> entries = new ArrayList<>();

    void add(PlannedChange.Area area, String text, int changes) {
        entries.add(new PlannedChange(area, text, changes));
    }

    /** The objects that would change, each configured one with its field differences. */
    void addObjects(List<ObjectPlan> plans) {
        for (ObjectPlan plan : plans) {
            if (!plan.changes()) {
                continue;
            }
            StringBuilder text = new StringBuilder(plan.describe()).append('\n');
            plan.differences().forEach(line -> text.append("    ").append(line).append('\n'));
            add(PlannedChange.Area.CLUSTER, text.toString(), 1);
        }
    }

    public List<PlannedChange> entries() {
        return List.copyOf(entries);
    }
}
