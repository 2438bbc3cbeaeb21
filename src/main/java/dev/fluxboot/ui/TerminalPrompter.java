package dev.fluxboot.ui;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

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

    /** Reads with echo off, as the Flux CLI's {@code term.ReadPassword}. */
    @Override
    public Optional<String> readSecret(String prompt) {
        char[] answer = console.readPassword("%s", prompt);
        if (answer == null) {
            return Optional.empty();
        }
        String secret = new String(answer).strip();
        java.util.Arrays.fill(answer, ' ');
        return Optional.of(secret);
    }
}
