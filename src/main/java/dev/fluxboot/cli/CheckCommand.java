package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.api.CheckSpec;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;


/** {@code fluxboot check [--pre]}: the checks of {@code flux check}, exit 1 when one fails. */
@Command(name = "check", description = {
        "Check requirements and installation.",
        "The check command will perform a series of checks to validate that the local environment is configured "
                + "correctly and if the installed components are healthy."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Run pre-installation checks",
                "  fluxboot check --pre",
                "",
                "  # Run installation checks",
                "  fluxboot check"})
public final class CheckCommand extends BaseCommand {

    @Option(names = "--pre", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "only run pre-installation checks")
    private boolean pre;

    @Option(names = {"-v", "--version"}, paramLabel = "VERSION",
            description = "Flux release whose Kubernetes requirement is checked, e.g. v2.8.0 (default: the version "
                    + "installed in the cluster; with --pre, the version install uses)")
    private String version;

    // Flux's check takes these three and checks every controller labelled part-of=flux in the namespace:
    // accepted here for scripts written for it, with the same effect.
    @Option(names = "--components", paramLabel = "LIST", split = ",",
            completionCandidates = CompletionValues.AllComponents.class,
            description = "list of components, accepts comma-separated values (as Flux: the controllers checked are "
                    + "those labelled app.kubernetes.io/part-of=flux in the namespace)")
    private List<String> components;

    @Option(names = "--components-extra", paramLabel = "LIST", split = ",",
            completionCandidates = CompletionValues.ExtraComponents.class,
            description = "list of components in addition to those supplied or defaulted (as --components)")
    private List<String> componentsExtra;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = GoDurationConverter.class,
            description = "accepted as Flux's check takes it (a Go duration); fluxboot reads the controllers' "
                    + "status every second")
    private Duration pollInterval;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        boolean passed = environment.fluxboot(globals).check(CheckSpec.builder()
                .cluster(globals.cluster())
                .namespace(globals.namespace())
                .timeout(globals.timeout())
                .pre(pre)
                .version(version)
                .build());
        Reporter reporter = environment.reporter();
        if (pre) {
            if (!passed) {
                return ExitCode.FAILURE;
            }
            reporter.success("prerequisites checks passed");
            return ExitCode.OK;
        }
        if (!passed) {
            reporter.failure("check failed");
            return ExitCode.FAILURE;
        }
        reporter.success("all checks passed");
        return ExitCode.OK;
    }
}
