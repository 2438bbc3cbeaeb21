package dev.fluxboot.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Flux CRDs each controller serves, so that {@code check} notices a CRD missing beside a
 * running controller (the Flux CLI only lists the CRDs that are there).
 */
final class FluxControllerCrds {

    private static final String SOURCE = ".source.toolkit.fluxcd.io";
    private static final String NOTIFICATION = ".notification.toolkit.fluxcd.io";
    private static final String IMAGE = ".image.toolkit.fluxcd.io";

    private static final Map<String, List<String>> CRDS = Map.of(
            "source-controller", List.of("buckets" + SOURCE, "gitrepositories" + SOURCE, "helmcharts" + SOURCE,
                    "helmrepositories" + SOURCE, "ocirepositories" + SOURCE),
            "kustomize-controller", List.of("kustomizations.kustomize.toolkit.fluxcd.io"),
            "helm-controller", List.of("helmreleases.helm.toolkit.fluxcd.io"),
            "notification-controller", List.of("alerts" + NOTIFICATION, "providers" + NOTIFICATION,
                    "receivers" + NOTIFICATION),
            "image-reflector-controller", List.of("imagepolicies" + IMAGE, "imagerepositories" + IMAGE),
            "image-automation-controller", List.of("imageupdateautomations" + IMAGE),
            "source-watcher", List.of("artifactgenerators.source.extensions.fluxcd.io"));

    /** ExternalArtifact came with Flux 2.7 (source-controller v1.7). */
    private static final String EXTERNAL_ARTIFACTS = "externalartifacts" + SOURCE;
    private static final int EXTERNAL_ARTIFACTS_SINCE_MINOR = 7;

    private FluxControllerCrds() {
    }

    /**
     * The CRDs the controller needs in Flux {@code fluxVersion}; empty for a Deployment that is no
     * known controller.
     */
    static List<String> of(String controller, Optional<String> fluxVersion) {
        List<String> crds = new ArrayList<>(CRDS.getOrDefault(controller, List.of()));
        if (controller.equals("source-controller") && fluxMinor(fluxVersion).orElse(0) >= EXTERNAL_ARTIFACTS_SINCE_MINOR) {
            crds.add(EXTERNAL_ARTIFACTS);
        }
        return crds;
    }

    private static Optional<Integer> fluxMinor(Optional<String> fluxVersion) {
        return fluxVersion.map(v -> v.startsWith("v") ? v.substring(1) : v)
                .filter(v -> v.matches("2\\.\\d+(\\..*)?"))
                .map(v -> Integer.parseInt(v.split("\\.")[1]));
    }
}
