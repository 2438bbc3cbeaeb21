package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.api.ClusterAccess;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.Secret;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static final String NS_FOLLOWS_VARIABLE = "FLUX_NS_FOLLOWS_KUBE_CONTEXT";

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

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The address and port of the Kubernetes API server")
    private String server;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "Bearer token for authentication to the API server")
    private String token;

    @Option(names = "--certificate-authority", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Path to a cert file for the certificate authority to authenticate the Kubernetes API server")
    private Path certificateAuthority;

    @Option(names = "--client-certificate", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Path to a client certificate file for TLS authentication to the Kubernetes API server")
    private Path clientCertificate;

    @Option(names = "--client-key", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Path to a client key file for TLS authentication to the Kubernetes API server")
    private Path clientKey;

    @Option(names = "--insecure-skip-tls-verify", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            scope = ScopeType.INHERIT, description = "If true, the Kubernetes API server's certificate will not be "
            + "checked for validity. This will make your HTTPS connections insecure")
    private boolean insecureSkipTlsVerify;

    @Option(names = "--tls-server-name", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Server name to use for server certificate validation. If it is not provided, the hostname "
            + "used to contact the server is used")
    private String tlsServerName;

    @Option(names = "--cluster", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The name of the kubeconfig cluster to use")
    private String cluster;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The name of the kubeconfig user to use")
    private String user;

    @Option(names = "--as", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "Username to impersonate for the operation. User could be a regular user or a service "
            + "account in a namespace.")
    private String impersonate;

    @Option(names = "--as-group", paramLabel = "GROUP", scope = ScopeType.INHERIT,
            description = "Group to impersonate for the operation, this flag can be repeated to specify multiple groups.")
    private List<String> impersonateGroups = new ArrayList<>();

    @Option(names = "--as-uid", paramLabel = "UID", scope = ScopeType.INHERIT,
            description = "UID to impersonate for the operation.")
    private String impersonateUid;

    @Option(names = "--as-user-extra", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "User extras to impersonate for the operation, this flag can be repeated to specify "
            + "multiple values for the same key.")
    private List<String> impersonateExtra = new ArrayList<>();

    @Option(names = "--kube-api-qps", paramLabel = "FLOAT", scope = ScopeType.INHERIT,
            description = "The maximum queries-per-second of requests sent to the Kubernetes API. (default: 50)")
    private Float kubeApiQps;

    @Option(names = "--kube-api-burst", paramLabel = "INT", scope = ScopeType.INHERIT,
            description = "The maximum burst queries-per-second of requests sent to the Kubernetes API. (default: 300)")
    private Integer kubeApiBurst;

    @Option(names = "--cache-dir", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Default cache directory (accepted for the Flux CLI's sake: fluxboot keeps no discovery cache)")
    private Path cacheDir;

    @Option(names = "--disable-compression", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            scope = ScopeType.INHERIT, description = "If true, opt-out of response compression for all requests to "
            + "the server (fluxboot never asks for compressed responses)")
    private boolean disableCompression;

    @Option(names = "--ns-follows-kube-context", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            scope = ScopeType.INHERIT, description = "If set, the namespace of the kubeconfig context is used "
            + "unless --namespace is given, can also be set via FLUX_NS_FOLLOWS_KUBE_CONTEXT")
    private boolean nsFollowsKubeContext;

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
        ClusterAccess access = cluster();
        return new GlobalOptions(access, namespaceFor(access), timeout, verbose);
    }

    /** The connection flags as one value; their checks (files, PEM, combinations) are the api's. */
    private ClusterAccess cluster() {
        ClusterAccess.Builder access = ClusterAccess.builder()
                .context(context)
                .cluster(cluster)
                .user(user)
                .server(server)
                .tlsServerName(tlsServerName)
                .insecureSkipTlsVerify(insecureSkipTlsVerify)
                .impersonate(impersonate)
                .impersonateGroups(impersonateGroups)
                .impersonateUid(impersonateUid)
                .impersonateExtra(userExtra())
                .cacheDir(cacheDir)
                .disableCompression(disableCompression);
        Optional.ofNullable(kubeconfig).ifPresent(access::kubeconfig);
        Optional.ofNullable(token).ifPresent(value -> access.token(Secret.of(value)));
        Optional.ofNullable(certificateAuthority).ifPresent(access::certificateAuthority);
        Optional.ofNullable(clientCertificate).ifPresent(access::clientCertificate);
        Optional.ofNullable(clientKey).ifPresent(access::clientKey);
        Optional.ofNullable(kubeApiQps).ifPresent(access::kubeApiQps);
        Optional.ofNullable(kubeApiBurst).ifPresent(access::kubeApiBurst);
        return access.build();
    }

    private Map<String, List<String>> userExtra() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (String entry : impersonateExtra) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--as-user-extra \"" + entry + "\" is not KEY=VALUE");
            }
            extra.computeIfAbsent(entry.substring(0, equals), key -> new ArrayList<>()).add(entry.substring(equals + 1));
        }
        return extra;
    }

    /**
     * {@code --namespace} when given, else the context's namespace when {@code --ns-follows-kube-context}
     * or {@code FLUX_NS_FOLLOWS_KUBE_CONTEXT} asks for it (and {@code FLUX_SYSTEM_NAMESPACE} is unset), as the
     * Flux CLI does; else the default.
     */
    private String namespaceFor(ClusterAccess access) {
        Map<String, String> env = environment.env();
        boolean follows = nsFollowsKubeContext || !env.getOrDefault(NS_FOLLOWS_VARIABLE, "").isEmpty();
        if (!follows || namespaceGiven() || !env.getOrDefault(EnvironmentDefaults.NAMESPACE_VARIABLE, "").isEmpty()) {
            return namespace;
        }
        return Fluxboot.contextNamespace(access, env).orElse(namespace);
    }

    /** Whether {@code -n/--namespace} is on the command line, before or after the subcommand. */
    private boolean namespaceGiven() {
        for (ParseResult result = spec.commandLine().getParseResult(); result != null;
             result = result.subcommand()) {
            if (result.hasMatchedOption("--namespace")) {
                return true;
            }
        }
        return false;
    }
}
