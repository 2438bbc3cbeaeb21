package dev.fluxboot.manifests.overlay;

import java.util.List;

/**
 * The options of {@code flux install} that shape gotk-components.yaml. Defaults are the Flux
 * CLI's.
 */
public record InstallOptions(
        String version,
        String namespace,
        List<String> components,
        List<String> componentsExtra,
        String registry,
        String imagePullSecret,
        boolean watchAllNamespaces,
        boolean networkPolicy,
        String logLevel,
        String clusterDomain,
        List<String> tolerationKeys) {

    public static final List<String> DEFAULT_COMPONENTS =
            List.of("source-controller", "kustomize-controller", "helm-controller", "notification-controller");
    public static final List<String> EXTRA_COMPONENTS =
            List.of("image-reflector-controller", "image-automation-controller", "source-watcher");

    public InstallOptions {
        components = List.copyOf(components);
        componentsExtra = List.copyOf(componentsExtra);
        tolerationKeys = List.copyOf(tolerationKeys);
    }

    public static InstallOptions defaults(String version) {
        return new InstallOptions(version, "flux-system", DEFAULT_COMPONENTS, List.of(), "ghcr.io/fluxcd", "",
                true, true, "info", "cluster.local", List.of());
    }

    /** {@code --components} followed by {@code --components-extra}, as Flux orders them. */
    public List<String> allComponents() {
        var all = new java.util.ArrayList<>(components);
        componentsExtra.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return List.copyOf(all);
    }

    /** The same options for another release (the one a bundle turned out to be). */
    public InstallOptions withVersion(String newVersion) {
        return toBuilder().version(newVersion).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Flux's defaults for {@code version}, to change one option at a time. */
    public static Builder builder(String version) {
        return defaults(version).toBuilder();
    }

    /** Changes some options and keeps the others. */
    public static final class Builder {
        private String version;
        private String namespace;
        private List<String> components;
        private List<String> componentsExtra;
        private String registry;
        private String imagePullSecret;
        private boolean watchAllNamespaces;
        private boolean networkPolicy;
        private String logLevel;
        private String clusterDomain;
        private List<String> tolerationKeys;

        private Builder(InstallOptions from) {
            version = from.version;
            namespace = from.namespace;
            components = from.components;
            componentsExtra = from.componentsExtra;
            registry = from.registry;
            imagePullSecret = from.imagePullSecret;
            watchAllNamespaces = from.watchAllNamespaces;
            networkPolicy = from.networkPolicy;
            logLevel = from.logLevel;
            clusterDomain = from.clusterDomain;
            tolerationKeys = from.tolerationKeys;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        public Builder components(List<String> value) {
            components = value;
            return this;
        }

        public Builder componentsExtra(List<String> value) {
            componentsExtra = value;
            return this;
        }

        public Builder registry(String value) {
            registry = value;
            return this;
        }

        public Builder imagePullSecret(String value) {
            imagePullSecret = value;
            return this;
        }

        public Builder watchAllNamespaces(boolean value) {
            watchAllNamespaces = value;
            return this;
        }

        public Builder networkPolicy(boolean value) {
            networkPolicy = value;
            return this;
        }

        public Builder logLevel(String value) {
            logLevel = value;
            return this;
        }

        public Builder clusterDomain(String value) {
            clusterDomain = value;
            return this;
        }

        public Builder tolerationKeys(List<String> value) {
            tolerationKeys = value;
            return this;
        }

        public InstallOptions build() {
            return new InstallOptions(version, namespace, components, componentsExtra, registry, imagePullSecret,
                    watchAllNamespaces, networkPolicy, logLevel, clusterDomain, tolerationKeys);
        }
    }
}
