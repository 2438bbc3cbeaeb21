package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.InstallServices;
import dev.fluxboot.bootstrap.Workflows;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.manifests.bundle.BundleLocator;
import dev.fluxboot.manifests.overlay.ComponentsGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code fluxboot install}: the flags of {@code flux install}, checked, handed to the install workflow. */
@Command(name = "install", description = {
        "Install or upgrade Flux.",
        "The install command deploys Flux in the specified namespace.",
        "If a previous version is installed, then an in-place upgrade will be performed."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Install the default version in the flux-system namespace",
                "  fluxboot install --namespace=flux-system",
                "",
                "  # Install all components including the image automation ones",
                "  fluxboot install --components-extra=image-reflector-controller,image-automation-controller",
                "",
                "  # Write install manifests to a file, from a local release bundle",
                "  fluxboot install --export --version=v2.8.0 --manifests=./manifests > flux-system.yaml"})
public final class InstallCommand extends BaseCommand implements SecretHolder {

    @Option(names = "--export", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "write the install manifests to stdout and exit")
    private boolean export;

    @Mixin
    private InstallFlags flags;

    @Mixin
    private DryRunFlags dryRun;

    @Option(names = "--force", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "override existing Flux installation if it's managed by a different tool such as Helm")
    private boolean force;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        InstallRequest request = request(globals, environment.build());
        boolean planOnly = dryRun.dryRun();
        if (planOnly && export) {
            throw new UsageException("--dry-run and --export do not go together: --export already changes nothing");
        }
        InstallServices services = new InstallServices(new BundleLocator(environment.env(), environment.reporter()),
                ComponentsGenerator.withCache(environment.env()),
                (kubeconfig, context) -> KubeClusters.connect(kubeconfig, context, environment.env()));
        if (planOnly) {
            return dryRun.exitCode(Workflows.dryRunInstall(request, services, environment.reporter(),
                    environment.prompter()));
        }
        Workflows.runInstall(request, services, environment.reporter(), environment.prompter());
        return ExitCode.OK;
    }

    /** The flags as one request; every usage error is thrown here, before anything runs. */
    InstallRequest request(GlobalOptions globals, BuildInfo build) {
        return flags.request(globals, build, export, force);
    }

    @Override
    public List<String> secrets() {
        return flags.secrets();
    }
}
