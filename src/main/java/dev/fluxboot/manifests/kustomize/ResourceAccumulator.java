package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a build so far, in kustomize's order of accumulation, with its rules for adding
 * one: a listed resource whose id is already there is an error; a generated object is added
 * ({@code behavior: create}, the default), or takes the place of the object it names, keeping that
 * object's name, namespace and build state ({@code replace}), and for {@code merge} also its labels,
 * annotations, {@code data} and {@code binaryData} under its own.
 */
final class ResourceAccumulator {

    private final List<Resource> resources = new ArrayList<>();

    List<Resource> resources() {
        return resources;
    }

    /**
     * Adds a listed resource.
     *
     * @param where for the message: the kustomization file and the resource entry
     */
    void append(Resource resource, String where) {
        for (Resource existing : resources) {
            if (existing.id().equals(resource.id())) {
                throw new FluxbootException(where + ": " + KustomizePatch.id(resource) + " is there twice;"
                        + " kustomize refuses an object listed twice: remove one");
            }
        }
        resources.add(resource);
    }

    void appendAll(List<Resource> more, String where) {
        for (Resource resource : more) {
            append(resource, where);
        }
    }

    /** Adds a generated object by its behavior. */
    void absorb(Resource generated, String where) {
        List<Resource> matches = new ArrayList<>(1);
        for (Resource existing : resources) {
            if (existing.hasAnyId(generated.apiVersion(), generated.kind(), generated.name(),
                    generated.effectiveNamespace())) {
                matches.add(existing);
            }
        }
        String behavior = generated.behavior();
        if (matches.isEmpty()) {
            if (behavior.equals("merge") || behavior.equals("replace")) {
                throw new FluxbootException(where + " has behavior " + behavior + ", but there is no "
                        + generated.kind() + " " + generated.name() + " to " + behavior
                        + "; use behavior: create, or fix the name or namespace");
            }
            append(generated, where);
            return;
        }
        if (matches.size() > 1) {
            throw new FluxbootException(where + ": several objects could take " + KustomizePatch.id(generated)
                    + "; give them distinct names");
        }
        Resource old = matches.get(0);
        if (!behavior.equals("merge") && !behavior.equals("replace")) {
            throw new FluxbootException(where + ": " + KustomizePatch.id(old) + " exists already;"
                    + " set behavior: merge or behavior: replace, or give the generator another name");
        }
        copyMetadata(generated, old);
        if (behavior.equals("merge")) {
            mergeInto(generated.object(), old.object(), "data");
            mergeInto(generated.object(), old.object(), "binaryData");
        }
        generated.inheritBuildStateOf(old);
        resources.set(resources.indexOf(old), generated);
    }

    /** Kustomize's CopyMergeMetaDataFieldsFrom: labels and annotations merged, name and namespace the old ones. */
    private static void copyMetadata(Resource generated, Resource old) {
        Map<String, Object> metadata = Nodes.mapOrCreate(generated.object(), "metadata");
        Map<String, Object> oldMetadata = Nodes.map(old.object(), "metadata");
        for (String field : List.of("labels", "annotations")) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, Object> oldValues = Nodes.map(oldMetadata, field);
            Map<String, Object> newValues = Nodes.map(metadata, field);
            if (oldValues != null) {
                merged.putAll(oldValues);
            }
            if (newValues != null) {
                merged.putAll(newValues);
            }
            if (merged.isEmpty()) {
                metadata.remove(field);
            } else {
                metadata.put(field, merged);
            }
        }
        metadata.put("name", old.name());
        if (old.namespace().isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", old.namespace());
        }
    }

    private static void mergeInto(Map<String, Object> object, Map<String, Object> old, String field) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Object> oldValues = Nodes.map(old, field);
        Map<String, Object> newValues = Nodes.map(object, field);
        if (oldValues != null) {
            merged.putAll(oldValues);
        }
        if (newValues != null) {
            merged.putAll(newValues);
        }
        if (!merged.isEmpty()) {
            object.put(field, merged);
        }
    }
}
