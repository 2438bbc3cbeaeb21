package dev.fluxboot.cluster;

import java.util.List;

/**
 * The Flux kinds {@code export} writes: the CRD each is read through, and whether the object
 * references a credentials Secret by {@code spec.secretRef} that {@code --with-credentials} exports
 * (sources only, as in the Flux CLI).
 */
public enum FluxKind {
    GIT_REPOSITORY("GitRepository", "gitrepositories.source.toolkit.fluxcd.io", true),
    HELM_REPOSITORY("HelmRepository", "helmrepositories.source.toolkit.fluxcd.io", true),
    OCI_REPOSITORY("OCIRepository", "ocirepositories.source.toolkit.fluxcd.io", true),
    BUCKET("Bucket", "buckets.source.toolkit.fluxcd.io", true),
    HELM_CHART("HelmChart", "helmcharts.source.toolkit.fluxcd.io", false),
    KUSTOMIZATION("Kustomization", "kustomizations.kustomize.toolkit.fluxcd.io", false),
    HELM_RELEASE("HelmRelease", "helmreleases.helm.toolkit.fluxcd.io", false),
    ALERT("Alert", "alerts.notification.toolkit.fluxcd.io", false),
    PROVIDER("Provider", "providers.notification.toolkit.fluxcd.io", false),
    RECEIVER("Receiver", "receivers.notification.toolkit.fluxcd.io", false),
    IMAGE_REPOSITORY("ImageRepository", "imagerepositories.image.toolkit.fluxcd.io", false),
    IMAGE_POLICY("ImagePolicy", "imagepolicies.image.toolkit.fluxcd.io", false),
    IMAGE_UPDATE_AUTOMATION("ImageUpdateAutomation", "imageupdateautomations.image.toolkit.fluxcd.io", false);

    /** Duration fields, by path under {@code spec}, that the Flux CLI writes in Go's form ({@code 5m} becomes {@code 5m0s}). */
    static final List<List<String>> DURATION_PATHS = List.of(
            List.of("interval"), List.of("timeout"), List.of("retryInterval"),
            List.of("chart", "spec", "interval"),
            List.of("install", "timeout"), List.of("upgrade", "timeout"), List.of("test", "timeout"),
            List.of("rollback", "timeout"), List.of("uninstall", "timeout"));

    /**
     * Plain {@code omitempty} booleans under {@code spec} that a CRD defaults to {@code false}: the
     * Flux CLI's typed objects drop them, so the export does too ({@code []}: every list item).
     */
    static final List<List<String>> OMITTED_WHEN_FALSE = List.of(
            List.of("suspend"), List.of("force"), List.of("postBuild", "substituteFrom", "[]", "optional"));

    private final String kind;
    private final String crd;
    private final boolean hasCredentials;

    FluxKind(String kind, String crd, boolean hasCredentials) {
        this.kind = kind;
        this.crd = crd;
        this.hasCredentials = hasCredentials;
    }

    public String kind() {
        return kind;
    }

    /** The CustomResourceDefinition's name, {@code plural.group}. */
    public String crd() {
        return crd;
    }

    /** Whether {@code spec.secretRef} names a Secret that {@code --with-credentials} exports. */
    public boolean hasCredentials() {
        return hasCredentials;
    }
}
