package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.UninstallResult;
import dev.fluxboot.api.UninstallSpec;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code fluxboot uninstall}: removes Flux as {@code flux uninstall} does, after a confirmation. */
@Command(name = "uninstall", description = {
        "Uninstall Flux and its custom resource definitions.",
        "The uninstall command removes the Flux components and the toolkit.fluxcd.io resources from the cluster."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Uninstall Flux components, its custom resources and namespace",
                "  fluxboot uninstall --namespace=flux-system",
                "",
                "  # Uninstall Flux but keep the namespace",
                "  fluxboot uninstall --namespace=infra --keep-namespace=true"})
public final class UninstallCommand extends BaseCommand implements SecretHolder {

    @Option(names = "--keep-namespace", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "skip namespace deletion")
    private boolean keepNamespace;

    @Option(names = "--dry-run", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "only print the objects that would be deleted (server-side dry run: nothing changes)")
    private boolean dryRun;

    @Option(names = {"-s", "--silent"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "delete components without asking for confirmation")
    private boolean silent;

    @Mixin
    private UninstallFromGitFlags fromGit;

    @Override
    public List<String> secrets() {
        return fromGit.secrets();
    }

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        Fluxboot flux = environment.fluxboot(globals);
        UninstallSpec.Builder spec = UninstallSpec.builder()
                .cluster(globals.cluster())
                .namespace(globals.namespace())
                .timeout(globals.timeout())
                .keepNamespace(keepNamespace)
                .silent(silent)
                .dryRun(dryRun);
        fromGit.fromGit(environment, from -> flux.validate(spec.fromGit(from).build())).ifPresent(spec::fromGit);
        UninstallResult result = flux.uninstall(spec.build(), environment.cancellation());
        Reporter reporter = environment.reporter();
        String plan = result.plan().text();
        if (!plan.isEmpty()) {
            reporter.result(plan);
        }
        if (result.succeeded()) {
            reporter.success("uninstall finished");
            return ExitCode.OK;
        }
        List<String> failures = result.failures();
        reporter.failure("uninstall finished with " + failures.size() + (failures.size() == 1 ? " error:" : " errors:"));
        failures.forEach(failure -> reporter.info("  " + failure));
        return ExitCode.FAILURE;
    }
}
