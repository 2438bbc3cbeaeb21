package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of a YAML file as kustomize's resource factory reads them
 * ({@code SliceFromBytes}): empty documents are skipped, every other document is an object with
 * a {@code kind} and, unless the kind ends in {@code List}, a {@code metadata.name}; a
 * {@code FooList} with {@code items} stands for its items.
 */
public final class ResourceDocuments {

    /** Why a file is not a list of Kubernetes objects; the message is a phrase, without the file name. */
    static final class NotResourcesException extends Exception {
        NotResourcesException(String message) {
            super(message);
        }
    }

    private ResourceDocuments() {
    }

    static List<Map<String, Object>> parse(String text) throws NotResourcesException {
        List<Object> documents;
        try {
            documents = GoYaml.loadAll(text);
        } catch (FluxbootException e) {
            throw new NotResourcesException(e.getMessage());
        }
        List<Map<String, Object>> objects = new ArrayList<>(documents.size());
        for (Object document : documents) {
            add(document, objects);
        }
        return objects;
    }

    /** Whether {@link #parse} accepts the text: what Flux's kustomization.yaml generator lists. */
    public static boolean areResources(String text) {
        try {
            parse(text);
            return true;
        } catch (NotResourcesException e) {
            return false;
        }
    }

    private static void add(Object document, List<Map<String, Object>> objects) throws NotResourcesException {
        Map<String, Object> object = Nodes.asMap(document);
        if (object == null) {
            throw new NotResourcesException("a document is not an object (a " + describeType(document) + ")");
        }
        if (object.isEmpty()) {
            return;
        }
        if (!(object.get("kind") instanceof String kind) || kind.isEmpty()) {
            throw new NotResourcesException("a document has no kind");
        }
        if (kind.endsWith("List")) {
            if (!object.containsKey("items")) {
                objects.add(object);
                return;
            }
            Object items = object.get("items");
            if (items == null) {
                return;
            }
            if (!(items instanceof List<?> list)) {
                throw new NotResourcesException("the items of a " + kind + " are not a list");
            }
            for (Object item : list) {
                add(item, objects);
            }
            return;
        }
        if (Nodes.string(Nodes.map(object, "metadata"), "name").isEmpty()) {
            throw new NotResourcesException("a " + kind + " has no metadata.name");
        }
        objects.add(object);
    }

    private static String describeType(Object value) {
        if (value instanceof List<?>) {
            return "list";
        }
        return value instanceof String ? "string" : "scalar";
    }
}
