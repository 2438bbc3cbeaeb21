package dev.fluxboot.bootstrap;

/**
 * One named piece of a workflow. It takes what it needs from the context, does one thing,
 * and leaves its result in the context for the steps after it. A failure is thrown.
 *
 * @param <C> the workflow's context
 */
public interface Step<C> {

    /** Short and lower case, e.g. {@code apply components}; shown with {@code --verbose} and in failures. */
    String name();

    void run(C context);
}
