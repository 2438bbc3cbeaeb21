package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object in a build, with what kustomize keeps beside it in its build annotations:
 * the identities it had before transformers renamed, moved or re-kinded it (so that name
 * references can follow it and patch targets still match its original name), the name prefixes
 * and suffixes it received, and, for a generated ConfigMap or Secret, its generator behavior
 * and whether its name takes a content hash.
 */
public final class Resource {

    /** {@link #effectiveNamespace()} of a cluster-scoped object (kustomize's "not a namespace"). */
    static final String CLUSTER = "~X";
    static final String DEFAULT_NAMESPACE = "default";

    /** An identity the object had: kind, name and effective namespace (group and version are the current ones). */
    record PreviousId(String kind, String name, String namespace) {
    }

    private final Map<String, Object> object;
    private final List<PreviousId> previousIds = new ArrayList<>(2);
    private final List<String> prefixes = new ArrayList<>(1);
    private final List<String> suffixes = new ArrayList<>(1);
    /** The generator's behavior (create, replace, merge or "") for a generated object; null otherwise. */
    private String behavior;
    private boolean needsHashSuffix;

    public Resource(Map<String, Object> object) {
        this.object = object;
    }

    /** A generated ConfigMap or Secret. */
    static Resource generated(Map<String, Object> object, String behavior, boolean needsHashSuffix) {
        Resource resource = new Resource(object);
        resource.behavior = behavior;
        resource.needsHashSuffix = needsHashSuffix;
        return resource;
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

    private String effective(String namespace) {
        if (isClusterScoped()) {
            return CLUSTER;
        }
        return namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
    }

    /** The name of kustomize's original id: the first stored one, else the current. */
    public String originalName() {
        return previousIds.isEmpty() ? name() : previousIds.get(0).name();
    }

    String originalKind() {
        return previousIds.isEmpty() ? kind() : previousIds.get(0).kind();
    }

    String originalEffectiveNamespace() {
        return previousIds.isEmpty() ? effectiveNamespace() : previousIds.get(0).namespace();
    }

    /** Remembers the current id before a transformer changes it (kustomize's StorePreviousId). */
    public void storePreviousId() {
        previousIds.add(new PreviousId(kind(), name(), effectiveNamespace()));
    }

    /** The stored ids, oldest first, without the current one. */
    List<PreviousId> previousIds() {
        return previousIds;
    }

    /** Whether the object was once called {@code name}; only ids stored before a change count. */
    boolean hadName(String name) {
        for (PreviousId id : previousIds) {
            if (id.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the current or a stored id is the given one: kustomize's match "by any id", as
     * strategic merge patches and generators with a behavior find their object.
     */
    boolean hasAnyId(String apiVersion, String kind, String name, String effectiveNamespace) {
        if (!apiVersion().equals(apiVersion)) {
            return false;
        }
        if (kind().equals(kind) && name().equals(name) && effectiveNamespace().equals(effectiveNamespace)) {
            return true;
        }
        for (PreviousId id : previousIds) {
            if (id.kind().equals(kind) && id.name().equals(name) && id.namespace().equals(effectiveNamespace)) {
                return true;
            }
        }
        return false;
    }

    void addNamePrefix(String prefix) {
        if (!prefix.isEmpty()) {
            prefixes.add(prefix);
        }
    }

    void addNameSuffix(String suffix) {
        if (!suffix.isEmpty()) {
            suffixes.add(suffix);
        }
    }

    List<String> prefixes() {
        return prefixes;
    }

    List<String> suffixes() {
        return suffixes;
    }

    String behavior() {
        return behavior == null ? "" : behavior;
    }

    boolean needsHashSuffix() {
        return needsHashSuffix;
    }

    /**
     * Takes over what kustomize keeps in the build annotations of {@code old}, the object a
     * generator with behavior replace or merge takes the place of: its stored ids, prefixes,
     * suffixes and behavior. The hash suffix stays only when both want it.
     */
    void inheritBuildStateOf(Resource old) {
        previousIds.clear();
        previousIds.addAll(old.previousIds);
        prefixes.clear();
        prefixes.addAll(old.prefixes);
        suffixes.clear();
        suffixes.addAll(old.suffixes);
        needsHashSuffix = needsHashSuffix && old.needsHashSuffix;
        behavior = old.behavior;
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
