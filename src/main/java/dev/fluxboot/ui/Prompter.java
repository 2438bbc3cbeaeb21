package dev.fluxboot.ui;

/**
 * Asks the person at the terminal a yes/no question. A run without a terminal (CI, a pipe)
 * cannot be asked, so callers check {@link #interactive()} and fail with a clear message
 * naming the flag that answers the question instead.
 */
public interface Prompter {

    /** Whether a person can answer: stdin and stdout are a terminal. */
    boolean interactive();

    /**
     * Shows {@code question} and waits for the answer; {@code y} or {@code yes} (any case)
     * is yes, anything else, or end of input, is no.
     */
    boolean confirm(String question);

    /**
     * Shows {@code prompt} and reads a secret (a token) without echoing it; empty when nobody can
     * answer (no terminal, end of input).
     */
    default java.util.Optional<String> readSecret(String prompt) {
        return java.util.Optional.empty();
    }

    /** For runs without a terminal: never interactive, never says yes. */
    static Prompter none() {
        return NoTerminal.INSTANCE;
    }

    /** The JVM's console when there is one, otherwise {@link #none()}. */
    static Prompter forConsole() {
        java.io.Console console = System.console();
        return console == null ? none() : new TerminalPrompter(console);
    }

    /** Answers nothing; kept as an enum so it holds no state. */
    enum NoTerminal implements Prompter {
        INSTANCE;

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }
    }
}
