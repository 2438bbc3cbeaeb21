package dev.fluxboot.manifests.overlay;

import dev.fluxboot.manifests.kustomize.JsonPatch;
import dev.fluxboot.manifests.kustomize.Resource;
import dev.fluxboot.manifests.kustomize.StrategicMerge;
import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patches of Flux's install kustomization ({@code pkg/manifestgen/install}), applied in its
 * order:
 * <ol>
 *   <li>{@code node-selector.yaml}, a strategic merge on every Deployment: node selector
 *       {@code kubernetes.io/os: linux}, the image pull secret, tolerations (operator Exists)
 *       for the toleration keys;</li>
 *   <li>per component, a JSON patch on the apps/v1 Deployment of that name replacing the first
 *       arguments of its first container: events address, watch-all-namespaces, log level
 *       (notification-controller: only watch-all-namespaces and log level), and for
 *       source-controller and source-watcher the storage advertised address (argument 6); the
 *       addresses as the release wrote them ({@link OverlayRelease});</li>
 *   <li>with source-watcher, {@code --feature-gates=ExternalArtifact=true} appended to the
 *       arguments of kustomize-controller and helm-controller.</li>
 * </ol>
 * As in kustomize, a patch whose target matches no object does nothing, and an argument index
 * that does not exist fails the build.
 */
final class ControllerPatches {

    private static final String ARGS = "/spec/template/spec/containers/0/args/";

    private final InstallOptions options;
    private final OverlayRelease release;
    private final List<String> components;
    private final String origin;

    ControllerPatches(InstallOptions options, List<String> components, String origin) {
        this.options = options;
        this.release = OverlayRelease.of(options.version());
        this.components = components;
        this.origin = origin;
    }

    void apply(List<Resource> resources) {
        Map<String, Object> nodeSelectorPatch = nodeSelectorPatch();
        for (Resource resource : resources) {
            if (resource.kind().equals("Deployment")) {
                StrategicMerge.applyToDeployment(resource.object(), nodeSelectorPatch);
            }
        }
        for (String component : components) {
            JsonPatch patch = argumentsPatch(component);
            for (Resource resource : resources) {
                if (resource.isKind("apps", "Deployment") && resource.version().equals("v1") && named(resource, component)) {
                    apply(patch, resource);
                }
            }
        }
        if (components.contains("source-watcher")) {
            JsonPatch featureGate = JsonPatch.of(
                    JsonPatch.Operation.add(ARGS + "-", "--feature-gates=ExternalArtifact=true"));
            for (Resource resource : resources) {
                if (resource.kind().equals("Deployment")
                        && (named(resource, "kustomize-controller") || named(resource, "helm-controller"))) {
                    apply(featureGate, resource);
                }
            }
        }
    }

    /** Kustomize's patch target matches the original or the current name. */
    private static boolean named(Resource resource, String name) {
        return resource.originalName().equals(name) || resource.name().equals(name);
    }

    private void apply(JsonPatch patch, Resource resource) {
        try {
            resource.storePreviousId();
            patch.applyTo(resource.object());
        } catch (JsonPatch.PatchFailedException e) {
            throw new FluxbootException("install failed: cannot patch " + resource.describe() + " of " + origin
                    + " (" + e.getMessage() + "); its container arguments are not the ones Flux expects");
        }
    }

    Map<String, Object> nodeSelectorPatch() {
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("nodeSelector", new LinkedHashMap<>(Map.of("kubernetes.io/os", "linux")));
        if (!options.imagePullSecret().isEmpty()) {
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("name", options.imagePullSecret());
            podSpec.put("imagePullSecrets", new ArrayList<>(List.of(secret)));
        }
        if (!options.tolerationKeys().isEmpty()) {
            List<Object> tolerations = new ArrayList<>();
            for (String key : options.tolerationKeys()) {
                Map<String, Object> toleration = new LinkedHashMap<>();
                toleration.put("key", key);
                toleration.put("operator", "Exists");
                tolerations.add(toleration);
            }
            podSpec.put("tolerations", tolerations);
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("spec", podSpec);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("template", template);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("spec", spec);
        return patch;
    }

    JsonPatch argumentsPatch(String component) {
        String watchAll = "--watch-all-namespaces=" + options.watchAllNamespaces();
        String logLevel = "--log-level=" + options.logLevel();
        if (component.equals("notification-controller")) {
            return JsonPatch.of(
                    JsonPatch.Operation.replace(ARGS + "0", watchAll),
                    JsonPatch.Operation.replace(ARGS + "1", logLevel));
        }
        List<JsonPatch.Operation> operations = new ArrayList<>(4);
        operations.add(JsonPatch.Operation.replace(ARGS + "0", "--events-addr=" + eventsAddress()));
        operations.add(JsonPatch.Operation.replace(ARGS + "1", watchAll));
        operations.add(JsonPatch.Operation.replace(ARGS + "2", logLevel));
        if (component.equals("source-controller") || component.equals("source-watcher")) {
            operations.add(JsonPatch.Operation.replace(ARGS + "6", "--storage-adv-addr=" + release.storageService(component)
                    + ".$(RUNTIME_NAMESPACE).svc." + options.clusterDomain() + "."));
        }
        return new JsonPatch(operations);
    }

    /** Empty without notification-controller, as in Flux: the controllers then send no events. */
    private String eventsAddress() {
        if (!components.contains("notification-controller")) {
            return "";
        }
        String namespace = release.eventsAddressUsesRuntimeNamespace() ? "$(RUNTIME_NAMESPACE)" : options.namespace();
        return "http://notification-controller." + namespace + ".svc." + options.clusterDomain() + "./";
    }
}
