package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One kustomization file read and checked as kustomize reads it: a Kustomization
 * ({@code kustomize.config.k8s.io/v1beta1}) or a Component ({@code v1alpha1}), its fields known to
 * kustomize, and typed accessors whose messages name the file and the field. A field kustomize
 * supports and fluxboot's own build does not is an {@link UnsupportedKustomizeFieldException}.
 */
final class KustomizationFile {

    static final String KUSTOMIZATION_VERSION = "kustomize.config.k8s.io/v1beta1";
    static final String COMPONENT_VERSION = "kustomize.config.k8s.io/v1alpha1";

    /** The fields fluxboot builds itself. */
    static final Set<String> NATIVE = Set.of("apiVersion", "kind", "metadata", "resources", "bases", "components",
            "patchesStrategicMerge", "patches", "patchesJson6902", "namespace", "namePrefix", "nameSuffix",
            "commonLabels", "labels", "commonAnnotations", "images", "imageTags", "replicas", "replacements",
            "configMapGenerator", "secretGenerator", "generatorOptions");
    /** The fields kustomize supports that only a real kustomize builds. */
    static final Set<String> EXTERNAL = Set.of("openapi", "vars", "sortOptions", "crds", "helmGlobals", "helmCharts",
            "helmChartInflationGenerator", "configurations", "generators", "transformers", "validators",
            "buildMetadata");

    private final String file;
    private final Map<String, Object> fields;
    private final boolean component;

    private KustomizationFile(String file, Map<String, Object> fields, boolean component) {
        this.file = file;
        this.fields = fields;
        this.component = component;
    }

    /**
     * @param file the file as the user sees it in the repository, for messages
     */
    static KustomizationFile parse(String file, String text) {
        List<Object> documents;
        try {
            documents = GoYaml.loadAll(text);
        } catch (FluxbootException e) {
            throw new FluxbootException(file + ": " + e.getMessage());
        }
        if (documents.isEmpty() || documents.get(0) == null) {
            throw new FluxbootException(file + " is empty; list the resources to apply in it");
        }
        Map<String, Object> fields = Nodes.asMap(documents.get(0));
        if (fields == null) {
            throw new FluxbootException(file + " is not a Kustomization (its document is not an object)");
        }
        boolean empty = true;
        for (String field : fields.keySet()) {
            if (EXTERNAL.contains(field)) {
                throw new UnsupportedKustomizeFieldException(file, field);
            }
            if (!NATIVE.contains(field)) {
                if (knownIgnoringCase(field)) {
                    // kustomize reads field names ignoring case; fluxboot reads them as written
                    throw new UnsupportedKustomizeFieldException(file, field);
                }
                throw new FluxbootException(file + ": unknown field '" + field + "', kustomize refuses it too;"
                        + " check its spelling");
            }
            empty &= field.equals("apiVersion") || field.equals("kind");
        }
        if (empty) {
            throw new FluxbootException(file + " is empty; list the resources to apply in it");
        }
        KustomizationFile kustomization = new KustomizationFile(file, fields, false);
        String kind = kustomization.string("kind");
        if (!kind.isEmpty() && !kind.equals("Kustomization") && !kind.equals("Component")) {
            throw new FluxbootException(file + ": kind should be Kustomization or Component, not " + kind);
        }
        boolean component = kind.equals("Component");
        String apiVersion = kustomization.string("apiVersion");
        String required = component ? COMPONENT_VERSION : KUSTOMIZATION_VERSION;
        if (!apiVersion.isEmpty() && !apiVersion.equals(required)) {
            throw new FluxbootException(file + ": apiVersion for " + (component ? "Component" : "Kustomization")
                    + " should be " + required + ", not " + apiVersion);
        }
        return new KustomizationFile(file, fields, component);
    }

    private static boolean knownIgnoringCase(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        for (Set<String> known : List.of(NATIVE, EXTERNAL)) {
            for (String name : known) {
                if (name.toLowerCase(Locale.ROOT).equals(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    String file() {
        return file;
    }

    boolean isComponent() {
        return component;
    }

    boolean has(String field) {
        return fields.get(field) != null;
    }

    Object get(String field) {
        return fields.get(field);
    }

    String string(String field) {
        return string(file, fields, field);
    }

    List<Object> list(String field) {
        return list(file, fields, field);
    }

    /** A list of strings, as {@code resources:}. */
    List<String> strings(String field) {
        return strings(file, fields, field);
    }

    Map<String, String> stringMap(String field) {
        return stringMap(file, fields, field);
    }

    // Typed readers shared by the parts of a kustomization; "where" names the file and the entry.

    static String string(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new FluxbootException(where + ": " + field + " must be a string, not a "
                    + (value instanceof Map<?, ?> ? "map" : "list") + (field.equals("patch")
                    ? "; write the patch as a block string (patch: |)" : ""));
        }
        if (!(value instanceof String text)) {
            throw new FluxbootException(where + ": " + field + " must be a string, not " + value + "; quote it");
        }
        return text;
    }

    static List<Object> list(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new FluxbootException(where + ": " + field + " is not a list");
        }
        return new ArrayList<>(list);
    }

    static List<String> strings(String where, Map<String, Object> map, String field) {
        List<String> strings = new ArrayList<>();
        List<Object> values = list(where, map, field);
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String text)) {
                throw new FluxbootException(where + ": " + field + "[" + i + "] must be a string"
                        + (values.get(i) instanceof Map<?, ?> || values.get(i) instanceof List<?> ? "" : "; quote it"));
            }
            strings.add(text);
        }
        return strings;
    }

    /** A map of strings (labels, annotations); kustomize refuses numbers and booleans there, so does fluxboot. */
    static Map<String, String> stringMap(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> entries = Nodes.asMap(value);
        if (entries == null) {
            throw new FluxbootException(where + ": " + field + " must be a map of strings");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            Object text = entry.getValue();
            if (text == null) {
                text = "";
            }
            if (!(text instanceof String)) {
                throw new FluxbootException(where + ": " + field + "." + entry.getKey() + " must be a string;"
                        + " quote it");
            }
            strings.put(entry.getKey(), (String) text);
        }
        return strings;
    }

    static boolean bool(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new FluxbootException(where + ": " + field + " must be true or false");
        }
        return flag;
    }

    static long integer(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Long number)) {
            throw new FluxbootException(where + ": " + field + " must be a whole number");
        }
        return number;
    }

    static Map<String, Object> object(String where, Object value, String what) {
        Map<String, Object> map = Nodes.asMap(value);
        if (map == null) {
            throw new FluxbootException(where + " is not an object with " + what);
        }
        return map;
    }

    static void checkKeys(String where, Map<String, Object> map, Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new FluxbootException(where + ": unknown field '" + key + "', kustomize refuses it too;"
                        + " the fields are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
