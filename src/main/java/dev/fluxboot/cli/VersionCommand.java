package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.VersionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


/**
 * {@code fluxboot version}: this tool's version and the Flux release it installs by default,
 * as {@code flux version --client} prints them ({@code flux: v2.x.y}); without {@code --client}
 * also the Flux distribution and the controller images of the cluster ({@link ClusterVersions}).
 */
@Command(name = "version", description = "Print the fluxboot version, the default Flux version and the versions of the Flux components in the cluster.")
public final class VersionCommand extends BaseCommand {

    @Option(names = "--client", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "print only client version")
    private boolean client;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            completionCandidates = CompletionValues.OutputFormats.class,
            description = "print for scripts, as 'yaml' or 'json' (flux version's keys); without it, as text for people")
    private String output;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        if (output != null && !output.equals("yaml") && !output.equals("json")) {
            throw new UsageException("--output must be json or yaml, not " + output);
        }
        Fluxboot flux = environment.fluxboot(globals);
        VersionReport report = client ? flux.versions() : flux.versions(globals.cluster(), globals.namespace(), globals.timeout());
        environment.reporter().result(output == null ? report.text() : output.equals("json") ? report.json()
                : report.yaml());
        return ExitCode.OK;
    }
}
