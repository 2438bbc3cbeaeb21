package dev.fluxboot.manifests.overlay;

import dev.fluxboot.UsageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks on {@code flux install} and {@code flux bootstrap} flags that shape
 * gotk-components.yaml, in one place. Each failure is a {@link UsageException} whose one-line
 * message starts with the flag and says what would work. The Flux CLI's own checks (known
 * components, log levels, {@code --registry-creds}) keep its wording after the flag; the others
 * (names Kubernetes would reject later) fail here, before anything is generated.
 */
public final class InstallOptionsValidator {

    public static final List<String> LOG_LEVELS = List.of("debug", "info", "error");
    /** {@code flux bootstrap} cannot sync itself without these. */
    public static final List<String> BOOTSTRAP_REQUIRED_COMPONENTS = List.of("source-controller", "kustomize-controller");

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DOMAIN =
            Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    /** host[:port] then lowercase path components, as in an image reference. */
    private static final Pattern REGISTRY = Pattern.compile(
            "[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]+)?(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");

    private InstallOptionsValidator() {
    }

    /** Every check on the options that {@code flux install} makes, and the names Kubernetes needs. */
    public static void validate(InstallOptions options) {
        validateNamespace(options.namespace());
        validateComponents(options);
        validateLogLevel(options.logLevel());
        validateRegistry(options.registry());
        validateImagePullSecret(options.imagePullSecret());
        validateClusterDomain(options.clusterDomain());
        validateTolerationKeys(options.tolerationKeys());
    }

    /**
     * Flux's rules for {@code --registry-creds}: it needs {@code --image-pull-secret} and has the
     * form {@code user:password}. The credentials never appear in a message.
     */
    public static void validateRegistryCredentials(String registryCredentials, String imagePullSecret) {
        if (registryCredentials == null || registryCredentials.isEmpty()) {
            return;
        }
        if (imagePullSecret == null || imagePullSecret.isEmpty()) {
            throw new UsageException("--registry-creds requires --image-pull-secret to be set");
        }
        if (registryCredentials.split(":", -1).length != 2) {
            throw new UsageException("invalid --registry-creds format, expected 'user:password'");
        }
    }

    /** {@code flux bootstrap} also requires source-controller and kustomize-controller. */
    public static void requireBootstrapComponents(InstallOptions options) {
        List<String> all = options.allComponents();
        for (String required : BOOTSTRAP_REQUIRED_COMPONENTS) {
            if (!all.contains(required)) {
                throw new UsageException("--components: component " + required
                        + " is required by bootstrap; add it to --components");
            }
        }
    }

    static void validateNamespace(String namespace) {
        if (namespace == null || namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
            throw new UsageException("--namespace: '" + namespace + "' is not a valid namespace name;"
                    + " use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
    }

    private static void validateComponents(InstallOptions options) {
        List<String> known = new ArrayList<>(InstallOptions.DEFAULT_COMPONENTS);
        known.addAll(InstallOptions.EXTRA_COMPONENTS);
        Set<String> seen = new HashSet<>();
        checkComponents("--components", options.components(), known, seen);
        checkComponents("--components-extra", options.componentsExtra(), known, seen);
    }

    private static void checkComponents(String flag, List<String> components, List<String> known, Set<String> seen) {
        for (String component : components) {
            if (!known.contains(component)) {
                throw new UsageException(flag + ": component " + component + " is not available, must be one of: "
                        + String.join(", ", known));
            }
            if (!seen.add(component)) {
                throw new UsageException(flag + ": component " + component
                        + " is listed twice (in --components or --components-extra); list it once");
            }
        }
    }

    static void validateLogLevel(String logLevel) {
        if (logLevel == null || logLevel.isBlank()) {
            throw new UsageException("--log-level: no log level given, must be one of: " + String.join(", ", LOG_LEVELS));
        }
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new UsageException("--log-level: unsupported log level '" + logLevel + "', must be one of: "
                    + String.join(", ", LOG_LEVELS));
        }
    }

    /** Empty means: keep the images as the bundle names them. */
    static void validateRegistry(String registry) {
        if (registry == null || registry.isEmpty()) {
            return;
        }
        if (!REGISTRY.matcher(registry).matches()) {
            throw new UsageException("--registry: '" + registry + "' is not a container registry path;"
                    + " give host and path without scheme or trailing '/', e.g. ghcr.io/fluxcd");
        }
    }

    static void validateImagePullSecret(String imagePullSecret) {
        if (imagePullSecret == null || imagePullSecret.isEmpty()) {
            return;
        }
        if (imagePullSecret.length() > 253 || !DNS_SUBDOMAIN.matcher(imagePullSecret).matches()) {
            throw new UsageException("--image-pull-secret: '" + imagePullSecret + "' is not a valid secret name;"
                    + " use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
    }

    static void validateClusterDomain(String clusterDomain) {
        if (clusterDomain == null || clusterDomain.length() > 253 || !DOMAIN.matcher(clusterDomain).matches()) {
            throw new UsageException("--cluster-domain: '" + clusterDomain + "' is not a domain name;"
                    + " give the cluster's DNS domain without a trailing dot, e.g. cluster.local");
        }
    }

    /** A toleration key is a label key: an optional DNS subdomain prefix and '/', then a name of at most 63. */
    static void validateTolerationKeys(List<String> tolerationKeys) {
        for (String key : tolerationKeys) {
            int slash = key.lastIndexOf('/');
            String prefix = slash < 0 ? null : key.substring(0, slash);
            String name = key.substring(slash + 1);
            boolean validPrefix = prefix == null
                    || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches());
            if (!validPrefix || name.length() > 63 || !QUALIFIED_NAME_PART.matcher(name).matches()) {
                throw new UsageException("--toleration-keys: '" + key + "' is not a valid taint key;"
                        + " use [prefix/]name with a DNS subdomain prefix and a name of letters, digits, '-', '_', '.'");
            }
        }
    }
}
