package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.InstallServices;
import dev.fluxboot.bootstrap.RegistryCredentials;
import dev.fluxboot.bootstrap.Workflows;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.manifests.BundleLocator;
import dev.fluxboot.manifests.ComponentsGenerator;
import dev.fluxboot.manifests.FluxReleases;
import dev.fluxboot.manifests.InstallOptions;
import dev.fluxboot.manifests.InstallOptionsValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    @Option(names = {"-v", "--version"}, paramLabel = "VERSION",
            description = "toolkit version, e.g. v2.8.0 or latest; when specified the manifests are downloaded from "
                    + "https://github.com/fluxcd/flux2/releases unless --manifests is given (default: the release built in)")
    private String version;

    @Option(names = "--components", paramLabel = "LIST", split = ",",
            description = "list of components, accepts comma-separated values (default: "
                    + "source-controller,kustomize-controller,helm-controller,notification-controller)")
    private List<String> components = new ArrayList<>(InstallOptions.DEFAULT_COMPONENTS);

    @Option(names = "--components-extra", paramLabel = "LIST", split = ",",
            description = "list of components in addition to those supplied or defaulted, accepts values such as "
                    + "'image-reflector-controller,image-automation-controller,source-watcher'")
    private List<String> componentsExtra = new ArrayList<>();

    @Option(names = "--manifests", paramLabel = "PATH",
            description = "path to the manifests of the --version release: a folder or a manifests.tar.gz")
    private Path manifests;

    @Option(names = "--registry", paramLabel = "REGISTRY", defaultValue = "ghcr.io/fluxcd",
            description = "container registry where the toolkit images are published (default: ${DEFAULT-VALUE})")
    private String registry;

    @Option(names = "--registry-creds", paramLabel = "USER:PASSWORD",
            description = "container registry credentials in the format 'user:password', requires --image-pull-secret to be set")
    private String registryCreds;

    @Option(names = "--image-pull-secret", paramLabel = "NAME", defaultValue = "",
            description = "Kubernetes secret name used for pulling the toolkit images from a private registry")
    private String imagePullSecret;

    @Option(names = "--watch-all-namespaces", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            defaultValue = "true",
            description = "watch for custom resources in all namespaces, if set to false it will only watch the "
                    + "namespace where the toolkit is installed (default: ${DEFAULT-VALUE})")
    private boolean watchAllNamespaces;

    @Option(names = "--network-policy", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            defaultValue = "true",
            description = "deny ingress access to the toolkit controllers from other namespaces using network "
                    + "policies (default: ${DEFAULT-VALUE})")
    private boolean networkPolicy;

    @Option(names = "--log-level", paramLabel = "debug|info|error", defaultValue = "info",
            description = "log level (default: ${DEFAULT-VALUE})")
    private String logLevel;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = "cluster.local",
            description = "internal cluster domain (default: ${DEFAULT-VALUE})")
    private String clusterDomain;

    @Option(names = "--toleration-keys", paramLabel = "LIST", split = ",",
            description = "list of toleration keys used to schedule the components pods onto nodes with matching taints")
    private List<String> tolerationKeys = new ArrayList<>();

    @Option(names = "--force", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "override existing Flux installation if it's managed by a different tool such as Helm")
    private boolean force;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        InstallRequest request = request(globals, environment.build());
        InstallServices services = new InstallServices(new BundleLocator(environment.env(), environment.reporter()),
                ComponentsGenerator.withCache(environment.env()),
                (kubeconfig, context) -> KubeClusters.connect(kubeconfig, context, environment.env()));
        Workflows.runInstall(request, services, environment.reporter(), environment.prompter());
        return ExitCode.OK;
    }

    /** The flags as one request; every usage error is thrown here, before anything runs. */
    InstallRequest request(GlobalOptions globals, BuildInfo build) {
        Optional<String> requestedVersion = Optional.ofNullable(version).map(String::trim).filter(v -> !v.isEmpty());
        if (manifests != null && requestedVersion.isEmpty()) {
            throw new UsageException("--manifests requires --version: give the Flux release the manifests are of, "
                    + "e.g. --version=" + build.defaultFluxVersion());
        }
        requestedVersion.filter(v -> !v.equalsIgnoreCase(FluxReleases.LATEST)).ifPresent(FluxReleases::normalizeVersion);
        InstallOptions options = new InstallOptions(requestedVersion.orElseGet(build::defaultFluxVersion),
                globals.namespace(), nonEmpty(components), nonEmpty(componentsExtra), registry, imagePullSecret,
                watchAllNamespaces, networkPolicy, logLevel, clusterDomain, nonEmpty(tolerationKeys));
        InstallOptionsValidator.validate(options);
        InstallOptionsValidator.validateRegistryCredentials(registryCreds, imagePullSecret);
        Optional<RegistryCredentials> credentials = Optional.ofNullable(registryCreds).filter(c -> !c.isEmpty())
                .map(RegistryCredentials::parse);
        return new InstallRequest(options, Optional.ofNullable(manifests), requestedVersion, credentials, export, force,
                globals.kubeconfig(), globals.context(), globals.timeout(), globals.verbose());
    }

    @Override
    public List<String> secrets() {
        if (registryCreds == null) {
            return List.of();
        }
        int colon = registryCreds.indexOf(':');
        return colon < 0 ? List.of(registryCreds) : List.of(registryCreds, registryCreds.substring(colon + 1));
    }

    private static List<String> nonEmpty(List<String> values) {
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
