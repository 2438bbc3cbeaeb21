package dev.fluxboot.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Flux CustomResourceDefinitions: which are Flux's, and which version of a kind to read and
 * write, taken from the installed CRD rather than fixed in the code, so that a Flux release that
 * moves a kind to a new version (notification's v1beta2 to v1beta3) is followed.
 */
final class FluxCrds {

    static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    static final Map<String, String> FLUX_SELECTOR = Map.of(PART_OF_LABEL, "flux");

    private FluxCrds() {
    }

    /** Every CRD labelled {@code app.kubernetes.io/part-of=flux}, by name. */
    static List<Map<String, Object>> list(Cluster cluster) {
        return cluster.list(ResourceType.CUSTOM_RESOURCE_DEFINITION, "", FLUX_SELECTOR).stream()
                .sorted((a, b) -> Fields.name(a).compareTo(Fields.name(b)))
                .toList();
    }

    /** The CRD named {@code plural.group}, if installed. */
    static Optional<Map<String, Object>> get(Cluster cluster, String name) {
        return cluster.get(ResourceType.CUSTOM_RESOURCE_DEFINITION, "", name);
    }

    /**
     * The kind a CRD defines, in the version the server stores it in (every stored object converts
     * to it without loss); the newest served version when none is marked as stored.
     */
    static ResourceType typeOf(Map<String, Object> crd) {
        String group = Fields.text(crd, "spec", "group").orElse("");
        String kind = Fields.text(crd, "spec", "names", "kind").orElse("");
        String plural = Fields.text(crd, "spec", "names", "plural").orElse("");
        String version = null;
        String lastServed = null;
        for (Object item : Fields.list(crd, "spec", "versions")) {
            if (item instanceof Map<?, ?> entry && Boolean.TRUE.equals(entry.get("served"))) {
                lastServed = String.valueOf(entry.get("name"));
                if (Boolean.TRUE.equals(entry.get("storage"))) {
                    version = lastServed;
                }
            }
        }
        return new ResourceType(group, version != null ? version : lastServed == null ? "v1" : lastServed, kind, plural);
    }
}
