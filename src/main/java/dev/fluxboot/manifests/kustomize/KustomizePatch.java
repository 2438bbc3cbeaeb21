package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One patch of a kustomization, as kustomize's patch transformers apply it: a strategic merge
 * patch (one or more objects) or a JSON 6902 patch (a list of operations), told apart by their
 * shape as kustomize does. With a {@link PatchTarget}, the patch applies to every object the
 * target selects, possibly none; a strategic merge patch without one applies to the object with
 * its own apiVersion, kind, name and namespace, which must exist ("no matches for Id"). A
 * strategic merge patch never renames, re-kinds or moves its target unless the patch's options
 * allow a name or kind change.
 */
final class KustomizePatch {

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");

    private final String where;
    private final List<Map<String, Object>> strategicMergePatches;
    private final JsonPatch jsonPatch;
    private final PatchTarget target;
    private final boolean allowNameChange;
    private final boolean allowKindChange;

    private KustomizePatch(String where, List<Map<String, Object>> strategicMergePatches, JsonPatch jsonPatch,
                           PatchTarget target, boolean allowNameChange, boolean allowKindChange) {
        this.where = where;
        this.strategicMergePatches = strategicMergePatches;
        this.jsonPatch = jsonPatch;
        this.target = target;
        this.allowNameChange = allowNameChange;
        this.allowKindChange = allowKindChange;
    }

    /**
     * A {@code patches} entry: strategic merge or JSON 6902, whichever the text is. A text of
     * comments only is a patch that does nothing, as in kustomize.
     *
     * @param where for messages: {@code <file>: patches[0]}
     */
    static KustomizePatch detect(String where, String text, PatchTarget target,
                                 boolean allowNameChange, boolean allowKindChange) {
        String strategicMergeProblem;
        try {
            List<Map<String, Object>> objects = ResourceDocuments.parse(text);
            if (objects.size() > 1 && target != null) {
                throw new FluxbootException(where + ": a patch with a target must be a single strategic merge patch,"
                        + " this one has " + objects.size() + " objects; split it into one patch per object");
            }
            return new KustomizePatch(where, objects, null, target, allowNameChange, allowKindChange);
        } catch (ResourceDocuments.NotResourcesException e) {
            strategicMergeProblem = e.getMessage();
        }
        Object operations = firstDocument(text);
        if (operations instanceof List<?> list) {
            if (target == null) {
                throw new FluxbootException(where + ": a JSON 6902 patch needs a target;"
                        + " add target (e.g. kind and name) to the patch");
            }
            return new KustomizePatch(where, List.of(), jsonPatch(where, list), target, false, false);
        }
        throw new FluxbootException(where + ": the patch is neither a strategic merge patch (" + strategicMergeProblem
                + ") nor a JSON 6902 patch (a list of operations); fix the patch");
    }

    /** A {@code patchesStrategicMerge} entry: objects applied by their own id. */
    static KustomizePatch strategicMerge(String where, String text) {
        try {
            return new KustomizePatch(where, ResourceDocuments.parse(text), null, null, false, false);
        } catch (ResourceDocuments.NotResourcesException e) {
            throw new FluxbootException(where + ": not a strategic merge patch: " + e.getMessage());
        }
    }

    /** A {@code patchesJson6902} entry: operations applied to the target. */
    static KustomizePatch json6902(String where, String text, PatchTarget target) {
        Object operations = firstDocument(text);
        if (!(operations instanceof List<?> list)) {
            throw new FluxbootException(where + ": not a JSON 6902 patch (a list of operations)");
        }
        return new KustomizePatch(where, List.of(), jsonPatch(where, list), target, false, false);
    }

    /** Applies the patch; objects a strategic merge patch deletes leave the list. */
    public void apply(List<Resource> resources) {
        if (jsonPatch != null) {
            for (Resource resource : resources) {
                if (target.matches(resource)) {
                    applyJson(resource);
                }
            }
            return;
        }
        if (target != null) {
            if (strategicMergePatches.isEmpty()) {
                return;
            }
            Map<String, Object> patch = strategicMergePatches.get(0);
            Iterator<Resource> iterator = resources.iterator();
            while (iterator.hasNext()) {
                Resource resource = iterator.next();
                if (target.matches(resource) && !applyStrategicMerge(resource, patch)) {
                    iterator.remove();
                }
            }
            return;
        }
        for (Map<String, Object> patch : strategicMergePatches) {
            Resource resource = findById(resources, new Resource(patch));
            if (!applyStrategicMerge(resource, patch)) {
                resources.remove(resource);
            }
        }
    }

    private void applyJson(Resource resource) {
        resource.storePreviousId();
        try {
            jsonPatch.applyTo(resource.object());
        } catch (JsonPatch.PatchFailedException e) {
            throw new FluxbootException(where + ": cannot apply the JSON 6902 patch to " + resource.describe()
                    + ": " + e.getMessage() + "; fix the path or the target (" + target.describe() + ")");
        }
    }

    /** False when the patch deletes the object. */
    private boolean applyStrategicMerge(Resource resource, Map<String, Object> patch) {
        Map<String, Object> object = resource.object();
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        String name = resource.name();
        String namespace = resource.namespace();
        if (allowNameChange || allowKindChange) {
            resource.storePreviousId();
        }
        Map<String, Object> ownPatch = new java.util.LinkedHashMap<>(patch);
        ownPatch.put("apiVersion", apiVersion);
        boolean kept;
        try {
            kept = StrategicMerge.apply(object, ownPatch);
        } catch (StrategicMerge.InvalidPatchException e) {
            throw new FluxbootException(where + ": cannot apply the strategic merge patch to " + resource.describe()
                    + ": " + e.getMessage() + "; use $patch: merge, replace or delete");
        }
        if (!kept) {
            return false;
        }
        object.put("apiVersion", apiVersion);
        if (!allowKindChange) {
            object.put("kind", kind);
        }
        Map<String, Object> metadata = Nodes.mapOrCreate(object, "metadata");
        if (!allowNameChange) {
            metadata.put("name", name);
        }
        if (namespace.isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", namespace);
        }
        return true;
    }

    private Resource findById(List<Resource> resources, Resource patch) {
        List<Resource> matches = new ArrayList<>(1);
        for (Resource resource : resources) {
            if (resource.hasAnyId(patch.apiVersion(), patch.kind(), patch.name(), patch.effectiveNamespace())) {
                matches.add(resource);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String id = id(patch);
        if (matches.isEmpty()) {
            throw new FluxbootException(where + ": no matches for Id " + id + "; no resource has the strategic merge"
                    + " patch's apiVersion, kind, metadata.name and metadata.namespace: fix them or give the patch a target");
        }
        throw new FluxbootException(where + ": multiple matches for Id " + id + "; give the patch a target");
    }

    /** Kustomize's spelling of a resource id: {@code Deployment.v1.apps/source-controller.flux-system}. */
    static String id(Resource resource) {
        String group = resource.group().isEmpty() ? "[noGrp]" : resource.group();
        String namespace = resource.namespace().isEmpty() ? "[noNs]" : resource.namespace();
        return resource.kind() + "." + resource.version() + "." + group + "/" + resource.name() + "." + namespace;
    }

    /** The first YAML document of the text (a JSON array is a YAML document), or null. */
    private static Object firstDocument(String text) {
        try {
            List<Object> documents = GoYaml.loadAll(text);
            return documents.isEmpty() ? null : documents.get(0);
        } catch (FluxbootException e) {
            return null;
        }
    }

    private static JsonPatch jsonPatch(String where, List<?> list) {
        List<JsonPatch.Operation> operations = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> operation = Nodes.asMap(list.get(i));
            String at = where + ": operation " + i;
            if (operation == null) {
                throw new FluxbootException(at + " is not an object with op and path");
            }
            if (!(operation.get("op") instanceof String op) || !OPERATIONS.contains(op)) {
                throw new FluxbootException(at + " has op '" + operation.get("op")
                        + "'; use add, remove, replace, move, copy or test");
            }
            if (!(operation.get("path") instanceof String path)) {
                throw new FluxbootException(at + " (" + op + ") has no path");
            }
            Object from = operation.get("from");
            if ((op.equals("move") || op.equals("copy")) && !(from instanceof String)) {
                throw new FluxbootException(at + " (" + op + " " + path + ") has no from");
            }
            if ((op.equals("add") || op.equals("replace") || op.equals("test")) && !operation.containsKey("value")) {
                throw new FluxbootException(at + " (" + op + " " + path + ") has no value");
            }
            operations.add(new JsonPatch.Operation(op, path, operation.get("value"), (String) from));
        }
        return new JsonPatch(operations);
    }
}
