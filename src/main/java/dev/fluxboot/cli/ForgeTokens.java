package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.ui.Prompter;

import java.util.Map;

/**
 * A forge's API token as the Flux CLI takes it: from the forge's variable ({@code GITHUB_TOKEN}, ...),
 * else typed at the terminal without echo.
 */
final class ForgeTokens {

    private ForgeTokens() {
    }

    static String resolve(ForgeType forge, Map<String, String> env, Prompter prompter) {
        String variable = forge.tokenVariable();
        String fromEnvironment = env.getOrDefault(variable, "").strip();
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (!prompter.interactive()) {
            throw new UsageException(variable + " is not set and there is no terminal to ask for the token, so set it: export "
                    + variable + "=<" + forge.label() + " personal access token>");
        }
        String entered = prompter.readSecret("Please enter your " + forge.label() + " personal access token (PAT): ")
                .map(String::strip).orElse("");
        if (entered.isEmpty()) {
            throw new UsageException("no " + forge.label() + " token was entered: enter one at the prompt, or export "
                    + variable);
        }
        return entered;
    }
}
