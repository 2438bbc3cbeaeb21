package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.TreeReader;
import dev.fluxboot.manifests.GoYaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kustomization.yaml with {@code resources} that are files of its folder, until the kustomize of
 * {@code manifests} (patches, images) replaces it. Anything else is refused by name.
 */
final class InterimKustomize implements KustomizeBuilder {

    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources");

    @Override
    public List<Map<String, Object>> build(TreeReader files, String directory, Set<String> notWrittenYet) {
        String file = directory + "/" + SyncTarget.KUSTOMIZATION_FILE;
        String text = files.readString(file).orElseThrow(() -> new FluxbootException(file + " not found"));
        List<Object> documents = GoYaml.loadAll(text);
        if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?> kustomization)) {
            throw new FluxbootException(file + " is not one YAML mapping");
        }
        for (Object key : kustomization.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                throw new FluxbootException(file + ": field '" + key + "' is not supported");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        Object resources = kustomization.get("resources");
        if (resources == null) {
            return objects;
        }
        if (!(resources instanceof List<?> list)) {
            throw new FluxbootException(file + ": 'resources' must be a list of file names");
        }
        for (Object entry : list) {
            String name = String.valueOf(entry);
            Optional<String> content = files.readString(directory + "/" + name);
            if (content.isEmpty()) {
                if (notWrittenYet.contains(name)) {
                    continue;
                }
                throw new FluxbootException(file + ": resource '" + name + "' not found in " + directory);
            }
            for (Object document : GoYaml.loadAll(content.get())) {
                if (document instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) map;
                    objects.add(object);
                }
            }
        }
        return objects;
    }
}
