package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;

import java.util.Map;

/** Which object a manifest names: {@code apiVersion}, {@code kind}, namespace ("" if none) and name. */
record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    static ObjectRef of(Map<String, Object> object) {
        Map<String, Object> metadata = ManifestNormalizer.map(object.get("metadata"));
        String apiVersion = text(object.get("apiVersion"));
        String kind = text(object.get("kind"));
        String name = metadata == null ? "" : text(metadata.get("name"));
        String namespace = metadata == null ? "" : text(metadata.get("namespace"));
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            throw new FluxbootException("cannot apply an object without apiVersion, kind and metadata.name: "
                    + (kind.isEmpty() ? "(no kind)" : kind) + "/" + (name.isEmpty() ? "(no name)" : name));
        }
        return new ObjectRef(apiVersion, kind, namespace, name);
    }

    String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    boolean isCrd() {
        return "CustomResourceDefinition".equals(kind) && "apiextensions.k8s.io".equals(group());
    }

    /** CRDs and Namespaces go first, as Flux's staged apply does: other objects may need them. */
    boolean isClusterDefinition() {
        return "CustomResourceDefinition".equals(kind) || "Namespace".equals(kind) && group().isEmpty();
    }

    /** {@code Kind/namespace/name} or {@code Kind/name}. */
    String subject() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    ObjectChange change(ObjectChange.Action action) {
        return new ObjectChange(kind, namespace, name, action);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
