package dev.fluxboot.bootstrap;

import java.util.Set;

/**
 * One named piece of a workflow. It reads the products it {@link #needs()} from the run, does one
 * thing, and puts the products it {@link #makes()}. A failure is thrown.
 */
public interface Step {

    /** Short and lower case, e.g. {@code apply components}; shown with {@code --verbose} and in failures. */
    String name();

    /** What the step reads from the run; an earlier step (or the workflow's input) must make each. */
    Set<Product<?>> needs();

    /** What the step puts into the run. */
    default Set<Product<?>> makes() {
        return Set.of();
    }

    void run(Run run);
}
