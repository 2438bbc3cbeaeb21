package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fluxboot completion bash|fish|powershell|zsh}: the shell completion script, as the Flux CLI
 * offers it for the same four shells. picocli's bash script loads {@code bashcompinit} itself under
 * zsh, so both shells get the same script; fish and PowerShell get scripts made from the same
 * command tree ({@link CompletionTree}).
 */
@Command(name = "completion", description = {
        "Print the shell completion script for bash, fish, powershell or zsh.",
        "",
        "  # bash, current shell:        source <(fluxboot completion bash)",
        "  # zsh, current shell:         source <(fluxboot completion zsh)",
        "  # fish, current shell:        fluxboot completion fish | source",
        "  # powershell, current shell:  fluxboot completion powershell | Out-String | Invoke-Expression"})
public final class CompletionCommand extends BaseCommand {

    /** The shells the script works in. */
    public enum Shell { bash, fish, powershell, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, fish, powershell or zsh")
    private Shell shell;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        CommandLine root = spec().root().commandLine();
        String script = switch (shell) {
            case bash, zsh -> AutoComplete.bash("fluxboot", root);
            case fish -> FishCompletion.script("fluxboot", CompletionTree.of(root));
            case powershell -> PowerShellCompletion.script("fluxboot", CompletionTree.of(root));
        };
        environment.reporter().result(script);
        return ExitCode.OK;
    }
}
