package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kustomize's label and annotation transformers: every pair goes into the map at each field spec's
 * path (created where the spec says so), as strings. {@code commonLabels}, each {@code labels}
 * entry and {@code commonAnnotations} are one transformer each, with their own field specs.
 */
final class MetadataTransformer {

    private final Map<String, String> pairs;
    private final List<FieldSpec> specs;

    MetadataTransformer(Map<String, String> pairs, List<FieldSpec> specs) {
        this.pairs = new TreeMap<>(pairs);
        this.specs = List.copyOf(specs);
    }

    void apply(List<Resource> resources) {
        if (pairs.isEmpty()) {
            return;
        }
        for (Resource resource : resources) {
            for (FieldSpec spec : specs) {
                FieldSpecWalker.apply(resource, spec, FieldSpecWalker.Create.MAP, value -> put(resource, spec, value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object put(Resource resource, FieldSpec spec, Object value) {
        Map<String, Object> map;
        if (value == null) {
            map = new LinkedHashMap<>();
        } else if (value instanceof Map<?, ?> existing) {
            map = (Map<String, Object>) existing;
        } else {
            throw new FluxbootException("cannot set " + spec.path() + " in " + resource.describe()
                    + ": it is not a map of strings");
        }
        map.putAll(pairs);
        return map;
    }
}
