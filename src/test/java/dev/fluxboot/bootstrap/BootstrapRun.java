package dev.fluxboot.bootstrap;

import dev.fluxboot.Main;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** fluxboot run in-process as {@link Main} runs it, with stdout and stderr captured. */
record BootstrapRun(int exitCode, String out, String err) {

    static BootstrapRun run(Map<String, String> env, Prompter prompter, List<String> args) {
        return run(env, prompter, args, new ByteArrayOutputStream());
    }

    /** With {@code err} given, a prompter can read what was printed before it is asked. */
    static BootstrapRun run(Map<String, String> env, Prompter prompter, List<String> args, ByteArrayOutputStream err) {
        return run(env, prompter, PipedInput.none(), args, err);
    }

    /** With {@code stdin} as a standard input that is not a terminal. */
    static BootstrapRun run(Map<String, String> env, Prompter prompter, PipedInput stdin, List<String> args,
                            ByteArrayOutputStream err) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(args.toArray(String[]::new), outStream, errStream, env, prompter, stdin,
                    Cancellation.none());
        }
        return new BootstrapRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The last line of stderr: the failure line when the run failed. */
    String lastErrLine() {
        List<String> lines = err.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
