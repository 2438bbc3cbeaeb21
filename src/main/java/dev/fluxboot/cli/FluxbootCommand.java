package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code fluxboot}: the root command. Its flags are inherited by every subcommand, so they
 * work before or after the subcommand's name, like cobra's persistent flags in the Flux CLI.
 */
@Command(name = "fluxboot",
        description = "Bootstraps Flux (the GitOps Toolkit) into Kubernetes clusters; a drop-in for 'flux install' and 'flux bootstrap'.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Use 'fluxboot <command> --help' for more information about a command."})
public final class FluxbootCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order the help lists them. Not in {@code @Command(subcommands = ...)}:
     * {@link dev.fluxboot.Main} adds them, building in full only those the arguments name, since
     * building a command's model is most of the start-up of a run.
     */
    public static final List<Class<?>> SUBCOMMANDS = List.of(InstallCommand.class, BootstrapCommand.class,
            VersionCommand.class, CompletionCommand.class, CheckCommand.class, UninstallCommand.class,
            ExportCommand.class, MigrateCommand.class, TerraformCommand.class);

    @Spec
    private CommandSpec spec;

    private final CliEnvironment environment;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "help for this command")
    private boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "version for fluxboot")
    private boolean version;

    @Option(names = "--kubeconfig", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Path to the kubeconfig file to use for CLI requests (default: KUBECONFIG or ~/.kube/config)")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The name of the kubeconfig context to use")
    private String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAME", scope = ScopeType.INHERIT, defaultValue = "flux-system",
            description = "the namespace scope for this operation, can also be set via FLUX_SYSTEM_NAMESPACE (default: ${DEFAULT-VALUE})")
    private String namespace;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "5m",
            converter = GoDurationConverter.class,
            description = "timeout for this operation, e.g. 90s, 5m, 1h30m (default: 5m0s)")
    private Duration timeout;

    @Option(names = "--verbose", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", scope = ScopeType.INHERIT,
            description = "print generated objects and, on failure, the stack trace")
    private boolean verbose;

    public FluxbootCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** {@code fluxboot} alone prints its help, like {@code flux}. */
    @Override
    public Integer call() {
        spec.commandLine().usage(environment.out());
        return ExitCode.OK;
    }

    public CliEnvironment environment() {
        return environment;
    }

    /** Whether {@code --verbose} was given; the error handler asks before the flags are checked. */
    public boolean verbose() {
        return verbose;
    }

    /** The global flags, checked: a namespace that is not a DNS label is a usage error. */
    public GlobalOptions globals() {
        if (!DnsLabel.isValid(namespace)) {
            throw new UsageException("--namespace \"" + namespace + "\" is not a valid DNS label: use at most 63 "
                    + "lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
        return new GlobalOptions(Optional.ofNullable(kubeconfig), Optional.ofNullable(context).filter(c -> !c.isEmpty()),
                namespace, timeout, verbose);
    }
}
