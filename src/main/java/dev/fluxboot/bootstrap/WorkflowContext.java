package dev.fluxboot.bootstrap;

import dev.fluxboot.ui.Reporter;

/** What a {@link Workflow} needs from any context: where to report, and how much. */
public interface WorkflowContext {

    Reporter reporter();

    /** {@code --verbose}: the workflow names each step as it starts. */
    boolean verbose();
}
