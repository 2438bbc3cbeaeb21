package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import picocli.CommandLine.Command;

/** {@code fluxboot terraform}: the group of commands for fluxboot's Terraform provider; alone it prints its help. */
@Command(name = "terraform", description = "Install fluxboot's Terraform provider (fluxboot/fluxboot).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {TerraformInstallProviderCommand.class})
public final class TerraformCommand extends BaseCommand {

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        spec().commandLine().usage(environment.out());
        return ExitCode.OK;
    }
}
