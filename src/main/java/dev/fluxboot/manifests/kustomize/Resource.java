package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object in a build, with the identities it had before transformers renamed or
 * moved it: what kustomize keeps in its resource ids, so that name references can follow a
 * renamed object and patch targets can still match by the original name.
 */
public final class Resource {

    /** {@link #effectiveNamespace()} of a cluster-scoped object (kustomize's "not a namespace"). */
    static final String CLUSTER = "~X";

    private final Map<String, Object> object;
    private final String originalName;
    private final String originalNamespace;
    private final List<String> previousNames = new ArrayList<>(2);

    public Resource(Map<String, Object> object) {
        this.object = object;
        this.originalName = name();
        this.originalNamespace = namespace();
    }

    public Map<String, Object> object() {
        return object;
    }

    public String apiVersion() {
        return Nodes.string(object, "apiVersion");
    }

    public String kind() {
        return Nodes.string(object, "kind");
    }

    /** The API group: "" for the core group ({@code apiVersion: v1}). */
    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    public String name() {
        return Nodes.string(Nodes.map(object, "metadata"), "name");
    }

    String namespace() {
        return Nodes.string(Nodes.map(object, "metadata"), "namespace");
    }

    void setName(String name) {
        Nodes.mapOrCreate(object, "metadata").put("name", name);
    }

    boolean isClusterScoped() {
        return ClusterScopedKinds.isClusterScoped(apiVersion(), kind());
    }

    /** The namespace as kustomize groups by it: "default" for none, {@link #CLUSTER} if cluster-scoped. */
    String effectiveNamespace() {
        return effective(namespace());
    }

    String originalEffectiveNamespace() {
        return effective(originalNamespace);
    }

    private String effective(String namespace) {
        if (isClusterScoped()) {
            return CLUSTER;
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    public String originalName() {
        return originalName;
    }

    /** Remembers the current name before a transformer changes the id (kustomize's StorePreviousId). */
    public void storePreviousId() {
        previousNames.add(name());
    }

    /** Whether the object was once called {@code name}; only ids stored before a change count. */
    boolean hadName(String name) {
        return previousNames.contains(name);
    }

    public boolean isKind(String group, String kind) {
        return kind().equals(kind) && group().equals(group);
    }

    /** Kustomize's resource id: group, version, kind, namespace (effective) and name. */
    String id() {
        return apiVersion() + " " + kind() + " " + effectiveNamespace() + "/" + name();
    }

    /** For messages: {@code Deployment/source-controller}. */
    public String describe() {
        return kind() + "/" + name();
    }
}
