package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.InstallSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code fluxboot install}: the flags of {@code flux install} as one spec, one engine call. */
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
        if (dryRun.dryRun() && export) {
            throw new UsageException("--dry-run and --export do not go together: --export already changes nothing");
        }
        InstallSpec spec = spec(globals);
        Fluxboot flux = environment.fluxboot(globals);
        if (export) {
            environment.reporter().result(flux.renderComponents(spec));
            return ExitCode.OK;
        }
        if (dryRun.dryRun()) {
            return dryRun.report(flux.plan(spec, environment.cancellation()), environment.reporter());
        }
        flux.install(spec, environment.cancellation());
        return ExitCode.OK;
    }

    /** The flags as one spec (the engine checks it). */
    InstallSpec spec(GlobalOptions globals) {
        return flags.install(globals, force);
    }

    /** {@code --export}. */
    boolean export() {
        return export;
    }

    @Override
    public List<String> secrets() {
        return flags.secrets();
    }
}
