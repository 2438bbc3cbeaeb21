package dev.fluxboot.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * What every subcommand shares: the root's global flags and environment, and an exit code
 * from {@link dev.fluxboot.ExitCode}. Failures are thrown as
 * {@link dev.fluxboot.FluxbootException}s and turned into one line and an exit code by
 * {@link ExecutionErrorHandler}.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        return execute(root().globals(), root().environment());
    }

    /** Runs the command; returns an {@link dev.fluxboot.ExitCode}. */
    protected abstract int execute(GlobalOptions globals, CliEnvironment environment);

    protected CommandSpec spec() {
        return spec;
    }

    private FluxbootCommand root() {
        return (FluxbootCommand) spec.root().userObject();
    }
}
