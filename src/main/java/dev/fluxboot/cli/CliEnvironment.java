package dev.fluxboot.cli;

import dev.fluxboot.api.BuildInfo;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch outside its flags: the output streams, the environment
 * variables, the reporter for progress on stderr, the terminal for questions and standard input
 * when it is piped (a token or password the flags and variables did not give). Built once
 * by {@link dev.fluxboot.Main}; tests build their own with captured streams. Ctrl-C cancels the
 * running operation through {@link #cancellation()}.
 */
public record CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env,
                             Reporter reporter, Prompter prompter, PipedInput stdin, BuildInfo build,
                             Cancellation cancellation) {

    public CliEnvironment {
        env = Map.copyOf(env);
        java.util.Objects.requireNonNull(stdin, "stdin");
    }

    /** Without a way to cancel and without piped input (tests, embedding). */
    public CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env, Reporter reporter,
                          Prompter prompter, BuildInfo build) {
        this(out, err, env, reporter, prompter, PipedInput.none(), build, Cancellation.none());
    }

    /** The engine, reporting here, answering questions at this terminal. */
    public Fluxboot fluxboot(GlobalOptions globals) {
        return Fluxboot.builder().environment(env).reporter(reporter).prompter(prompter).build(build)
                .verbose(globals.verbose()).build();
    }
}
