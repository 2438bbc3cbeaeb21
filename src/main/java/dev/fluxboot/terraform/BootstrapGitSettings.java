package dev.fluxboot.terraform;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The arguments of a {@code fluxboot_bootstrap_git} resource, defaults applied (those of
 * {@code flux_bootstrap_git}): what a bootstrap, upgrade or uninstall of one cluster needs
 * besides the provider's connection settings. An attribute left null in the configuration that
 * has no default is empty or false here. The forge resources ({@code fluxboot_bootstrap_github},
 * ...) have all of these and their {@link ForgeSettings}; for {@code fluxboot_bootstrap_git}
 * {@code forge} is empty.
 *
 * @param path the cluster's folder in the repository (empty: the repository's root)
 * @param version a Flux release ({@code v2.8.1}) or {@code latest}
 * @param manifestsPath a release bundle folder or {@code manifests.tar.gz}, as {@code --manifests}
 * @param embeddedManifests take the manifests from the bundle built into fluxboot
 * @param deleteGitManifests on destroy, remove the cluster's files from the repository
 * @param keepNamespace on destroy, keep the namespace
 */
public record BootstrapGitSettings(Optional<String> path, String namespace, String version, SortedSet<String> components,
                                   SortedSet<String> componentsExtra, String clusterDomain, Duration interval,
                                   String logLevel, boolean networkPolicy, boolean watchAllNamespaces, String registry,
                                   Optional<SensitiveText> registryCredentials, Optional<String> imagePullSecret,
                                   SortedSet<String> tolerationKeys, String secretName, boolean recurseSubmodules,
                                   Optional<String> kustomizationOverride, boolean deleteGitManifests,
                                   boolean keepNamespace, boolean disableSecretCreation, boolean embeddedManifests,
                                   Optional<String> manifestsPath, Timeouts timeouts, Optional<ForgeSettings> forge) {

    /** {@code fluxboot_bootstrap_git}'s: no forge. */
    public BootstrapGitSettings(Optional<String> path, String namespace, String version, SortedSet<String> components,
                                SortedSet<String> componentsExtra, String clusterDomain, Duration interval,
                                String logLevel, boolean networkPolicy, boolean watchAllNamespaces, String registry,
                                Optional<SensitiveText> registryCredentials, Optional<String> imagePullSecret,
                                SortedSet<String> tolerationKeys, String secretName, boolean recurseSubmodules,
                                Optional<String> kustomizationOverride, boolean deleteGitManifests,
                                boolean keepNamespace, boolean disableSecretCreation, boolean embeddedManifests,
                                Optional<String> manifestsPath, Timeouts timeouts) {
        this(path, namespace, version, components, componentsExtra, clusterDomain, interval, logLevel, networkPolicy,
                watchAllNamespaces, registry, registryCredentials, imagePullSecret, tolerationKeys, secretName,
                recurseSubmodules, kustomizationOverride, deleteGitManifests, keepNamespace, disableSecretCreation,
                embeddedManifests, manifestsPath, timeouts, Optional.empty());
    }

    public BootstrapGitSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(version, "version");
        components = Collections.unmodifiableSortedSet(new TreeSet<>(components));
        componentsExtra = Collections.unmodifiableSortedSet(new TreeSet<>(componentsExtra));
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(registryCredentials, "registryCredentials");
        Objects.requireNonNull(imagePullSecret, "imagePullSecret");
        tolerationKeys = Collections.unmodifiableSortedSet(new TreeSet<>(tolerationKeys));
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(kustomizationOverride, "kustomizationOverride");
        Objects.requireNonNull(manifestsPath, "manifestsPath");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(forge, "forge");
    }

    /** These settings with a forge repository (a {@code fluxboot_bootstrap_<forge>} resource). */
    public BootstrapGitSettings withForge(ForgeSettings value) {
        return new BootstrapGitSettings(path, namespace, version, components, componentsExtra, clusterDomain, interval,
                logLevel, networkPolicy, watchAllNamespaces, registry, registryCredentials, imagePullSecret,
                tolerationKeys, secretName, recurseSubmodules, kustomizationOverride, deleteGitManifests, keepNamespace,
                disableSecretCreation, embeddedManifests, manifestsPath, timeouts, Optional.of(value));
    }

    /**
     * {@code timeouts = { create, read, update, delete }}: how long each operation may take;
     * empty ones take flux_bootstrap_git's defaults (create and update 15m, read as create,
     * delete 5m).
     */
    public record Timeouts(Optional<Duration> create, Optional<Duration> read, Optional<Duration> update,
                           Optional<Duration> delete) {

        public static final Duration DEFAULT_CREATE = Duration.ofMinutes(15);
        public static final Duration DEFAULT_UPDATE = Duration.ofMinutes(15);
        public static final Duration DEFAULT_DELETE = Duration.ofMinutes(5);

        public static Timeouts none() {
            return new Timeouts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Duration forCreate() {
            return create.orElse(DEFAULT_CREATE);
        }

        public Duration forRead() {
            return read.orElse(DEFAULT_CREATE);
        }

        public Duration forUpdate() {
            return update.orElse(DEFAULT_UPDATE);
        }

        public Duration forDelete() {
            return delete.orElse(DEFAULT_DELETE);
        }
    }
}
