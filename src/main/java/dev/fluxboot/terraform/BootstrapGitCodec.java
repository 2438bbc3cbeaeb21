package dev.fluxboot.terraform;

import dev.fluxboot.api.Components;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.ui.GoDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code fluxboot_bootstrap_git}'s values, which every forge resource has too: the checks of its
 * configuration (those of flux_bootstrap_git), and the translation between Terraform's objects and
 * {@link BootstrapGitSettings}.
 */
public final class BootstrapGitCodec {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern TOLERATION_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> LOG_LEVELS = List.of("info", "debug", "error");
    private static final List<String> REQUIRED_COMPONENTS = List.of("source-controller", "kustomize-controller");

    private BootstrapGitCodec() {
    }

    /** What is wrong with a resource's configuration; values not known yet are checked when they are. */
    public static List<Diagnostic> validate(CtyValue.ObjectValue config) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        known(config, "components", CtyValue.SetValue.class).ifPresent(set -> {
            List<String> components = knownStrings(set.elements());
            for (String component : components) {
                if (!Components.DEFAULT_COMPONENTS.contains(component)) {
                    diagnostics.add(invalid("components", "unknown component \"" + component + "\": use "
                            + String.join(", ", Components.DEFAULT_COMPONENTS)
                            + " (the extra ones go into components_extra)"));
                }
            }
            if (set.isWhollyKnown() && !components.containsAll(REQUIRED_COMPONENTS)) {
                diagnostics.add(invalid("components", "components must include source-controller and kustomize-controller"));
            }
        });
        known(config, "components_extra", CtyValue.SetValue.class).ifPresent(set -> {
            for (String component : knownStrings(set.elements())) {
                if (!Components.EXTRA_COMPONENTS.contains(component)) {
                    diagnostics.add(invalid("components_extra", "unknown extra component \"" + component + "\": use "
                            + String.join(", ", Components.EXTRA_COMPONENTS)));
                }
            }
        });
        knownString(config, "namespace").ifPresent(namespace -> {
            if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
                diagnostics.add(invalid("namespace", "namespace \"" + namespace + "\" is not a DNS label: at most 63 "
                        + "lowercase letters, digits and '-', starting and ending with a letter or digit"));
            }
        });
        for (String name : List.of("secret_name", "image_pull_secret")) {
            knownString(config, name).ifPresent(value -> {
                if (value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
                    diagnostics.add(invalid(name, name + " \"" + value + "\" is not a DNS subdomain: at most 253 "
                            + "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"));
                }
            });
        }
        knownString(config, "log_level").ifPresent(level -> {
            if (!LOG_LEVELS.contains(level)) {
                diagnostics.add(invalid("log_level", "log_level must be info, debug or error, not \"" + level + "\""));
            }
        });
        knownString(config, "version").ifPresent(version -> {
            if (!version.equals("latest") && !version.startsWith("v")) {
                diagnostics.add(invalid("version", "version must be latest or a release starting with 'v', e.g. v2.8.1, not \""
                        + version + "\""));
            }
        });
        knownString(config, "interval").ifPresent(interval -> {
            if (GoDuration.parse(interval).filter(duration -> !duration.isNegative() && !duration.isZero()).isEmpty()) {
                diagnostics.add(invalid("interval", "interval \"" + interval + "\" is not a positive duration such as 1m or 90s"));
            }
        });
        known(config, "toleration_keys", CtyValue.SetValue.class).ifPresent(set -> {
            for (String key : knownStrings(set.elements())) {
                if (key.length() > 253 || !TOLERATION_KEY.matcher(key).matches()) {
                    diagnostics.add(invalid("toleration_keys", "toleration key \"" + key + "\" must start with a letter or "
                            + "digit and hold only letters, digits, '-', '.' and '_' (at most 253)"));
                }
            }
        });
        CtyValue credentials = config.get("registry_credentials");
        if (credentials instanceof CtyValue.StringValue text && !text.value().isEmpty()) {
            CtyValue pullSecret = config.get("image_pull_secret");
            if (pullSecret.isKnown() && (pullSecret.isNull() || pullSecret.equals(CtyValue.string("")))) {
                diagnostics.add(invalid("registry_credentials",
                        "registry_credentials needs image_pull_secret: the Secret the credentials are stored in"));
            }
            if (text.value().split(":", -1).length != 2) {
                // The value itself is a secret: never in the message.
                diagnostics.add(invalid("registry_credentials", "registry_credentials must be 'user:password'"));
            }
        }
        known(config, "timeouts", CtyValue.ObjectValue.class).ifPresent(timeouts -> {
            for (String operation : List.of("create", "read", "update", "delete")) {
                if (timeouts.get(operation) instanceof CtyValue.StringValue text
                        && GoDuration.parse(text.value()).filter(d -> !d.isNegative() && !d.isZero()).isEmpty()) {
                    diagnostics.add(Diagnostic.attributeError(List.of("timeouts", operation), "Invalid Attribute Value",
                            "timeouts." + operation + " \"" + text.value() + "\" is not a positive duration such as 10m"));
                }
            }
        });
        return diagnostics;
    }

    /** The arguments of a wholly known resource object (configuration, plan or state). */
    public static BootstrapGitSettings settings(CtyValue.ObjectValue resource) {
        Optional<CtyValue.ObjectValue> timeouts = Values.nested(resource, "timeouts");
        return new BootstrapGitSettings(
                Values.nonEmptyString(resource, "path"),
                Values.string(resource, "namespace").orElse("flux-system"),
                Values.string(resource, "version").orElseThrow(),
                new TreeSet<>(Values.strings(resource, "components")),
                new TreeSet<>(Values.strings(resource, "components_extra")),
                Values.string(resource, "cluster_domain").orElse("cluster.local"),
                duration(Values.string(resource, "interval").orElse("1m")).orElse(Duration.ofMinutes(1)),
                Values.string(resource, "log_level").orElse("info"),
                Values.bool(resource, "network_policy").orElse(true),
                Values.bool(resource, "watch_all_namespaces").orElse(true),
                Values.string(resource, "registry").orElse("ghcr.io/fluxcd"),
                Values.sensitive(resource, "registry_credentials"),
                Values.nonEmptyString(resource, "image_pull_secret"),
                new TreeSet<>(Values.strings(resource, "toleration_keys")),
                Values.string(resource, "secret_name").orElse("flux-system"),
                Values.bool(resource, "recurse_submodules").orElse(false),
                Values.nonEmptyString(resource, "kustomization_override"),
                Values.bool(resource, "delete_git_manifests").orElse(true),
                Values.bool(resource, "keep_namespace").orElse(false),
                Values.bool(resource, "disable_secret_creation").orElse(false),
                Values.bool(resource, "embedded_manifests").orElse(false),
                Values.nonEmptyString(resource, "manifests_path"),
                new BootstrapGitSettings.Timeouts(
                        timeouts.flatMap(t -> Values.string(t, "create")).flatMap(BootstrapGitCodec::duration),
                        timeouts.flatMap(t -> Values.string(t, "read")).flatMap(BootstrapGitCodec::duration),
                        timeouts.flatMap(t -> Values.string(t, "update")).flatMap(BootstrapGitCodec::duration),
                        timeouts.flatMap(t -> Values.string(t, "delete")).flatMap(BootstrapGitCodec::duration)));
    }

    /**
     * An adopted bootstrap as a state object: defaults as such, arguments without a default
     * null where the cluster has nothing for them (so that a configuration leaving them out
     * plans no change), no timeouts.
     */
    public static CtyValue.ObjectValue encode(ImportedBootstrap imported) {
        BootstrapGitSettings settings = imported.settings();
        Map<String, CtyValue> attributes = new TreeMap<>();
        attributes.put("id", CtyValue.string(imported.outcome().id()));
        attributes.put("path", CtyValue.stringOrNull(settings.path().orElse(null)));
        attributes.put("namespace", CtyValue.string(settings.namespace()));
        attributes.put("version", CtyValue.string(settings.version()));
        attributes.put("components", CtyValue.stringSet(settings.components()));
        attributes.put("components_extra", settings.componentsExtra().isEmpty() ? CtyValue.NULL
                : CtyValue.stringSet(settings.componentsExtra()));
        attributes.put("cluster_domain", CtyValue.string(settings.clusterDomain()));
        attributes.put("interval", CtyValue.string(GoDuration.format(settings.interval())));
        attributes.put("log_level", CtyValue.string(settings.logLevel()));
        attributes.put("network_policy", CtyValue.bool(settings.networkPolicy()));
        attributes.put("watch_all_namespaces", CtyValue.bool(settings.watchAllNamespaces()));
        attributes.put("registry", CtyValue.string(settings.registry()));
        attributes.put("registry_credentials", CtyValue.stringOrNull(settings.registryCredentials()
                .map(SensitiveText::reveal).orElse(null)));
        attributes.put("image_pull_secret", CtyValue.stringOrNull(settings.imagePullSecret().orElse(null)));
        attributes.put("toleration_keys", settings.tolerationKeys().isEmpty() ? CtyValue.NULL
                : CtyValue.stringSet(settings.tolerationKeys()));
        attributes.put("secret_name", CtyValue.string(settings.secretName()));
        attributes.put("recurse_submodules", settings.recurseSubmodules() ? CtyValue.bool(true) : CtyValue.NULL);
        attributes.put("kustomization_override", CtyValue.stringOrNull(settings.kustomizationOverride().orElse(null)));
        attributes.put("delete_git_manifests", CtyValue.bool(settings.deleteGitManifests()));
        attributes.put("keep_namespace", CtyValue.bool(settings.keepNamespace()));
        attributes.put("disable_secret_creation", settings.disableSecretCreation() ? CtyValue.bool(true) : CtyValue.NULL);
        attributes.put("embedded_manifests", CtyValue.bool(settings.embeddedManifests()));
        attributes.put("manifests_path", CtyValue.stringOrNull(settings.manifestsPath().orElse(null)));
        attributes.put("timeouts", CtyValue.NULL);
        attributes.put("repository_files", CtyValue.stringMap(imported.outcome().repositoryFiles()));
        return CtyValue.object(attributes);
    }

    private static Optional<Duration> duration(String text) {
        return GoDuration.parse(text);
    }

    private static Diagnostic invalid(String attribute, String detail) {
        return Diagnostic.attributeError(List.of(attribute), "Invalid Attribute Value", detail);
    }

    private static <T extends CtyValue> Optional<T> known(CtyValue.ObjectValue config, String name, Class<T> kind) {
        CtyValue value = config.get(name);
        return kind.isInstance(value) ? Optional.of(kind.cast(value)) : Optional.empty();
    }

    private static Optional<String> knownString(CtyValue.ObjectValue config, String name) {
        return known(config, name, CtyValue.StringValue.class).map(CtyValue.StringValue::value);
    }

    private static List<String> knownStrings(Iterable<CtyValue> values) {
        List<String> strings = new ArrayList<>();
        for (CtyValue value : values) {
            if (value instanceof CtyValue.StringValue text) {
                strings.add(text.value());
            }
        }
        return strings;
    }
}
