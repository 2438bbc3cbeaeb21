package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import picocli.CommandLine.Command;

/** {@code fluxboot bootstrap}: the group of bootstrap commands; alone it prints its help. */
@Command(name = "bootstrap", description = {"Deploy Flux on a cluster the GitOps way.",
        "The bootstrap sub-commands push the Flux manifests to a Git repository and deploy Flux on the cluster."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {BootstrapGitCommand.class, BootstrapGitHubCommand.class, BootstrapGitLabCommand.class,
                BootstrapGiteaCommand.class, BootstrapBitbucketServerCommand.class})
public final class BootstrapCommand extends BaseCommand {

    /**
     * The arguments with the provider word moved before the bootstrap flags that precede it
     * ({@code bootstrap --version=v2.9.4 git}), as cobra's persistent flags allow.
     */
    public static String[] providerFirst(picocli.CommandLine root, String[] args) {
        return BootstrapArguments.providerFirst(root, args);
    }

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        spec().commandLine().usage(environment.out());
        return ExitCode.OK;
    }
}
