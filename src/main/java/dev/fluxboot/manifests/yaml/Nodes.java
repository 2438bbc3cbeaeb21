package dev.fluxboot.manifests.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML values (maps, lists, scalars) as {@link GoYaml} builds them. */
public final class Nodes {

    private Nodes() {
    }

    /** The map under {@code key}, or null when absent or not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent != null && parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The map at the path of keys, or null when any step is absent or not a map. */
    public static Map<String, Object> map(Map<String, Object> root, String... path) {
        Map<String, Object> current = root;
        for (String key : path) {
            current = map(current, key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /**
     * The map under {@code key}, created when absent or null (as kustomize's field specs with
     * {@code create: true} do). A value of another type is left alone: null is returned.
     */
    public static Map<String, Object> mapOrCreate(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            parent.put(key, created);
            return created;
        }
        return map(parent, key);
    }

    /** The map at the path of keys, creating every missing step; null if a step is not a map. */
    public static Map<String, Object> mapOrCreate(Map<String, Object> root, String... path) {
        Map<String, Object> current = root;
        for (String key : path) {
            current = mapOrCreate(current, key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The list under {@code key}, or null when absent or not a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> parent, String key) {
        return parent != null && parent.get(key) instanceof List<?> l ? (List<Object>) l : null;
    }

    /** The string under {@code key}, or "" when absent or not a string. */
    public static String string(Map<String, Object> parent, String key) {
        return parent != null && parent.get(key) instanceof String s ? s : "";
    }

    /** A list element as a map, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** A copy of a value: maps and lists are copied deeply, scalars are shared (immutable). */
    public static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put((String) entry.getKey(), deepCopy(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(deepCopy(element));
            }
            return copy;
        }
        return value;
    }
}
