package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 6902 JSON patch operations {@code add}, {@code replace}, {@code remove}, {@code move},
 * {@code copy} and {@code test} on parsed YAML values, failing where kustomize's JSON patch
 * library fails: a {@code replace} or {@code remove} of a key or index that does not exist, an
 * {@code add} beyond the end of a list or under a missing parent, a {@code from} that does not
 * exist, a {@code test} whose value differs. {@code /-} appends to a list.
 *
 * @param operations applied in order
 */
public record JsonPatch(List<Operation> operations) {

    /**
     * One operation: {@code op} is add, replace, remove, move, copy or test; {@code value} is
     * used by add, replace and test, {@code from} by move and copy.
     */
    public record Operation(String op, String path, Object value, String from) {

        Operation(String op, String path, Object value) {
            this(op, path, value, null);
        }

        public static Operation add(String path, Object value) {
            return new Operation("add", path, value);
        }

        public static Operation replace(String path, Object value) {
            return new Operation("replace", path, value);
        }

        static Operation remove(String path) {
            return new Operation("remove", path, null);
        }
    }

    /** A patch that cannot apply to the document; the message names the operation and path. */
    public static final class PatchFailedException extends RuntimeException {
        PatchFailedException(String message) {
            super(message);
        }
    }

    public JsonPatch {
        operations = List.copyOf(operations);
    }

    public static JsonPatch of(Operation... operations) {
        return new JsonPatch(List.of(operations));
    }

    public void applyTo(Map<String, Object> document) {
        for (Operation operation : operations) {
            apply(document, operation);
        }
    }

    private static void apply(Map<String, Object> document, Operation operation) {
        List<String> tokens = parsePointer(operation);
        if (tokens.isEmpty()) {
            throw failed(operation, "the whole document cannot be patched");
        }
        Object parent = document;
        for (int i = 0; i < tokens.size() - 1; i++) {
            parent = child(parent, tokens.get(i));
            if (parent == null) {
                throw failed(operation, "the document has no " + prefix(tokens, i + 1));
            }
        }
        String last = tokens.get(tokens.size() - 1);
        switch (operation.op()) {
            case "add" -> add(parent, last, Nodes.deepCopy(operation.value()), operation);
            case "replace" -> replace(parent, last, Nodes.deepCopy(operation.value()), operation);
            case "remove" -> remove(parent, last, operation);
            case "copy" -> add(parent, last, Nodes.deepCopy(valueAtFrom(document, operation)), operation);
            case "move" -> {
                Object value = valueAtFrom(document, operation);
                apply(document, new Operation("remove", operation.from(), null));
                apply(document, new Operation("add", operation.path(), value));
            }
            case "test" -> {
                if (!(parent instanceof Map<?, ?> || parent instanceof List<?>)
                        || !java.util.Objects.equals(child(parent, last), operation.value())
                        || (parent instanceof Map<?, ?> map && !map.containsKey(last))) {
                    throw failed(operation, "the value differs from the one tested");
                }
            }
            default -> throw failed(operation, "unsupported operation " + operation.op());
        }
    }

    /** The value at the operation's {@code from} pointer, which must exist. */
    private static Object valueAtFrom(Map<String, Object> document, Operation operation) {
        if (operation.from() == null) {
            throw failed(operation, "the operation has no from");
        }
        Object node = document;
        String from = operation.from();
        if (!from.isEmpty()) {
            if (from.charAt(0) != '/') {
                throw failed(operation, "a JSON pointer starts with /");
            }
            for (String token : from.substring(1).split("/", -1)) {
                String key = token.replace("~1", "/").replace("~0", "~");
                if (node instanceof Map<?, ?> map && !map.containsKey(key)) {
                    node = null;
                } else {
                    node = child(node, key);
                }
                if (node == null) {
                    throw failed(operation, "the document has no " + from);
                }
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object parent, String token, Object value, Operation operation) {
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(token, value);
        } else if (parent instanceof List<?> list) {
            List<Object> elements = (List<Object>) list;
            if (token.equals("-")) {
                elements.add(value);
            } else {
                int index = index(token, elements.size(), operation);
                elements.add(index, value);
            }
        } else {
            throw failed(operation, "the parent is not an object or array");
        }
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object parent, String token, Object value, Operation operation) {
        if (parent instanceof Map<?, ?> map) {
            if (!map.containsKey(token)) {
                throw failed(operation, "the document has no such key");
            }
            ((Map<String, Object>) map).put(token, value);
        } else if (parent instanceof List<?> list) {
            List<Object> elements = (List<Object>) list;
            elements.set(index(token, elements.size() - 1, operation), value);
        } else {
            throw failed(operation, "the parent is not an object or array");
        }
    }

    private static void remove(Object parent, String token, Operation operation) {
        if (parent instanceof Map<?, ?> map) {
            if (!map.containsKey(token)) {
                throw failed(operation, "the document has no such key");
            }
            map.remove(token);
        } else if (parent instanceof List<?> list) {
            list.remove(index(token, list.size() - 1, operation));
        } else {
            throw failed(operation, "the parent is not an object or array");
        }
    }

    /** The array index in the token, at most {@code max}. */
    private static int index(String token, int max, Operation operation) {
        int index = parseIndex(token);
        if (index < 0) {
            throw failed(operation, "'" + token + "' is not an array index");
        }
        if (index > max) {
            throw failed(operation, "index " + index + " is out of range, the array has "
                    + (operation.op().equals("add") ? max : max + 1) + " elements");
        }
        return index;
    }

    private static Object child(Object node, String token) {
        if (node instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (node instanceof List<?> list) {
            int index = parseIndex(token);
            return index >= 0 && index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    /** A JSON pointer array index (digits, no leading zero), or -1; no regex: this runs at start-up. */
    private static int parseIndex(String token) {
        int length = token.length();
        if (length == 0 || length > 9 || (length > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private static List<String> parsePointer(Operation operation) {
        String path = operation.path();
        if (path.isEmpty()) {
            return List.of();
        }
        if (path.charAt(0) != '/') {
            throw failed(operation, "a JSON pointer starts with /");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String prefix(List<String> tokens, int count) {
        return "/" + String.join("/", tokens.subList(0, count));
    }

    private static PatchFailedException failed(Operation operation, String reason) {
        return new PatchFailedException(operation.op() + " " + operation.path() + ": " + reason);
    }
}
