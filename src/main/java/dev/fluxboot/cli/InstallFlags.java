package dev.fluxboot.cli;

import dev.fluxboot.api.Components;
import dev.fluxboot.api.InstallSpec;
import dev.fluxboot.api.Secret;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags that shape gotk-components.yaml, shared by {@code install} and every
 * {@code bootstrap} command (a picocli mixin): version, manifests, components, registry and
 * its credentials, watch-all-namespaces, network policy, log level, cluster domain, tolerations.
 */
public final class InstallFlags {

    @Option(names = {"-v", "--version"}, paramLabel = "VERSION",
            description = "toolkit version, e.g. v2.8.0 or latest; when specified the manifests are downloaded from "
                    + "https://github.com/fluxcd/flux2/releases unless --manifests is given (default: the release built in)")
    private String version;

    @Option(names = "--components", paramLabel = "LIST", split = ",",
            completionCandidates = CompletionValues.AllComponents.class,
            description = "list of components, accepts comma-separated values (default: "
                    + "source-controller,kustomize-controller,helm-controller,notification-controller)")
    private List<String> components = new ArrayList<>(Components.DEFAULT_COMPONENTS);

    @Option(names = "--components-extra", paramLabel = "LIST", split = ",",
            completionCandidates = CompletionValues.ExtraComponents.class,
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
            completionCandidates = CompletionValues.LogLevels.class,
            description = "log level (default: ${DEFAULT-VALUE})")
    private String logLevel;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = "cluster.local",
            description = "internal cluster domain (default: ${DEFAULT-VALUE})")
    private String clusterDomain;

    @Option(names = "--toleration-keys", paramLabel = "LIST", split = ",",
            description = "list of toleration keys used to schedule the components pods onto nodes with matching taints")
    private List<String> tolerationKeys = new ArrayList<>();

    /** The flags as the release and its options; the engine checks them before anything runs. */
    public Components components() {
        return Components.builder()
                .version(version)
                .manifests(manifests)
                .components(components)
                .componentsExtra(componentsExtra)
                .registry(registry)
                .registryCredentials(registryCreds == null ? null : Secret.of(registryCreds))
                .imagePullSecret(imagePullSecret)
                .watchAllNamespaces(watchAllNamespaces)
                .networkPolicy(networkPolicy)
                .logLevel(logLevel)
                .clusterDomain(clusterDomain)
                .tolerationKeys(tolerationKeys)
                .build();
    }

    /** An install spec of these flags and the global ones. */
    public InstallSpec install(GlobalOptions globals, boolean force) {
        return InstallSpec.builder()
                .cluster(globals.cluster())
                .namespace(globals.namespace())
                .timeout(globals.timeout())
                .components(components())
                .force(force)
                .build();
    }

    /** {@code --registry-creds} and its password, for blanking out of error output. */
    public List<String> secrets() {
        if (registryCreds == null) {
            return List.of();
        }
        int colon = registryCreds.indexOf(':');
        return colon < 0 ? List.of(registryCreds) : List.of(registryCreds, registryCreds.substring(colon + 1));
    }
}
