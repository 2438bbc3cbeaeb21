package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;

import java.util.Optional;

/**
 * The password (token) of {@code bootstrap git --token-auth} or {@code --with-bearer-token} that neither
 * {@code --password} nor {@code GIT_PASSWORD} gave, taken as the Flux CLI takes it: the first line of
 * standard input when it is piped, else typed at the terminal without echo. Over SSH the password is a
 * key's passphrase and never asked for.
 */
final class GitPasswords {

    static final String PROMPT = "Please enter your Git repository password: ";

    private GitPasswords() {
    }

    /**
     * The password, when one is needed and can be had; empty when there is neither piped input nor a
     * terminal (the engine then names the flags that give it).
     *
     * @param flag {@code --token-auth} or {@code --with-bearer-token}, for the line that reports an empty stdin
     */
    static Optional<String> read(String flag, Prompter prompter, PipedInput stdin) {
        if (stdin.piped()) {
            // As Flux: only the line end is dropped, a password may begin or end with a space.
            return Optional.of(stdin.readLine().filter(password -> !password.isBlank())
                    .orElseThrow(() -> new UsageException(flag + " needs the token and standard input (not a terminal) "
                            + "gave none: pipe it in on its first line, or pass --password or set "
                            + BootstrapGitCommand.GIT_PASSWORD_ENV)));
        }
        if (!prompter.interactive()) {
            return Optional.empty();
        }
        return prompter.readSecret(PROMPT).filter(password -> !password.isEmpty());
    }
}
