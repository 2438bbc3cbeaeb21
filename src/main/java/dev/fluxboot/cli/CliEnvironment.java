package dev.fluxboot.cli;

import dev.fluxboot.api.BuildInfo;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch outside its flags: the output streams, the environment
 * variables, the reporter for progress on stderr and the terminal for questions. Built once
 * by {@link dev.fluxboot.Main}; tests build their own with captured streams. Ctrl-C cancels the
 * running operation through {@link #cancellation()}.
 */
public record CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env,
                             Reporter reporter, Prompter prompter, BuildInfo build, Cancellation cancellation) {

    public CliEnvironment {
        env = Map.copyOf(env);
    }

    /** Without a way to cancel (tests, embedding). */
    public CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env, Reporter reporter,
                          Prompter prompter, BuildInfo build) {
        this(out, err, env, reporter, prompter, build, Cancellation.none());
    }

    /** The engine, reporting here, answering questions at this terminal. */
    public Fluxboot fluxboot(GlobalOptions globals) {
        return Fluxboot.builder().environment(env).reporter(reporter).prompter(prompter).build(build)
                .verbose(globals.verbose()).build();
    }
}
