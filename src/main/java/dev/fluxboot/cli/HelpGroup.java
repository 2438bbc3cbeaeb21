package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A command that only groups subcommands ({@code export}, {@code export source}): alone, it prints its help. */
abstract class HelpGroup implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        FluxbootCommand root = (FluxbootCommand) spec.root().userObject();
        spec.commandLine().usage(root.environment().out());
        return ExitCode.OK;
    }
}
