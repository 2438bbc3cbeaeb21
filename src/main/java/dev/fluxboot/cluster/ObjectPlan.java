package dev.fluxboot.cluster;

import java.util.List;

/**
 * What applying one object would do ({@link Cluster#plan}), and for a configured one which
 * fields would change: {@code path: old -> new} for scalars, {@code path: added/removed/changed}
 * otherwise. A Secret's values never appear, only its keys.
 */
public record ObjectPlan(ObjectChange change, List<String> differences) {

    public ObjectPlan {
        differences = List.copyOf(differences);
    }

    /** Whether the apply would write this object. */
    public boolean changes() {
        return change.action() != ObjectChange.Action.UNCHANGED;
    }

    /** {@code Kind/ns/name would be created}, {@code ... would be configured}, or {@code ... unchanged}. */
    public String describe() {
        return switch (change.action()) {
            case CREATED -> change.subject() + " would be created";
            case CONFIGURED -> change.subject() + " would be configured";
            case UNCHANGED -> change.subject() + " unchanged";
        };
    }
}
