package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.ui.Prompter;

import java.util.Map;

/**
 * The API token of a {@code bootstrap <forge>} command, found as the Flux CLI finds it: its
 * environment variable ({@code GITHUB_TOKEN}, ...), else asked for at the terminal without echo.
 * Without a terminal the run stops with a line naming the variable.
 */
final class ForgeToken {

    private ForgeToken() {
    }

    /**
     * @param variable e.g. {@code GITHUB_TOKEN}
     * @param label    the forge as people write it, e.g. {@code GitHub}
     */
    static String resolve(String variable, String label, Map<String, String> env, Prompter prompter) {
        String fromEnvironment = env.getOrDefault(variable, "").strip();
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (!prompter.interactive()) {
            throw new UsageException(variable + " is not set and there is no terminal to ask for the token, so set it: export "
                    + variable + "=<" + label + " personal access token>");
        }
        String entered = prompter.readSecret("Please enter your " + label + " personal access token (PAT): ")
                .map(String::strip).orElse("");
        if (entered.isEmpty()) {
            throw new UsageException("no " + label + " token was entered: enter one at the prompt, or export " + variable);
        }
        return entered;
    }
}
