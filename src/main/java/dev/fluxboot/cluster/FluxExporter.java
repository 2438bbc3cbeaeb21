package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.manifests.yaml.GoYaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flux objects as {@code flux export} writes them: apiVersion, kind, metadata reduced to name,
 * namespace, labels and annotations, and the spec, with neither status nor server-set metadata,
 * so that applying the output to another cluster recreates the objects. The version written is
 * the one the installed CRD stores the kind in.
 */
public final class FluxExporter {

    /** kubectl's copy of the whole object: it belongs to the cluster it was applied to. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final Cluster cluster;

    public FluxExporter(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * The object {@code name} of {@code kind} in {@code namespace}, followed by its credentials
     * Secret when {@code withCredentials} and the kind has one.
     */
    public List<Map<String, Object>> exportOne(FluxKind kind, String namespace, String name, boolean withCredentials) {
        ResourceType type = typeOf(kind);
        Map<String, Object> object = cluster.get(type, namespace, name).orElseThrow(() -> new FluxbootException(
                kind.kind() + " \"" + name + "\" not found in namespace " + namespace));
        return export(type, kind, List.of(object), withCredentials);
    }

    /**
     * Every object of {@code kind} in {@code namespace} (empty: in every namespace), each followed
     * by its credentials Secret when asked (a Secret two objects share is written once).
     *
     * @throws FluxbootException when there is none
     */
    public List<Map<String, Object>> exportAll(FluxKind kind, Optional<String> namespace, boolean withCredentials) {
        ResourceType type = typeOf(kind);
        List<Map<String, Object>> objects = new ArrayList<>(cluster.list(type, namespace.orElse(""), Map.of()));
        if (objects.isEmpty()) {
            throw new FluxbootException("no " + kind.kind() + " objects found in "
                    + namespace.map(ns -> ns + " namespace").orElse("any namespace"));
        }
        objects.sort(Comparator.comparing(Fields::namespace).thenComparing(Fields::name));
        return export(type, kind, objects, withCredentials);
    }

    /** Each document after {@code ---}, in the Flux CLI's (go-yaml v2) form. */
    public static String toYaml(List<Map<String, Object>> documents) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> document : documents) {
            text.append("---\n").append(GoYaml.dump(document));
        }
        return text.toString();
    }

    private ResourceType typeOf(FluxKind kind) {
        Map<String, Object> crd = FluxCrds.get(cluster, kind.crd()).orElseThrow(() -> new FluxbootException(
                "cannot export " + kind.kind() + " objects: the cluster has no CustomResourceDefinition " + kind.crd()
                        + "; " + kind.missingCrdQuestion()));
        return FluxCrds.typeOf(crd);
    }

    private List<Map<String, Object>> export(ResourceType type, FluxKind kind, List<Map<String, Object>> objects,
                                             boolean withCredentials) {
        List<Map<String, Object>> documents = new ArrayList<>();
        Set<String> secretsWritten = new LinkedHashSet<>();
        for (Map<String, Object> object : objects) {
            documents.add(clean(type, object));
            if (withCredentials && kind.hasCredentials()) {
                Optional<String> secretName = Fields.text(object, "spec", "secretRef", "name");
                String namespace = Fields.namespace(object);
                if (secretName.isPresent() && secretsWritten.add(namespace + "/" + secretName.get())) {
                    documents.add(secret(namespace, secretName.get(), kind, Fields.name(object)));
                }
            }
        }
        return documents;
    }

    /** The object without status and without what the server set in its metadata. */
    static Map<String, Object> clean(ResourceType type, Map<String, Object> object) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Fields.name(object));
        metadata.put("namespace", Fields.namespace(object));
        Map<String, Object> labels = Fields.map(object, "metadata", "labels");
        if (!labels.isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(labels));
        }
        Map<String, Object> annotations = new LinkedHashMap<>(Fields.map(object, "metadata", "annotations"));
        annotations.remove(LAST_APPLIED);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> exported = new LinkedHashMap<>();
        exported.put("apiVersion", type.apiVersion());
        exported.put("kind", type.kind());
        exported.put("metadata", metadata);
        exported.put("spec", typedSpec(Fields.map(object, "spec")));
        return exported;
    }

    /**
     * A deep copy of the spec as the Flux CLI's typed objects write it: duration fields in Go's form,
     * defaulted {@code false} flags left out.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> typedSpec(Map<String, Object> spec) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(spec);
        for (List<String> path : FluxKind.DURATION_PATHS) {
            forEachParent(copy, path.subList(0, path.size() - 1), parent -> {
                String key = path.get(path.size() - 1);
                if (parent.get(key) instanceof String text) {
                    GoDuration.parse(text).ifPresent(duration -> parent.put(key, GoDuration.format(duration)));
                }
            });
        }
        for (List<String> path : FluxKind.OMITTED_WHEN_FALSE) {
            forEachParent(copy, path.subList(0, path.size() - 1), parent -> {
                if (Boolean.FALSE.equals(parent.get(path.get(path.size() - 1)))) {
                    parent.remove(path.get(path.size() - 1));
                }
            });
        }
        return copy;
    }

    /** Calls {@code action} with each map {@code path} leads to from {@code root}; {@code []} steps into every list item. */
    @SuppressWarnings("unchecked")
    private static void forEachParent(Object root, List<String> path, java.util.function.Consumer<Map<String, Object>> action) {
        if (path.isEmpty()) {
            if (root instanceof Map<?, ?> map) {
                action.accept((Map<String, Object>) map);
            }
            return;
        }
        List<String> rest = path.subList(1, path.size());
        if (path.get(0).equals("[]")) {
            if (root instanceof List<?> list) {
                list.forEach(item -> forEachParent(item, rest, action));
            }
        } else if (root instanceof Map<?, ?> map) {
            forEachParent(map.get(path.get(0)), rest, action);
        }
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

    /** The Secret as the Flux CLI exports it: name, namespace, data and type only. */
    private Map<String, Object> secret(String namespace, String name, FluxKind kind, String owner) {
        Map<String, Object> secret = cluster.get(ResourceType.SECRET, namespace, name).orElseThrow(() ->
                new FluxbootException("failed to retrieve secret " + namespace + "/" + name + " referenced by "
                        + kind.kind() + " " + namespace + "/" + owner + ": not found"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        Map<String, Object> exported = new LinkedHashMap<>();
        exported.put("apiVersion", "v1");
        exported.put("kind", "Secret");
        exported.put("metadata", metadata);
        Map<String, Object> data = Fields.map(secret, "data");
        if (!data.isEmpty()) {
            exported.put("data", new LinkedHashMap<>(data));
        }
        Fields.text(secret, "type").ifPresent(type -> exported.put("type", type));
        return exported;
    }
}
