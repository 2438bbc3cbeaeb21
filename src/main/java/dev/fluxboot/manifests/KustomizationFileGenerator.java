package dev.fluxboot.manifests;

import dev.fluxboot.manifests.kustomize.GoPath;
import dev.fluxboot.manifests.kustomize.ResourceDocuments;
import dev.fluxboot.manifests.yaml.GoYaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Generates {@code <path>/<namespace>/kustomization.yaml} as the Flux CLI does
 * ({@code pkg/manifestgen/kustomization}), only when the directory has none: a user's file, with
 * their patches, is kept as it is. Flux walks the directory (after writing gotk-sync.yaml) and
 * lists, in the walk's order, every file that reads as Kubernetes objects and every
 * sub-directory that has a kustomization file of its own (not descending into it).
 */
public final class KustomizationFileGenerator {

    public static final String FILE_NAME = "kustomization.yaml";

    /** The names kustomize recognises, in its order of preference. */
    public static final List<String> RECOGNIZED_FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** Go's {@code filepath.Walk} order: names compared byte by byte in UTF-8. */
    private static final Comparator<String> WALK_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /**
     * @param directory the repository directory, {@code clusters/my-cluster/flux-system}
     *                  ({@link SyncManifestsGenerator#directory})
     * @param files     every file under it (gotk-sync.yaml included), by path relative to it with
     *                  {@code /} separators, to its content
     * @return the file to write, or empty when the directory has a kustomization.yaml to keep
     */
    public Optional<ManifestFile> generate(String directory, Map<String, String> files) {
        if (files.containsKey(FILE_NAME)) {
            return Optional.empty();
        }
        Map<String, Object> kustomization = new LinkedHashMap<>();
        kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        kustomization.put("kind", "Kustomization");
        List<String> resources = resources(files);
        if (!resources.isEmpty()) {
            kustomization.put("resources", new ArrayList<Object>(resources));
        }
        return Optional.of(new ManifestFile(GoPath.join(directory, FILE_NAME), GoYaml.dump(kustomization)));
    }

    /** The resources Flux lists for the files of a directory, in its walk order. */
    static List<String> resources(Map<String, String> files) {
        List<String> resources = new ArrayList<>();
        walk("", files, resources);
        return resources;
    }

    private static void walk(String directory, Map<String, String> files, List<String> resources) {
        String prefix = directory.isEmpty() ? "" : directory + "/";
        // name -> whether it is a directory; sorted by name alone, as os.ReadDir sorts
        TreeMap<String, Boolean> children = new TreeMap<>(WALK_ORDER);
        for (String path : files.keySet()) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int slash = rest.indexOf('/');
                children.put(slash < 0 ? rest : rest.substring(0, slash), slash >= 0);
            }
        }
        for (Map.Entry<String, Boolean> child : children.entrySet()) {
            if (child.getValue()) {
                String subdirectory = prefix + child.getKey();
                if (hasKustomizationFile(subdirectory, files)) {
                    resources.add(subdirectory);
                } else {
                    walk(subdirectory, files, resources);
                }
            } else if (ResourceDocuments.areResources(files.get(prefix + child.getKey()))) {
                resources.add(prefix + child.getKey());
            }
        }
    }

    private static boolean hasKustomizationFile(String directory, Map<String, String> files) {
        for (String name : RECOGNIZED_FILE_NAMES) {
            if (files.containsKey(directory + "/" + name)) {
                return true;
            }
        }
        return false;
    }
}
