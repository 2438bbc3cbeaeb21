package dev.fluxboot.manifests.migrate;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API versions of the Flux kinds one release serves, read from the CustomResourceDefinitions of its
 * bundle: for each group and kind, the versions served and the storage version (what {@code flux migrate}
 * calls the latest version).
 *
 * <p>The bundle's CRDs are a few megabytes of YAML, most of it schemas: {@link #of} reads the few fields it
 * needs line by line (the block style controller-gen and kustomize write), and parses a CRD as YAML only
 * when those lines do not give them.
 */
public final class FluxApiVersions {

    /**
     * The versions of one kind.
     *
     * @param served  the versions served, in the CRD's order
     * @param storage the storage version
     */
    public record KindVersions(List<String> served, String storage) {
        public KindVersions {
            served = List.copyOf(served);
        }
    }

    private static final Pattern KEY = Pattern.compile("^( *)(- +)?([A-Za-z]+):(?: +(.*?))?\\s*$");

    private final String release;
    private final Map<String, KindVersions> kinds;

    private FluxApiVersions(String release, Map<String, KindVersions> kinds) {
        this.release = release;
        this.kinds = kinds;
    }

    /** The versions of every CRD in the bundle's files. */
    public static FluxApiVersions of(Bundle bundle) {
        Map<String, KindVersions> kinds = new TreeMap<>();
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (!file.getValue().contains("CustomResourceDefinition")) {
                continue;
            }
            for (String document : documents(file.getValue())) {
                if (!isCrd(document)) {
                    continue;
                }
                Optional<Map.Entry<String, KindVersions>> read = readLines(document);
                if (read.isPresent()) {
                    kinds.put(read.get().getKey(), read.get().getValue());
                } else {
                    for (Map<String, Object> crd : parse(document, file.getKey(), bundle)) {
                        read(crd).ifPresent(entry -> kinds.put(entry.getKey(), entry.getValue()));
                    }
                }
            }
        }
        return new FluxApiVersions(bundle.version(), kinds);
    }

    /** As {@link #of}, every CRD parsed as YAML: what the line reading must agree with. */
    static FluxApiVersions parsing(Bundle bundle) {
        Map<String, KindVersions> kinds = new TreeMap<>();
        for (Map<String, Object> crd : crds(bundle)) {
            read(crd).ifPresent(entry -> kinds.put(entry.getKey(), entry.getValue()));
        }
        return new FluxApiVersions(bundle.version(), kinds);
    }

    /** The CustomResourceDefinitions in the bundle's files, parsed. */
    public static List<Map<String, Object>> crds(Bundle bundle) {
        List<Map<String, Object>> crds = new ArrayList<>();
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (file.getValue().contains("CustomResourceDefinition")) {
                crds.addAll(parse(file.getValue(), file.getKey(), bundle));
            }
        }
        return crds;
    }

    private static List<Map<String, Object>> parse(String text, String file, Bundle bundle) {
        List<Object> documents;
        try {
            documents = GoYaml.loadAll(text);
        } catch (RuntimeException e) {
            throw new FluxbootException(file + " of " + bundle.origin() + " is not valid YAML: " + e.getMessage(), e);
        }
        List<Map<String, Object>> crds = new ArrayList<>();
        for (Object document : documents) {
            Map<String, Object> object = Nodes.asMap(document);
            if (object != null && "CustomResourceDefinition".equals(object.get("kind"))) {
                crds.add(object);
            }
        }
        return crds;
    }

    private static Optional<Map.Entry<String, KindVersions>> read(Map<String, Object> crd) {
        Map<String, Object> spec = Nodes.map(crd, "spec");
        String group = Nodes.string(spec, "group");
        String kind = Nodes.string(Nodes.map(spec, "names"), "kind");
        List<String> served = new ArrayList<>();
        String storage = null;
        List<Object> versions = Nodes.list(spec, "versions");
        for (Object version : versions == null ? List.of() : versions) {
            Map<String, Object> entry = Nodes.asMap(version);
            if (entry == null) {
                continue;
            }
            if (Boolean.TRUE.equals(entry.get("served"))) {
                served.add(Nodes.string(entry, "name"));
            }
            if (Boolean.TRUE.equals(entry.get("storage"))) {
                storage = Nodes.string(entry, "name");
            }
        }
        return entry(group, kind, served, storage);
    }

    private static Optional<Map.Entry<String, KindVersions>> entry(String group, String kind, List<String> served,
                                                                  String storage) {
        if (group == null || group.isEmpty() || kind == null || kind.isEmpty() || storage == null) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(key(group, kind), new KindVersions(served, storage)));
    }

    /**
     * {@code spec.group}, {@code spec.names.kind} and each {@code spec.versions[]} entry's name, served and
     * storage, from block-style lines; empty when the lines do not give all of them plainly.
     */
    static Optional<Map.Entry<String, KindVersions>> readLines(String document) {
        String[] lines = document.split("\n", -1);
        int spec = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripTrailing().equals("spec:")) {
                spec = i;
                break;
            }
        }
        if (spec < 0) {
            return Optional.empty();
        }
        String group = null;
        String kind = null;
        String section = "";
        int childIndent = -1;
        int itemIndent = -1;
        int itemColumn = -1;
        List<String[]> versions = new ArrayList<>();
        for (int i = spec + 1; i < lines.length; i++) {
            String line = lines[i];
            int indent = indent(line);
            if (indent == line.length() || line.charAt(indent) == '#') {
                continue;
            }
            if (indent == 0) {
                break;
            }
            if (childIndent < 0) {
                childIndent = indent;
            }
            // most lines are schema, deeper than anything read here (a layout this misreads is parsed instead)
            if (section.equals("versions") ? itemColumn >= 0 && indent > itemColumn : indent > childIndent + 4) {
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                if (indent <= childIndent) {
                    return Optional.empty();
                }
                continue;
            }
            boolean item = key.group(2) != null;
            int column = indent + (item ? key.group(2).length() : 0);
            String name = key.group(3);
            String value = unquote(key.group(4));
            if (column == childIndent && !item) {
                section = name;
                if (name.equals("group")) {
                    group = value;
                }
                continue;
            }
            if (section.equals("names") && name.equals("kind") && kind == null) {
                kind = value;
            } else if (section.equals("versions")) {
                if (item && (itemIndent < 0 || indent == itemIndent)) {
                    itemIndent = indent;
                    itemColumn = column;
                    versions.add(new String[3]);
                }
                if (versions.isEmpty() || column != itemColumn) {
                    continue;
                }
                String[] version = versions.get(versions.size() - 1);
                switch (name) {
                    case "name" -> version[0] = value;
                    case "served" -> version[1] = value;
                    case "storage" -> version[2] = value;
                    default -> {
                    }
                }
            }
        }
        List<String> served = new ArrayList<>();
        String storage = null;
        for (String[] version : versions) {
            if (version[0] == null || !isBoolean(version[1]) || !isBoolean(version[2])) {
                return Optional.empty();
            }
            if (version[1].equals("true")) {
                served.add(version[0]);
            }
            if (version[2].equals("true")) {
                storage = version[0];
            }
        }
        return entry(group, kind, served, storage);
    }

    private static int indent(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    private static boolean isBoolean(String value) {
        return "true".equals(value) || "false".equals(value);
    }

    private static String unquote(String value) {
        if (value == null) {
            return null;
        }
        String plain = value.replaceFirst("\\s+#.*$", "");
        if (plain.length() >= 2 && (plain.startsWith("\"") && plain.endsWith("\"")
                || plain.startsWith("'") && plain.endsWith("'"))) {
            return plain.substring(1, plain.length() - 1);
        }
        return plain;
    }

    /** The documents of a multi-document text, split at the {@code ---} lines. */
    static List<String> documents(String text) {
        List<String> documents = new ArrayList<>();
        int start = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (text.startsWith("---", lineStart)) {
                String line = text.substring(lineStart, lineEnd).stripTrailing();
                if (line.equals("---") || line.startsWith("--- ")) {
                    documents.add(text.substring(start, lineStart));
                    start = Math.min(lineEnd + 1, text.length());
                }
            }
            lineStart = lineEnd + 1;
        }
        documents.add(text.substring(start));
        return documents;
    }

    static boolean isCrd(String document) {
        for (String kind : List.of("kind: CustomResourceDefinition", "kind: \"CustomResourceDefinition\"")) {
            int at = document.indexOf(kind);
            while (at >= 0) {
                int end = at + kind.length();
                boolean lineStart = at == 0 || document.charAt(at - 1) == '\n';
                boolean lineEnd = end == document.length() || document.charAt(end) == '\n' || document.charAt(end) == '\r'
                        || document.charAt(end) == ' ';
                if (lineStart && lineEnd) {
                    return true;
                }
                at = document.indexOf(kind, end);
            }
        }
        return false;
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }

    /** The release, e.g. {@code v2.9.4}. */
    public String release() {
        return release;
    }

    /** {@code group/Kind} to its versions, in name order. */
    public Map<String, KindVersions> kinds() {
        return Map.copyOf(kinds);
    }

    /** The version the release stores the kind in; empty for a kind that is not the release's. */
    public Optional<String> latest(String group, String kind) {
        return Optional.ofNullable(kinds.get(key(group, kind))).map(KindVersions::storage);
    }

    /** Whether the release serves {@code group/version} for the kind; true for a kind that is not the release's. */
    public boolean serves(String group, String version, String kind) {
        KindVersions versions = kinds.get(key(group, kind));
        return versions == null || versions.served().contains(version);
    }
}
