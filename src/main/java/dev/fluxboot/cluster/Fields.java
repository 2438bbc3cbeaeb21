package dev.fluxboot.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads nested fields of objects as the generic {@link Cluster} methods return them (maps and lists). */
final class Fields {

    private Fields() {
    }

    /** The map at {@code path}; empty when a step is missing or not a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> object, String... path) {
        Object value = object;
        for (String key : path) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The list at {@code path}; empty when missing. */
    static List<Object> list(Map<String, Object> object, String... path) {
        String[] parent = java.util.Arrays.copyOf(path, path.length - 1);
        Object value = map(object, parent).get(path[path.length - 1]);
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    /** The text at {@code path}; empty when missing or blank. */
    static Optional<String> text(Map<String, Object> object, String... path) {
        String[] parent = java.util.Arrays.copyOf(path, path.length - 1);
        Object value = map(object, parent).get(path[path.length - 1]);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    static String name(Map<String, Object> object) {
        return text(object, "metadata", "name").orElse("");
    }

    static String namespace(Map<String, Object> object) {
        return text(object, "metadata", "namespace").orElse("");
    }

    /** The object's labels as text. */
    static Map<String, String> labels(Map<String, Object> object) {
        Map<String, String> labels = new LinkedHashMap<>();
        map(object, "metadata", "labels").forEach((key, value) -> labels.put(key, String.valueOf(value)));
        return labels;
    }
}
