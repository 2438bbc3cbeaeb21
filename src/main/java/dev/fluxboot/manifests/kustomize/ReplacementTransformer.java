package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A kustomization's {@code replacements:}, as kustomize's replacement transformer applies them, in
 * order: the value at the source's field path (one object, selected by exact group, version,
 * kind, name and namespace among current and previous ids; optionally one part of it cut at a
 * delimiter) is copied to every field path of every selected, not rejected, target.
 *
 * <p>Source paths are looked up as kustomize's path getter does ({@code a.b}, {@code [k=v]} for the
 * list element whose field equals v, a list index, {@code [a.b]} for a key with dots); target
 * paths as its path matcher ({@link ReplacementPaths}: {@code *} for every element, {@code [k=v]} for
 * elements whose field matches the regular expression v anywhere, a list index; created when
 * {@code options.create}). A
 * scalar target keeps its type where the copied text allows it; a map or list target is replaced.
 * Messages never show the copied value.
 */
final class ReplacementTransformer {

    /** Selects objects: exact fields ("" matches any), and label and annotation selectors. */
    record Selector(String group, String version, String kind, String name, String namespace,
                    String labelSelector, String annotationSelector) {

        boolean hasId() {
            return !(group.isEmpty() && version.isEmpty() && kind.isEmpty() && name.isEmpty() && namespace.isEmpty());
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            for (String[] field : new String[][] {{"group", group}, {"version", version}, {"kind", kind},
                    {"name", name}, {"namespace", namespace}, {"labelSelector", labelSelector},
                    {"annotationSelector", annotationSelector}}) {
                if (!field[1].isEmpty()) {
                    parts.add(field[0] + "=" + field[1]);
                }
            }
            return parts.isEmpty() ? "every object" : String.join(", ", parts);
        }
    }

    /** {@code options}: a delimiter and the index of the part, and whether targets are created. */
    record Options(String delimiter, int index, boolean create) {
        static final Options NONE = new Options("", 0, false);
    }

    record Target(Selector select, List<Selector> reject, List<String> fieldPaths, Options options) {
    }

    record Replacement(String where, Selector source, String fieldPath, Options sourceOptions, List<Target> targets) {
    }

    private final List<Replacement> replacements;

    ReplacementTransformer(List<Replacement> replacements) {
        this.replacements = List.copyOf(replacements);
    }

    void apply(List<Resource> resources) {
        for (Replacement replacement : replacements) {
            Object value = sourceValue(replacement, resources);
            for (Target target : replacement.targets()) {
                for (Resource resource : resources) {
                    if (selected(resource, target)) {
                        copy(replacement, target, resource, value);
                    }
                }
            }
        }
    }

    private static Object sourceValue(Replacement replacement, List<Resource> resources) {
        Resource source = null;
        for (Resource resource : resources) {
            if (anyIdSelected(resource, replacement.source())) {
                if (source != null) {
                    throw new FluxbootException(replacement.where() + ": the source (" + replacement.source().describe()
                            + ") selects more than one object; narrow it down");
                }
                source = resource;
            }
        }
        if (source == null) {
            throw new FluxbootException(replacement.where() + ": the source (" + replacement.source().describe()
                    + ") selects no object; fix its kind or name");
        }
        Object value = lookup(replacement, source.object(), ReplacementPaths.split(replacement.fieldPath()));
        if (value == null || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof List<?> list && list.isEmpty())) {
            throw new FluxbootException(replacement.where() + ": the source " + source.describe() + " has no "
                    + replacement.fieldPath() + "; fix the fieldPath");
        }
        Options options = replacement.sourceOptions();
        if (options.delimiter().isEmpty()) {
            return value;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new FluxbootException(replacement.where() + ": options.delimiter needs a source that is a"
                    + " single value, and " + replacement.fieldPath() + " is not");
        }
        String[] parts = text(value).split(Pattern.quote(options.delimiter()), -1);
        if (options.index() < 0 || options.index() >= parts.length) {
            throw new FluxbootException(replacement.where() + ": options.index " + options.index()
                    + " is out of bounds: the source value has " + parts.length + " parts");
        }
        return parts[options.index()];
    }

    /** Kustomize's path getter: no wildcard, exact [k=v], an index, or a field. */
    private static Object lookup(Replacement replacement, Object node, List<String> path) {
        Object current = node;
        for (String part : path) {
            if (current == null) {
                return null;
            }
            if (part.equals("*")) {
                throw new FluxbootException(replacement.where() + ": the source fieldPath cannot use *;"
                        + " name one field");
            }
            if (ReplacementPaths.isIndex(part) || part.equals("-")) {
                if (!(current instanceof List<?> list) || list.isEmpty()) {
                    return null;
                }
                int index = part.equals("-") ? list.size() - 1 : Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else if (ReplacementPaths.isListMatch(part)) {
                String[] keyValue = ReplacementPaths.keyValue(replacement.where(), part);
                if (!(current instanceof List<?> list)) {
                    return null;
                }
                Object found = null;
                for (Object element : list) {
                    Object compared = keyValue[0].isEmpty() ? element
                            : element instanceof Map<?, ?> map ? map.get(keyValue[0]) : null;
                    if (compared != null && !(compared instanceof Map<?, ?>) && !(compared instanceof List<?>)
                            && text(compared).equals(keyValue[1])) {
                        found = element;
                        break;
                    }
                }
                current = found;
            } else {
                current = current instanceof Map<?, ?> map ? map.get(part) : null;
            }
        }
        return current;
    }

    private static boolean selected(Resource resource, Target target) {
        if (!labelsAndAnnotationsMatch(resource, target.select())) {
            return false;
        }
        for (Selector reject : target.reject()) {
            boolean bySelectors = !reject.labelSelector().isEmpty() || !reject.annotationSelector().isEmpty();
            if (bySelectors && labelsAndAnnotationsMatch(resource, reject)) {
                return false;
            }
        }
        if (!anyIdSelected(resource, target.select())) {
            return false;
        }
        for (Selector reject : target.reject()) {
            if (reject.hasId() && anyIdSelected(resource, reject)) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelsAndAnnotationsMatch(Resource resource, Selector selector) {
        return matches(selector.labelSelector(), resource, "labels")
                && matches(selector.annotationSelector(), resource, "annotations");
    }

    private static boolean matches(String selector, Resource resource, String field) {
        if (selector.isEmpty()) {
            return true;
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Object> map = Nodes.map(resource.object(), "metadata", field);
            if (map != null) {
                map.forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
            }
            return LabelSelector.parse(selector).matches(values);
        } catch (LabelSelector.InvalidSelectorException e) {
            throw new FluxbootException("replacements: " + e.getMessage());
        }
    }

    /** Kustomize's IsSelectedBy over the current id and the stored ones. */
    private static boolean anyIdSelected(Resource resource, Selector selector) {
        if (idSelected(resource, resource.kind(), resource.name(), resource.effectiveNamespace(), selector)) {
            return true;
        }
        for (Resource.PreviousId id : resource.previousIds()) {
            if (idSelected(resource, id.kind(), id.name(), id.namespace(), selector)) {
                return true;
            }
        }
        return false;
    }

    private static boolean idSelected(Resource resource, String kind, String name, String effectiveNamespace,
                                      Selector selector) {
        if (!selector.name().isEmpty() && !selector.name().equals(name)) {
            return false;
        }
        if (!selector.namespace().isEmpty()) {
            String wanted = ClusterScopedKinds.isClusterScoped(apiVersion(selector), selector.kind()) ? Resource.CLUSTER
                    : selector.namespace().equals(Resource.DEFAULT_NAMESPACE) ? Resource.DEFAULT_NAMESPACE
                    : selector.namespace();
            if (!wanted.equals(effectiveNamespace)) {
                return false;
            }
        }
        return (selector.group().isEmpty() || selector.group().equals(resource.group()))
                && (selector.version().isEmpty() || selector.version().equals(resource.version()))
                && (selector.kind().isEmpty() || selector.kind().equals(kind));
    }

    private static String apiVersion(Selector selector) {
        return selector.group().isEmpty() ? selector.version() : selector.group() + "/" + selector.version();
    }

    private static void copy(Replacement replacement, Target target, Resource resource, Object value) {
        for (String fieldPath : target.fieldPaths()) {
            List<String> path = ReplacementPaths.split(fieldPath);
            Object createKind = target.options().create() ? value : null;
            List<ReplacementPaths.Slot> slots = new ArrayList<>();
            ReplacementPaths.match(replacement.where(), resource.object(), null, path, 0, createKind, slots);
            if (slots.isEmpty()) {
                throw new FluxbootException(replacement.where() + ": " + resource.describe() + " has no "
                        + fieldPath + (target.options().create() ? " and it cannot be created" : "")
                        + "; fix the target's fieldPaths or set options.create: true");
            }
            for (ReplacementPaths.Slot slot : slots) {
                slot.set(newValue(replacement, target.options(), slot.get(), value));
            }
        }
    }

    private static Object newValue(Replacement replacement, Options options, Object current, Object value) {
        Object copied = Nodes.deepCopy(value);
        boolean scalarTarget = !(current instanceof Map<?, ?>) && !(current instanceof List<?>);
        if (!options.delimiter().isEmpty()) {
            if (!scalarTarget) {
                throw new FluxbootException(replacement.where() + ": options.delimiter needs targets that are"
                        + " single values");
            }
            List<String> parts = new ArrayList<>(List.of(
                    (current == null ? "" : text(current)).split(Pattern.quote(options.delimiter()), -1)));
            String part = text(copied);
            if (options.index() < 0) {
                parts.add(0, part);
            } else if (options.index() >= parts.size()) {
                parts.add(part);
            } else {
                parts.set(options.index(), part);
            }
            copied = String.join(options.delimiter(), parts);
        }
        if (!scalarTarget) {
            return copied;
        }
        String text = copied instanceof Map<?, ?> || copied instanceof List<?> ? "" : text(copied);
        if (current instanceof String) {
            return text;
        }
        return resolvePlain(text);
    }

    /** A plain scalar's value as YAML reads it, for a target without a string type. */
    private static Object resolvePlain(String text) {
        if (!text.matches("[-+0-9A-Za-z._]+")) {
            return text;
        }
        try {
            List<Object> documents = GoYaml.loadAll(text);
            Object value = documents.isEmpty() ? null : documents.get(0);
            return value instanceof Map<?, ?> || value instanceof List<?> || value == null ? text : value;
        } catch (FluxbootException e) {
            return text;
        }
    }

    static String text(Object scalar) {
        if (scalar == null) {
            return "";
        }
        if (scalar instanceof Double number) {
            return GoJson.write(number);
        }
        return String.valueOf(scalar);
    }
}
