package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxChecks;
import dev.fluxboot.cluster.FluxClusterInfo;
import dev.fluxboot.cluster.KubernetesVersionRequirement;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

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

    @Option(names = "--version", paramLabel = "VERSION",
            description = "Flux release whose Kubernetes requirement is checked, e.g. v2.8.0 (default: the version "
                    + "installed in the cluster; with --pre, the version install uses)")
    private String version;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        Optional<String> requested = Optional.ofNullable(version).map(String::trim).filter(v -> !v.isEmpty());
        if (requested.isPresent() && KubernetesVersionRequirement.forFlux(requested.get()).isEmpty()) {
            throw new UsageException("--version \"" + requested.get() + "\" is not a Flux 2 release: use e.g. --version="
                    + environment.build().defaultFluxVersion());
        }
        Reporter reporter = environment.reporter();
        try (Cluster cluster = ClusterAccess.connect(globals, environment)) {
            FluxChecks checks = new FluxChecks(cluster, reporter);
            String fluxVersion = requested.orElseGet(() -> pre ? environment.build().defaultFluxVersion()
                    : installedVersion(cluster).orElse(environment.build().defaultFluxVersion()));
            boolean passed = checks.prerequisites(fluxVersion);
            if (pre) {
                if (!passed) {
                    return ExitCode.FAILURE;
                }
                reporter.success("prerequisites checks passed");
                return ExitCode.OK;
            }
            passed &= checks.installation(globals.namespace(), globals.timeout());
            if (!passed) {
                reporter.failure("check failed");
                return ExitCode.FAILURE;
            }
            reporter.success("all checks passed");
            return ExitCode.OK;
        }
    }

    /** The installed Flux is checked against its own requirement; an unreachable cluster is reported by the checks. */
    private static Optional<String> installedVersion(Cluster cluster) {
        try {
            return FluxClusterInfo.read(cluster).flatMap(FluxClusterInfo::version)
                    .filter(v -> KubernetesVersionRequirement.forFlux(v).isPresent());
        } catch (FluxbootException e) {
            return Optional.empty();
        }
    }
}
