package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fluxboot completion bash|zsh}: the shell completion script. picocli's bash script
 * loads {@code bashcompinit} itself under zsh, so both shells get the same script.
 */
@Command(name = "completion", description = {
        "Print the shell completion script for bash or zsh.",
        "",
        "  # bash, current shell:  source <(fluxboot completion bash)",
        "  # zsh, current shell:   source <(fluxboot completion zsh)"})
public final class CompletionCommand extends BaseCommand {

    /** The shells the script works in. */
    public enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    private Shell shell;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        String script = AutoComplete.bash("fluxboot", spec().root().commandLine());
        environment.reporter().result(script);
        return ExitCode.OK;
    }
}
