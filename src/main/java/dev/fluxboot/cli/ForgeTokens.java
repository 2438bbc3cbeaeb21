package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;

import java.util.Map;

/**
 * A forge's API token as the Flux CLI takes it: from the forge's variable ({@code GITHUB_TOKEN}, ...),
 * else from the first line of standard input when it is piped, else typed at the terminal without echo.
 * Standard input is read only here, when the variable is not set.
 */
final class ForgeTokens {

    private ForgeTokens() {
    }

    static String resolve(ForgeType forge, CliEnvironment environment) {
        return resolve(forge, environment.env(), environment.prompter(), environment.stdin());
    }

    static String resolve(ForgeType forge, Map<String, String> env, Prompter prompter, PipedInput stdin) {
        String variable = forge.tokenVariable();
        String fromEnvironment = env.getOrDefault(variable, "").strip();
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (stdin.piped()) {
            // a token never holds spaces: a stray one from `echo "$TOKEN "` is not part of it
            return stdin.readLine().map(String::strip).filter(token -> !token.isEmpty())
                    .orElseThrow(() -> new UsageException(variable + " is not set and standard input (not a terminal) "
                            + "gave no token: pipe the " + forge.label() + " token in on its first line, or export "
                            + variable + "=<" + forge.label() + " personal access token>"));
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
