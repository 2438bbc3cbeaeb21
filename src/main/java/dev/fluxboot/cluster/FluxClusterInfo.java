package dev.fluxboot.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * What the labels of the GitRepository CRD say about the Flux in a cluster, read the way the Flux
 * CLI reads them for {@code check} and {@code version}.
 *
 * @param version                {@code app.kubernetes.io/version}, e.g. {@code v2.8.0}
 * @param partOf                 {@code app.kubernetes.io/part-of}, {@code flux} for Flux's own manifests
 * @param managedBy              {@code app.kubernetes.io/managed-by}, e.g. {@code Helm}
 * @param bootstrapKustomization {@code namespace/name} of the Kustomization that applies Flux
 *                               itself (labels {@code kustomize.toolkit.fluxcd.io/namespace} and {@code /name})
 */
public record FluxClusterInfo(Optional<String> version, Optional<String> partOf, Optional<String> managedBy,
                              Optional<String> bootstrapKustomization) {

    /** Every Flux installation has source-controller's GitRepository CRD; the Flux CLI reads this one. */
    public static final String GIT_REPOSITORY_CRD = "gitrepositories.source.toolkit.fluxcd.io";

    /** Empty when the cluster has no GitRepository CRD. */
    public static Optional<FluxClusterInfo> read(Cluster cluster) {
        return FluxCrds.get(cluster, GIT_REPOSITORY_CRD).map(crd -> {
            Map<String, String> labels = Fields.labels(crd);
            Optional<String> name = nonBlank(labels.get("kustomize.toolkit.fluxcd.io/name"));
            Optional<String> namespace = nonBlank(labels.get("kustomize.toolkit.fluxcd.io/namespace"));
            Optional<String> bootstrap = name.isPresent() && namespace.isPresent()
                    ? Optional.of(namespace.get() + "/" + name.get()) : Optional.empty();
            return new FluxClusterInfo(nonBlank(labels.get("app.kubernetes.io/version")),
                    nonBlank(labels.get(FluxCrds.PART_OF_LABEL)), nonBlank(labels.get("app.kubernetes.io/managed-by")),
                    bootstrap);
        });
    }

    /** {@code flux-v2.8.0} ({@code partOf-version}), the version alone without part-of, empty without a version label. */
    public Optional<String> distribution() {
        if (version.isEmpty()) {
            return partOf;
        }
        return Optional.of(partOf.map(p -> p + "-" + version.get()).orElse(version.get()));
    }

    public boolean bootstrapped() {
        return bootstrapKustomization.isPresent();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
