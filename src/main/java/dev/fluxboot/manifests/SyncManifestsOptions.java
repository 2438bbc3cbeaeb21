package dev.fluxboot.manifests;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code gotk-sync.yaml} describes, as Flux's {@code pkg/manifestgen/sync.Options}; an empty
 * string is an unset option (Go's zero value).
 *
 * @param interval          the GitRepository's {@code spec.interval} ({@code --interval}, 1m)
 * @param url               the repository URL the cluster fetches from
 * @param name              the name of the GitRepository and the Kustomization (bootstrap: the namespace)
 * @param namespace         their namespace ({@code --namespace}, flux-system)
 * @param branch            {@code spec.ref.branch} ({@code --branch}, main)
 * @param tag               {@code spec.ref.tag}
 * @param semver            {@code spec.ref.semver}
 * @param commit            {@code spec.ref.commit}
 * @param secretName        {@code spec.secretRef.name} ({@code --secret-name}, flux-system)
 * @param targetPath        the {@code --path} in the repository; "" or "." for the root
 * @param recurseSubmodules {@code spec.recurseSubmodules} ({@code --recurse-submodules})
 * @param provider          {@code spec.provider} ({@code bootstrap git --provider}: generic, azure, github)
 * @param sparseCheckout    {@code spec.sparseCheckout} ({@code --sparse-checkout})
 */
public record SyncManifestsOptions(
        Duration interval,
        String url,
        String name,
        String namespace,
        String branch,
        String tag,
        String semver,
        String commit,
        String secretName,
        String targetPath,
        boolean recurseSubmodules,
        String provider,
        List<String> sparseCheckout) {

    public static final String DEFAULT_NAMESPACE = "flux-system";

    public SyncManifestsOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(semver, "semver");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(targetPath, "targetPath");
        Objects.requireNonNull(provider, "provider");
        sparseCheckout = List.copyOf(sparseCheckout);
    }

    /** The Flux CLI's defaults ({@code sync.MakeDefaultOptions}) for {@code url}: 1m, flux-system, branch main. */
    public static SyncManifestsOptions defaults(String url) {
        return new SyncManifestsOptions(Duration.ofMinutes(1), url, DEFAULT_NAMESPACE, DEFAULT_NAMESPACE, "main",
                "", "", "", DEFAULT_NAMESPACE, "", false, "", List.of());
    }

    public SyncManifestsOptions withInterval(Duration value) {
        return new SyncManifestsOptions(value, url, name, namespace, branch, tag, semver, commit, secretName,
                targetPath, recurseSubmodules, provider, sparseCheckout);
    }

    /** In another namespace, named after it, as {@code flux bootstrap} names both objects. */
    public SyncManifestsOptions withNamespace(String value) {
        return new SyncManifestsOptions(interval, url, value, value, branch, tag, semver, commit, secretName,
                targetPath, recurseSubmodules, provider, sparseCheckout);
    }

    public SyncManifestsOptions withBranch(String value) {
        return new SyncManifestsOptions(interval, url, name, namespace, value, tag, semver, commit, secretName,
                targetPath, recurseSubmodules, provider, sparseCheckout);
    }

    public SyncManifestsOptions withSecretName(String value) {
        return new SyncManifestsOptions(interval, url, name, namespace, branch, tag, semver, commit, value,
                targetPath, recurseSubmodules, provider, sparseCheckout);
    }

    public SyncManifestsOptions withTargetPath(String value) {
        return new SyncManifestsOptions(interval, url, name, namespace, branch, tag, semver, commit, secretName,
                value, recurseSubmodules, provider, sparseCheckout);
    }

    public SyncManifestsOptions withRecurseSubmodules(boolean value) {
        return new SyncManifestsOptions(interval, url, name, namespace, branch, tag, semver, commit, secretName,
                targetPath, value, provider, sparseCheckout);
    }

    public SyncManifestsOptions withProvider(String value) {
        return new SyncManifestsOptions(interval, url, name, namespace, branch, tag, semver, commit, secretName,
                targetPath, recurseSubmodules, value, sparseCheckout);
    }

    public SyncManifestsOptions withSparseCheckout(List<String> value) {
        return new SyncManifestsOptions(interval, url, name, namespace, branch, tag, semver, commit, secretName,
                targetPath, recurseSubmodules, provider, value);
    }
}
