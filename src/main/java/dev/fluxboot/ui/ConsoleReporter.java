package dev.fluxboot.ui;

import java.io.PrintStream;
import java.util.Map;

/**
 * Writes progress to stderr the way the Flux CLI does ({@code ► installing components}),
 * coloured unless {@code NO_COLOR} is set or colour is switched off.
 */
public final class ConsoleReporter implements Reporter {

    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;

    public ConsoleReporter(PrintStream out, PrintStream err, boolean color) {
        this.out = out;
        this.err = err;
        this.color = color;
    }

    /** Colour only when NO_COLOR is absent and stderr looks like a terminal. */
    public static ConsoleReporter forEnvironment(PrintStream out, PrintStream err, Map<String, String> env) {
        boolean noColor = env.containsKey("NO_COLOR") || System.console() == null;
        return new ConsoleReporter(out, err, !noColor);
    }

    @Override
    public void action(String message) {
        line("►", "\u001b[32m", message);
    }

    @Override
    public void success(String message) {
        line("✔", "\u001b[32m", message);
    }

    @Override
    public void waiting(String message) {
        line("◎", "\u001b[32m", message);
    }

    @Override
    public void warning(String message) {
        line("⚠️", "\u001b[33m", message);
    }

    @Override
    public void failure(String message) {
        line("✗", "\u001b[31m", message);
    }

    @Override
    public void info(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public void result(String text) {
        out.print(text);
        out.flush();
    }

    private void line(String marker, String ansi, String message) {
        if (color) {
            err.println(ansi + marker + RESET + " " + message);
        } else {
            err.println(marker + " " + message);
        }
        err.flush();
    }
}
