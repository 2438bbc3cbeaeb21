package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fluxboot version}: this tool's version and the Flux release it installs by default,
 * as {@code flux version --client} prints them ({@code flux: v2.x.y}). Both are facts about
 * the client, so {@code --client} and the plain command print the same.
 */
@Command(name = "version", description = "Print the fluxboot version and the default Flux version.")
public final class VersionCommand extends BaseCommand {

    @Option(names = "--client", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "print only client version")
    private boolean client;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "the format in which the information should be printed. can be 'json' or 'yaml'")
    private String output;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        BuildInfo build = environment.build();
        String text = switch (output) {
            case "yaml" -> "fluxboot: " + build.toolVersion() + "\nflux: " + build.defaultFluxVersion() + "\n";
            case "json" -> "{\n  \"fluxboot\": \"" + build.toolVersion() + "\",\n  \"flux\": \""
                    + build.defaultFluxVersion() + "\"\n}\n";
            default -> throw new UsageException("--output must be json or yaml, not " + output);
        };
        environment.reporter().result(text);
        return ExitCode.OK;
    }
}
