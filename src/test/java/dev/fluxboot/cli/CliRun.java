package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs fluxboot in-process the way {@link Main} does, with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(Map.of(), Prompter.none(), args);
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, Prompter.none(), args);
    }

    static CliRun run(Map<String, String> env, Prompter prompter, String... args) {
        return run(env, prompter, PipedInput.none(), args);
    }

    /** With {@code stdin} as standard input that is not a terminal (a pipe). */
    static CliRun run(Map<String, String> env, PipedInput stdin, String... args) {
        return run(env, Prompter.none(), stdin, args);
    }

    static CliRun run(Map<String, String> env, Prompter prompter, PipedInput stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(args, outStream, errStream, env, prompter, stdin, Cancellation.none());
        }
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stderr's lines, without the trailing empty one. */
    java.util.List<String> errLines() {
        return err.lines().toList();
    }
}
