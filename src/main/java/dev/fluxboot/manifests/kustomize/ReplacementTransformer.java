package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A kustomization's {@code replacements:}, as kustomize's replacement transformer applies them, in
 * order: the value at the source's field path (one object, selected by exact group, version,
 * kind, name and namespace among current and previous ids; optionally one part of it cut at a
 * delimiter) is copied to every field path of every selected, not rejected, target.
 *
 * <p>Source paths are looked up as kustomize's path getter does ({@code a.b}, {@code [k=v]} for the
 * list element whose field equals v, a list index, {@code [a.b]} for a key with dots); target
 * paths as its path matcher ({@code *} for every element, {@code [k=v]} for elements whose field
 * matches the regular expression v anywhere, a list index; created when {@code options.create}). A
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
        Object value = lookup(replacement, source.object(), FieldPaths.split(replacement.fieldPath()));
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
            if (FieldPaths.isIndex(part) || part.equals("-")) {
                if (!(current instanceof List<?> list) || list.isEmpty()) {
                    return null;
                }
                int index = part.equals("-") ? list.size() - 1 : Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else if (FieldPaths.isListMatch(part)) {
                String[] keyValue = FieldPaths.keyValue(replacement.where(), part);
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
            List<String> path = FieldPaths.split(fieldPath);
            Object createKind = target.options().create() ? value : null;
            List<FieldPaths.Slot> slots = new ArrayList<>();
            FieldPaths.match(replacement.where(), resource.object(), null, path, 0, createKind, slots);
            if (slots.isEmpty()) {
                throw new FluxbootException(replacement.where() + ": " + resource.describe() + " has no "
                        + fieldPath + (target.options().create() ? " and it cannot be created" : "")
                        + "; fix the target's fieldPaths or set options.create: true");
            }
            for (FieldPaths.Slot slot : slots) {
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

    /** Paths of replacements: kustomize's smarter path splitter and its path matcher. */
    static final class FieldPaths {

        /** Where a matched value is: a key of a map or an index of a list. */
        record Slot(Object container, Object key) {

            @SuppressWarnings("unchecked")
            Object get() {
                return container instanceof Map<?, ?> map ? map.get(key) : ((List<Object>) container).get((Integer) key);
            }

            @SuppressWarnings("unchecked")
            void set(Object value) {
                if (container instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put((String) key, value);
                } else {
                    ((List<Object>) container).set((Integer) key, value);
                }
            }
        }

        private FieldPaths() {
        }

        /** Kustomize's SmarterPathSplitter on dots: {@code [a.b]} is one key, {@code [k=a.b]} one element match. */
        static List<String> split(String path) {
            List<String> pieces = FieldSpec.split(path, '.');
            List<String> result = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                if (piece.startsWith("[") && !piece.endsWith("]")) {
                    StringBuilder bracketed = new StringBuilder(piece);
                    while (i < pieces.size() - 1) {
                        i++;
                        bracketed.append('.').append(pieces.get(i));
                        if (pieces.get(i).endsWith("]")) {
                            break;
                        }
                    }
                    String joined = bracketed.toString();
                    result.add(joined.contains("=") ? joined : trimBrackets(joined));
                } else {
                    result.add(piece);
                }
            }
            return result;
        }

        private static String trimBrackets(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && (text.charAt(start) == '[' || text.charAt(start) == ']')) {
                start++;
            }
            while (end > start && (text.charAt(end - 1) == '[' || text.charAt(end - 1) == ']')) {
                end--;
            }
            return text.substring(start, end);
        }

        static boolean isIndex(String part) {
            return part.matches("[0-9]+");
        }

        static boolean isListMatch(String part) {
            return part.startsWith("[") && part.endsWith("]");
        }

        static String[] keyValue(String where, String part) {
            String inner = part.substring(1, part.length() - 1);
            int equals = inner.indexOf('=');
            if (equals < 0) {
                throw new FluxbootException(where + ": path element " + part + " must be [field=value]");
            }
            return new String[] {inner.substring(0, equals), inner.substring(equals + 1)};
        }

        /**
         * Kustomize's PathMatcher: collects the slots the path reaches from {@code node} (held by
         * {@code holder}); with {@code created} (the value to copy) missing parts are made.
         */
        @SuppressWarnings("unchecked")
        static void match(String where, Object node, Slot holder, List<String> path, int index, Object created,
                          List<Slot> slots) {
            if (index == path.size()) {
                if (holder != null) {
                    slots.add(holder);
                }
                return;
            }
            String part = path.get(index);
            boolean create = created != null;
            if (isIndex(part)) {
                if (!(node instanceof List<?>)) {
                    return;
                }
                List<Object> list = (List<Object>) node;
                int position = Integer.parseInt(part);
                if (position == list.size() && create) {
                    list.add(emptyFor(path, index + 1, created));
                }
                if (position >= list.size()) {
                    throw new FluxbootException(where + ": index " + position + " in a target path, but the list has "
                            + list.size() + " elements");
                }
                match(where, list.get(position), new Slot(list, position), path, index + 1, created, slots);
            } else if (isListMatch(part)) {
                if (!(node instanceof List<?>)) {
                    return;
                }
                List<Object> list = (List<Object>) node;
                String[] keyValue = keyValue(where, part);
                Pattern pattern = pattern(where, keyValue[1]);
                int before = slots.size();
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    if (keyValue[0].isEmpty()) {
                        if (isScalar(element) && pattern.matcher(text(element).strip()).find()) {
                            slots.add(new Slot(list, i));
                        }
                    } else if (element instanceof Map<?, ?> map && isScalar(map.get(keyValue[0]))
                            && map.get(keyValue[0]) != null
                            && pattern.matcher(text(map.get(keyValue[0])).strip()).find()) {
                        match(where, element, new Slot(list, i), path, index + 1, created, slots);
                    }
                }
                // As kustomize: nothing found, so add the element and look at it (kustomize looks at
                // them all again, and loops on a pattern that does not match its own text).
                if (create && slots.size() == before) {
                    Object element;
                    if (keyValue[0].isEmpty()) {
                        element = keyValue[1];
                    } else {
                        Map<String, Object> map = new LinkedHashMap<>();
                        map.put(keyValue[0], keyValue[1]);
                        element = map;
                    }
                    list.add(element);
                    if (pattern.matcher(keyValue[1]).find()) {
                        Slot slot = new Slot(list, list.size() - 1);
                        if (keyValue[0].isEmpty()) {
                            slots.add(slot);
                        } else {
                            match(where, element, slot, path, index + 1, created, slots);
                        }
                    }
                }
            } else if (part.equals("*")) {
                if (node instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        match(where, list.get(i), new Slot(list, i), path, index + 1, created, slots);
                    }
                }
            } else {
                if (!(node instanceof Map<?, ?>)) {
                    return;
                }
                Map<String, Object> map = (Map<String, Object>) node;
                if (!map.containsKey(part)) {
                    if (!create) {
                        return;
                    }
                    map.put(part, emptyFor(path, index + 1, created));
                }
                match(where, map.get(part), new Slot(map, part), path, index + 1, created, slots);
            }
        }

        /** What a created part is: a list before an index or [k=v], the value's kind at the end, else a map. */
        private static Object emptyFor(List<String> path, int next, Object value) {
            if (next < path.size()) {
                String part = path.get(next);
                return isIndex(part) || isListMatch(part) ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            }
            if (value instanceof Map<?, ?>) {
                return new LinkedHashMap<String, Object>();
            }
            return value instanceof List<?> ? new ArrayList<>() : null;
        }

        private static boolean isScalar(Object value) {
            return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
        }

        private static Pattern pattern(String where, String regex) {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new FluxbootException(where + ": '" + regex + "' in a target path is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }
}
