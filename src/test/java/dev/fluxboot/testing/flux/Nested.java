package dev.fluxboot.testing.flux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and copies the nested maps and lists of unstructured Kubernetes objects. */
final class Nested {

    private Nested() {
    }

    /** The value at {@code path} (map keys), if every step is a map that has the key. */
    static Optional<Object> get(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Optional<String> string(Object root, String... path) {
        return get(root, path).map(String::valueOf).filter(s -> !s.isEmpty());
    }

    static Optional<Long> number(Object root, String... path) {
        return get(root, path).filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }

    static boolean isTrue(Object root, String... path) {
        return get(root, path).map(v -> Boolean.TRUE.equals(v) || "true".equals(v)).orElse(false);
    }

    /** A deep, mutable copy of a map ({@code null} gives an empty map). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Object map) {
        if (!(map instanceof Map<?, ?>)) {
            return new LinkedHashMap<>();
        }
        return (Map<String, Object>) deepCopy(map);
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    /**
     * Whether two JSON-like values are the same document: key order and the Java type of whole
     * numbers (the API server's answer has Integers where a controller wrote Longs) do not count.
     */
    static boolean sameDocument(Object a, Object b) {
        return canonical(a).equals(canonical(b));
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    sorted.put(String.valueOf(key), canonical(item));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Nested::canonical).toList();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value == null ? "" : value;
    }
}
