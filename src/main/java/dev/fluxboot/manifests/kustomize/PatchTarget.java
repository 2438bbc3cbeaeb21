package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A kustomize patch {@code target} ({@code types.Selector}): group, version, kind, name and
 * namespace are regular expressions matched against the whole value (kustomize anchors them as
 * {@code ^(?:...)$}); name and namespace match the object's original or current ones; the label
 * and annotation selectors use the Kubernetes selector syntax. An empty field matches anything.
 */
final class PatchTarget {

    private final Map<String, String> fields;
    private final Pattern group;
    private final Pattern version;
    private final Pattern kind;
    private final Pattern name;
    private final Pattern namespace;
    private final LabelSelector labelSelector;
    private final LabelSelector annotationSelector;

    /** A target that is not valid; the message names the field and why. */
    static final class InvalidTargetException extends Exception {
        InvalidTargetException(String message) {
            super(message);
        }
    }

    /** @param fields the target's fields by name, all strings, only known ones */
    PatchTarget(Map<String, String> fields) throws InvalidTargetException {
        this.fields = new LinkedHashMap<>(fields);
        this.group = pattern("group");
        this.version = pattern("version");
        this.kind = pattern("kind");
        this.name = pattern("name");
        this.namespace = pattern("namespace");
        this.labelSelector = selector("labelSelector");
        this.annotationSelector = selector("annotationSelector");
    }

    String field(String field) {
        return fields.getOrDefault(field, "");
    }

    boolean matches(Resource resource) {
        return matches(namespace, resource.originalEffectiveNamespace(), resource.effectiveNamespace())
                && matches(name, resource.originalName(), resource.name())
                && matches(group, resource.group(), resource.group())
                && matches(version, resource.version(), resource.version())
                && matches(kind, resource.kind(), resource.kind())
                && (labelSelector == null || labelSelector.matches(stringMap(resource, "labels")))
                && (annotationSelector == null || annotationSelector.matches(stringMap(resource, "annotations")));
    }

    /** For messages: the fields that are set, {@code kind=Deployment, name=source-controller}. */
    String describe() {
        StringBuilder description = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getValue().isEmpty()) {
                description.append(description.length() == 0 ? "" : ", ")
                        .append(field.getKey()).append('=').append(field.getValue());
            }
        }
        return description.length() == 0 ? "every object" : description.toString();
    }

    private static boolean matches(Pattern pattern, String original, String current) {
        return pattern == null || pattern.matcher(original).matches() || pattern.matcher(current).matches();
    }

    private Pattern pattern(String field) throws InvalidTargetException {
        String value = field(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile("^(?:" + value + ")$");
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new InvalidTargetException("target " + field + " '" + value + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private LabelSelector selector(String field) throws InvalidTargetException {
        String value = field(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LabelSelector.parse(value);
        } catch (LabelSelector.InvalidSelectorException e) {
            throw new InvalidTargetException("target " + field + " " + e.getMessage());
        }
    }

    private static Map<String, String> stringMap(Resource resource, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> map = Nodes.map(resource.object(), "metadata", field);
        if (map != null) {
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                values.put(entry.getKey(), entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
            }
        }
        return values;
    }
}
