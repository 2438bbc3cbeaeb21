package dev.fluxboot.api;

import dev.fluxboot.manifests.overlay.InstallOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Flux release and how it is installed: the options of {@code flux install} that shape
 * gotk-components.yaml, with Flux's defaults. Checked when an operation runs (a bad value is a
 * {@link dev.fluxboot.UsageException} naming the flag).
 */
public final class Components {

    public static final List<String> DEFAULT_COMPONENTS = InstallOptions.DEFAULT_COMPONENTS;
    /** What {@code components_extra} / {@code --components-extra} may add. */
    public static final List<String> EXTRA_COMPONENTS = InstallOptions.EXTRA_COMPONENTS;

    private final Optional<String> version;
    private final Optional<Path> manifests;
    private final List<String> components;
    private final List<String> componentsExtra;
    private final String registry;
    private final Optional<Secret> registryCredentials;
    private final String imagePullSecret;
    private final boolean watchAllNamespaces;
    private final boolean networkPolicy;
    private final String logLevel;
    private final String clusterDomain;
    private final List<String> tolerationKeys;

    private Components(Builder builder) {
        this.version = builder.version;
        this.manifests = builder.manifests;
        this.components = List.copyOf(builder.components);
        this.componentsExtra = List.copyOf(builder.componentsExtra);
        this.registry = builder.registry;
        this.registryCredentials = builder.registryCredentials;
        this.imagePullSecret = builder.imagePullSecret;
        this.watchAllNamespaces = builder.watchAllNamespaces;
        this.networkPolicy = builder.networkPolicy;
        this.logLevel = builder.logLevel;
        this.clusterDomain = builder.clusterDomain;
        this.tolerationKeys = List.copyOf(builder.tolerationKeys);
    }

    /** Flux's defaults, of the release this build of fluxboot installs. */
    public static Components defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code --version}: a release such as {@code v2.9.4}, or {@code latest}; empty for the default release. */
    public Optional<String> version() {
        return version;
    }

    /** {@code --manifests}: the release's bundle as a folder or {@code manifests.tar.gz}. */
    public Optional<Path> manifests() {
        return manifests;
    }

    public List<String> components() {
        return components;
    }

    public List<String> componentsExtra() {
        return componentsExtra;
    }

    public String registry() {
        return registry;
    }

    /** {@code --registry-creds user:password}. */
    public Optional<Secret> registryCredentials() {
        return registryCredentials;
    }

    public String imagePullSecret() {
        return imagePullSecret;
    }

    public boolean watchAllNamespaces() {
        return watchAllNamespaces;
    }

    public boolean networkPolicy() {
        return networkPolicy;
    }

    public String logLevel() {
        return logLevel;
    }

    public String clusterDomain() {
        return clusterDomain;
    }

    public List<String> tolerationKeys() {
        return tolerationKeys;
    }

    @Override
    public String toString() {
        return "Components[version=" + version.orElse("default") + ", components=" + components + ", extra="
                + componentsExtra + ", registry=" + registry + "]";
    }

    public static final class Builder {
        private Optional<String> version = Optional.empty();
        private Optional<Path> manifests = Optional.empty();
        private List<String> components = DEFAULT_COMPONENTS;
        private List<String> componentsExtra = List.of();
        private String registry = "ghcr.io/fluxcd";
        private Optional<Secret> registryCredentials = Optional.empty();
        private String imagePullSecret = "";
        private boolean watchAllNamespaces = true;
        private boolean networkPolicy = true;
        private String logLevel = "info";
        private String clusterDomain = "cluster.local";
        private List<String> tolerationKeys = List.of();

        private Builder() {
        }

        private Builder(Components from) {
            version = from.version;
            manifests = from.manifests;
            components = from.components;
            componentsExtra = from.componentsExtra;
            registry = from.registry;
            registryCredentials = from.registryCredentials;
            imagePullSecret = from.imagePullSecret;
            watchAllNamespaces = from.watchAllNamespaces;
            networkPolicy = from.networkPolicy;
            logLevel = from.logLevel;
            clusterDomain = from.clusterDomain;
            tolerationKeys = from.tolerationKeys;
        }

        /** Blank means the default release. */
        public Builder version(String value) {
            version = Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
            return this;
        }

        public Builder manifests(Path value) {
            manifests = Optional.ofNullable(value);
            return this;
        }

        public Builder components(List<String> value) {
            components = Objects.requireNonNull(value, "components");
            return this;
        }

        public Builder componentsExtra(List<String> value) {
            componentsExtra = Objects.requireNonNull(value, "componentsExtra");
            return this;
        }

        public Builder registry(String value) {
            registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        /** {@code user:password}; an empty secret means none. */
        public Builder registryCredentials(Secret value) {
            registryCredentials = Optional.ofNullable(value).filter(secret -> !secret.isEmpty());
            return this;
        }

        public Builder imagePullSecret(String value) {
            imagePullSecret = Objects.requireNonNull(value, "imagePullSecret");
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
            logLevel = Objects.requireNonNull(value, "logLevel");
            return this;
        }

        public Builder clusterDomain(String value) {
            clusterDomain = Objects.requireNonNull(value, "clusterDomain");
            return this;
        }

        public Builder tolerationKeys(List<String> value) {
            tolerationKeys = Objects.requireNonNull(value, "tolerationKeys");
            return this;
        }

        public Components build() {
            return new Components(this);
        }
    }
}
