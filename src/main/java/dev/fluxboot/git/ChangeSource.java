package dev.fluxboot.git;

/**
 * Computes the changes to make on top of a commit. It is called once per attempt: after a push
 * is rejected because the branch moved, it is called again on the new tip, so a change that
 * depends on what is there (write kustomization.yaml only if absent) stays right.
 */
@FunctionalInterface
public interface ChangeSource {

    ChangeSet changesOn(TreeReader base);

    /** A change that does not depend on the base. */
    static ChangeSource of(ChangeSet changes) {
        return base -> changes;
    }
}
