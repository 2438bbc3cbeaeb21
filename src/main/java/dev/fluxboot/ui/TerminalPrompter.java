package dev.fluxboot.ui;

import java.io.Console;
import java.util.Locale;

/** Asks on the process's terminal, the way promptui's confirm prompt does in the Flux CLI. */
public final class TerminalPrompter implements Prompter {

    private final Console console;

    public TerminalPrompter(Console console) {
        this.console = console;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public boolean confirm(String question) {
        String answer = console.readLine("? %s [y/N]: ", question);
        if (answer == null) {
            return false;
        }
        String normalized = answer.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }
}
