package dev.fluxboot.manifests.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * A kustomize field spec: a slash-separated path ({@code spec/selector/matchLabels}; {@code \/}
 * escapes a slash in a key; a sequence is walked into element by element) in the objects of a
 * group, version and kind ("" matches any), and whether the transformer creates the path where
 * it is missing.
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

    static FieldSpec any(String path, boolean create) {
        return new FieldSpec("", "", "", path, create);
    }

    static FieldSpec ofKind(String kind, String path, boolean create) {
        return new FieldSpec("", "", kind, path, create);
    }

    /** Whether the spec applies to objects of this group, version and kind. */
    boolean selects(String objectGroup, String objectVersion, String objectKind) {
        return (group.isEmpty() || group.equals(objectGroup))
                && (version.isEmpty() || version.equals(objectVersion))
                && (kind.isEmpty() || kind.equals(objectKind));
    }

    boolean selects(Resource resource) {
        return selects(resource.group(), resource.version(), resource.kind());
    }

    /** The path's elements, as kustomize's path splitter cuts it. */
    List<String> elements() {
        return split(path, '/');
    }

    /**
     * Kustomize's {@code PathSplitter}: cut at the delimiter, except where the previous piece
     * ends with a backslash (which is dropped); a leading delimiter is ignored.
     */
    static List<String> split(String path, char delimiter) {
        String[] pieces = path.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        int start = pieces.length > 1 && pieces[0].isEmpty() ? 1 : 0;
        List<String> elements = new ArrayList<>();
        elements.add(pieces[start]);
        for (int i = start + 1; i < pieces.length; i++) {
            int last = elements.size() - 1;
            if (elements.get(last).endsWith("\\")) {
                String previous = elements.get(last);
                elements.set(last, previous.substring(0, previous.length() - 1) + delimiter + pieces[i]);
            } else {
                elements.add(pieces[i]);
            }
        }
        return elements;
    }

    /**
     * Kustomize's {@code FsSlice.MergeAll}: the specs of {@code more} that are not already in
     * {@code specs} (same path, and a group, version and kind that {@code more}'s spec selects).
     *
     * @throws ConflictException when a spec is there with the other {@code create}
     */
    static List<FieldSpec> merge(List<FieldSpec> specs, List<FieldSpec> more) throws ConflictException {
        List<FieldSpec> merged = new ArrayList<>(specs);
        for (FieldSpec spec : more) {
            FieldSpec present = null;
            for (FieldSpec existing : merged) {
                if (existing.path.equals(spec.path) && spec.selects(existing.group, existing.version, existing.kind)) {
                    present = existing;
                    break;
                }
            }
            if (present == null) {
                merged.add(spec);
            } else if (present.create != spec.create) {
                throw new ConflictException(spec.path);
            }
        }
        return merged;
    }

    /** Two field specs for one path, one creating it and one not. */
    static final class ConflictException extends Exception {
        ConflictException(String path) {
            super("conflicting field specs for " + path + " (one with create: true, one without)");
        }
    }
}
