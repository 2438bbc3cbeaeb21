package dev.fluxboot.cluster;

import java.util.List;

/**
 * The Flux kinds {@code export} writes: the CRD each is read through, the component that installs
 * that CRD, and whether the object references a credentials Secret by {@code spec.secretRef} that
 * {@code --with-credentials} exports (sources only, as in the Flux CLI).
 */
public enum FluxKind {
    GIT_REPOSITORY("GitRepository", "gitrepositories.source.toolkit.fluxcd.io", true, "source-controller", false),
    HELM_REPOSITORY("HelmRepository", "helmrepositories.source.toolkit.fluxcd.io", true, "source-controller", false),
    OCI_REPOSITORY("OCIRepository", "ocirepositories.source.toolkit.fluxcd.io", true, "source-controller", false),
    BUCKET("Bucket", "buckets.source.toolkit.fluxcd.io", true, "source-controller", false),
    HELM_CHART("HelmChart", "helmcharts.source.toolkit.fluxcd.io", false, "source-controller", false),
    /** Written by source-watcher or another artifact producer; its CRD came with source-controller in Flux 2.7. */
    EXTERNAL_ARTIFACT("ExternalArtifact", "externalartifacts.source.toolkit.fluxcd.io", false,
            "source-controller of Flux v2.7 or later", false),
    KUSTOMIZATION("Kustomization", "kustomizations.kustomize.toolkit.fluxcd.io", false, "kustomize-controller", false),
    HELM_RELEASE("HelmRelease", "helmreleases.helm.toolkit.fluxcd.io", false, "helm-controller", false),
    ALERT("Alert", "alerts.notification.toolkit.fluxcd.io", false, "notification-controller", false),
    PROVIDER("Provider", "providers.notification.toolkit.fluxcd.io", false, "notification-controller", false),
    RECEIVER("Receiver", "receivers.notification.toolkit.fluxcd.io", false, "notification-controller", false),
    IMAGE_REPOSITORY("ImageRepository", "imagerepositories.image.toolkit.fluxcd.io", false,
            "image-reflector-controller", true),
    IMAGE_POLICY("ImagePolicy", "imagepolicies.image.toolkit.fluxcd.io", false, "image-reflector-controller", true),
    IMAGE_UPDATE_AUTOMATION("ImageUpdateAutomation", "imageupdateautomations.image.toolkit.fluxcd.io", false,
            "image-automation-controller", true),
    ARTIFACT_GENERATOR("ArtifactGenerator", "artifactgenerators.source.extensions.fluxcd.io", false,
            "source-watcher", true);

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
    private final String component;
    private final boolean extraComponent;

    FluxKind(String kind, String crd, boolean hasCredentials, String component, boolean extraComponent) {
        this.kind = kind;
        this.crd = crd;
        this.hasCredentials = hasCredentials;
        this.component = component;
        this.extraComponent = extraComponent;
    }

    public String kind() {
        return kind;
    }

    /** The CustomResourceDefinition's name, {@code plural.group}. */
    public String crd() {
        return crd;
    }

    /**
     * The question to ask when the cluster lacks the CRD: whether the component that brings it is
     * installed ({@code is source-controller installed?}), naming the flag for one installed only on request.
     */
    public String missingCrdQuestion() {
        return "is " + component + " installed?"
                + (extraComponent ? " It is installed with --components-extra=" + component : "");
    }

    /** Whether {@code spec.secretRef} names a Secret that {@code --with-credentials} exports. */
    public boolean hasCredentials() {
        return hasCredentials;
    }
}
