package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The field paths of replacements: kustomize's smarter path splitter ({@code a.b}, {@code [a.b]} for a
 * key with dots, {@code [k=a.b]} for a list element) and its path matcher, which finds (and with
 * create, makes) the places a value goes to.
 */
final class ReplacementPaths {

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

    private ReplacementPaths() {
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
                    if (isScalar(element) && pattern.matcher(ReplacementTransformer.text(element).strip()).find()) {
                        slots.add(new Slot(list, i));
                    }
                } else if (element instanceof Map<?, ?> map && isScalar(map.get(keyValue[0]))
                        && map.get(keyValue[0]) != null
                        && pattern.matcher(ReplacementTransformer.text(map.get(keyValue[0])).strip()).find()) {
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
