package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.KustomizationFileGenerator;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code <path>/<namespace>/kustomization.yaml} the way {@code kubectl apply -k} (and
 * {@code flux bootstrap}, through kustomize) does, for what users put there: the objects to
 * apply, in kustomize's order of accumulation (resources in listed order; no sorting, as Flux
 * builds with kustomize's reorder option unset).
 *
 * <p>Supported fields, applied in kustomize's order: {@code resources} (files, and directories
 * with a kustomization of their own, under the directory; {@code bases} is its old name),
 * {@code patchesStrategicMerge}, {@code patches}, {@code namespace}, {@code patchesJson6902},
 * {@code images} ({@code imageTags} is its old name); {@code apiVersion}, {@code kind} and
 * {@code metadata} are accepted. {@code namespace} is kustomize's namespace transformer, as the
 * install overlay applies it. Any other kustomize field is refused with a message naming it,
 * as is a field kustomize does not know. Objects annotated
 * {@code config.kubernetes.io/local-config} (other than "false") are left out, as in kustomize.
 */
public final class UserKustomization {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "metadata", "resources", "bases",
            "patchesStrategicMerge", "patches", "namespace", "patchesJson6902", "images", "imageTags");
    private static final Set<String> UNSUPPORTED = Set.of("openapi", "namePrefix", "nameSuffix", "commonLabels",
            "labels", "commonAnnotations", "replacements", "replicas", "vars", "sortOptions", "components", "crds",
            "configMapGenerator", "secretGenerator", "helmGlobals", "helmCharts", "helmChartInflationGenerator",
            "generatorOptions", "configurations", "generators", "transformers", "validators", "buildMetadata");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "patch", "target", "options");
    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name", "namespace",
            "labelSelector", "annotationSelector");
    private static final Set<String> OPTION_FIELDS = Set.of("allowNameChange", "allowKindChange");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest", "tagSuffix");
    private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

    private final String location;
    private final Map<String, String> files;
    private final Set<String> optionalResources;
    /** The directories whose kustomization is being built, to refuse cycles. */
    private final Set<String> building = new java.util.HashSet<>();

    private UserKustomization(String location, Map<String, String> files, Set<String> optionalResources) {
        this.location = location;
        this.files = new HashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            this.files.put(GoPath.clean(file.getKey()), file.getValue());
        }
        this.optionalResources = Set.copyOf(optionalResources);
    }

    /**
     * The objects that {@code kustomize build <directory>} would give.
     *
     * @param directory         the directory in the repository, for messages
     *                          ({@code clusters/my-cluster/flux-system})
     * @param files             every file under it, by path relative to it with {@code /}
     *                          separators, to its content; the kustomization file among them
     * @param optionalResources resources (paths relative to the directory) that may be listed but
     *                          absent, and are then left out: {@code gotk-sync.yaml} before the
     *                          bootstrap writes it
     * @throws FluxbootException naming the file and the field or resource, for anything that
     *                           kustomize would refuse or that fluxboot does not support
     */
    public static List<Map<String, Object>> build(String directory, Map<String, String> files,
                                                  Set<String> optionalResources) {
        UserKustomization kustomization = new UserKustomization(directory, files, optionalResources);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Resource resource : kustomization.build("")) {
            if (!isLocalConfig(resource)) {
                objects.add(resource.object());
            }
        }
        return objects;
    }

    /** The built resources of the kustomization in {@code directory} (relative; "" for the top). */
    private List<Resource> build(String directory) {
        building.add(directory);
        List<Resource> resources = buildOnce(directory);
        building.remove(directory);
        return resources;
    }

    private List<Resource> buildOnce(String directory) {
        String fileName = kustomizationFileName(directory);
        String file = display(GoPath.join(directory, fileName));
        Map<String, Object> kustomization = parse(file, files.get(GoPath.join(directory, fileName)));
        checkFields(file, kustomization);

        List<Resource> resources = new ArrayList<>();
        Map<String, String> origins = new HashMap<>();
        List<Object> resourcePaths = new ArrayList<>(list(file, kustomization, "resources"));
        resourcePaths.addAll(list(file, kustomization, "bases"));
        for (int i = 0; i < resourcePaths.size(); i++) {
            if (!(resourcePaths.get(i) instanceof String path)) {
                throw new FluxbootException(file + ": resources[" + i + "] is not a string; list file or directory names");
            }
            for (Resource resource : resources(file, directory, path)) {
                String previous = origins.putIfAbsent(resource.id(), path);
                if (previous != null) {
                    throw new FluxbootException(file + ": " + KustomizePatch.id(resource) + " is in both '" + previous
                            + "' and '" + path + "'; kustomize refuses an object listed twice: remove one");
                }
                resources.add(resource);
            }
        }

        for (KustomizePatch patch : strategicMergePatches(file, directory, kustomization)) {
            patch.apply(resources);
        }
        for (KustomizePatch patch : patches(file, directory, kustomization, "patches")) {
            patch.apply(resources);
        }
        String namespace = string(file, kustomization, "namespace");
        if (!namespace.isEmpty()) {
            setNamespace(file, namespace, resources);
        }
        for (KustomizePatch patch : patches(file, directory, kustomization, "patchesJson6902")) {
            patch.apply(resources);
        }
        for (ImageTransformer images : images(file, kustomization)) {
            images.apply(resources);
        }
        return resources;
    }

    private String kustomizationFileName(String directory) {
        List<String> present = new ArrayList<>();
        for (String name : KustomizationFileGenerator.RECOGNIZED_FILE_NAMES) {
            if (files.containsKey(GoPath.join(directory, name))) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            throw new FluxbootException(display(directory) + " has no kustomization.yaml; add one that lists its resources");
        }
        if (present.size() > 1) {
            throw new FluxbootException(display(directory) + " has several kustomization files (" + String.join(", ", present)
                    + "); kustomize refuses that: keep one");
        }
        return present.get(0);
    }

    private static Map<String, Object> parse(String file, String text) {
        List<Object> documents;
        try {
            documents = GoYaml.loadAll(text);
        } catch (FluxbootException e) {
            throw new FluxbootException(file + ": " + e.getMessage());
        }
        if (documents.isEmpty()) {
            throw new FluxbootException(file + " is empty; list the resources to apply in it");
        }
        Map<String, Object> kustomization = Nodes.asMap(documents.get(0));
        if (kustomization == null) {
            throw new FluxbootException(file + " is not a Kustomization (its document is not an object)");
        }
        return kustomization;
    }

    private static void checkFields(String file, Map<String, Object> kustomization) {
        boolean empty = true;
        for (String field : kustomization.keySet()) {
            if (UNSUPPORTED.contains(field)) {
                throw new FluxbootException(file + ": field '" + field + "' is not supported by fluxboot;"
                        + " it applies resources, patches, patchesStrategicMerge, patchesJson6902, images and namespace:"
                        + " write that change as a patch or into the resources");
            }
            if (!SUPPORTED.contains(field)) {
                throw new FluxbootException(file + ": unknown field '" + field + "', kustomize refuses it too;"
                        + " check its spelling");
            }
            empty &= field.equals("apiVersion") || field.equals("kind");
        }
        if (empty) {
            throw new FluxbootException(file + " is empty; list the resources to apply in it");
        }
        String kind = string(file, kustomization, "kind");
        if (!kind.isEmpty() && !kind.equals("Kustomization")) {
            throw new FluxbootException(file + ": kind should be Kustomization, not " + kind);
        }
        String apiVersion = string(file, kustomization, "apiVersion");
        if (!apiVersion.isEmpty() && !apiVersion.equals("kustomize.config.k8s.io/v1beta1")) {
            throw new FluxbootException(file + ": apiVersion for Kustomization should be kustomize.config.k8s.io/v1beta1, not "
                    + apiVersion);
        }
    }

    /** The resources one {@code resources} entry stands for. */
    private List<Resource> resources(String file, String directory, String entry) {
        if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@")
                || entry.startsWith("git::")) {
            throw new FluxbootException(file + ": remote resource '" + entry + "' is not supported by fluxboot;"
                    + " copy its files into " + display(directory));
        }
        String path = inside(file, directory, entry, "resource");
        if (files.containsKey(path)) {
            List<Resource> resources = new ArrayList<>();
            try {
                for (Map<String, Object> object : ResourceDocuments.parse(files.get(path))) {
                    resources.add(new Resource(object));
                }
            } catch (ResourceDocuments.NotResourcesException e) {
                throw new FluxbootException(file + ": resource '" + entry + "' is not a list of Kubernetes objects: "
                        + e.getMessage());
            }
            return resources;
        }
        if (building.contains(path)) {
            throw new FluxbootException(file + ": resource '" + entry + "' includes a kustomization that is being built"
                    + " (a cycle); remove it");
        }
        if (isDirectory(path)) {
            return build(path);
        }
        if (optionalResources.contains(path)) {
            return List.of();
        }
        throw new FluxbootException(file + ": resource '" + entry + "' does not exist in " + display(directory)
                + "; add the file or remove it from resources");
    }

    /** The path of {@code entry} relative to the top directory; it must not leave it. */
    private String inside(String file, String directory, String entry, String what) {
        String path = GoPath.clean(GoPath.join(directory.isEmpty() ? "." : directory, entry));
        if (entry.startsWith("/") || path.equals("..") || path.startsWith("../")) {
            throw new FluxbootException(file + ": " + what + " '" + entry + "' is outside " + location
                    + "; fluxboot reads only the files under it");
        }
        return path.equals(".") ? "" : path;
    }

    private boolean isDirectory(String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        for (String name : files.keySet()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private List<KustomizePatch> strategicMergePatches(String file, String directory, Map<String, Object> kustomization) {
        List<Object> entries = list(file, kustomization, "patchesStrategicMerge");
        List<KustomizePatch> patches = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": patchesStrategicMerge[" + i + "]";
            if (!(entries.get(i) instanceof String entry)) {
                throw new FluxbootException(where + " is not a string; give a file name or an inline patch");
            }
            // As kustomize: the entry is the patch itself when it reads as objects, otherwise a file name.
            String text = isInlinePatch(entry) ? entry : patchFile(where, directory, entry);
            patches.add(KustomizePatch.strategicMerge(where, text));
        }
        return patches;
    }

    private static boolean isInlinePatch(String entry) {
        try {
            return !ResourceDocuments.parse(entry).isEmpty();
        } catch (ResourceDocuments.NotResourcesException e) {
            return false;
        }
    }

    /** The {@code patches} or {@code patchesJson6902} entries. */
    private List<KustomizePatch> patches(String file, String directory, Map<String, Object> kustomization, String field) {
        List<Object> entries = list(file, kustomization, field);
        List<KustomizePatch> patches = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": " + field + "[" + i + "]";
            Map<String, Object> entry = Nodes.asMap(entries.get(i));
            if (entry == null) {
                throw new FluxbootException(where + " is not an object with patch or path, and target");
            }
            checkKeys(where, entry, PATCH_FIELDS);
            String inline = string(where, entry, "patch").strip();
            String path = string(where, entry, "path");
            if (!inline.isEmpty() && !path.isEmpty()) {
                throw new FluxbootException(where + " has both patch and path; keep one");
            }
            if (inline.isEmpty() && path.isEmpty()) {
                throw new FluxbootException(where + " has neither patch nor path; give one");
            }
            String text = inline.isEmpty() ? patchFile(where, directory, path) : inline;
            PatchTarget target = target(where, entry);
            Map<String, Object> options = Nodes.asMap(entry.get("options"));
            if (options != null) {
                checkKeys(where + ".options", options, OPTION_FIELDS);
            }
            if (field.equals("patchesJson6902")) {
                if (target == null || target.field("name").isEmpty()) {
                    throw new FluxbootException(where + " has no target name; give the target's kind and name");
                }
                patches.add(KustomizePatch.json6902(where, text, target));
            } else {
                patches.add(KustomizePatch.detect(where, text, target,
                        bool(where, options, "allowNameChange"), bool(where, options, "allowKindChange")));
            }
        }
        return patches;
    }

    private String patchFile(String where, String directory, String entry) {
        String path = inside(where, directory, entry, "patch file");
        String text = files.get(path);
        if (text == null) {
            throw new FluxbootException(where + ": patch file '" + entry + "' does not exist in " + display(directory)
                    + "; add it or fix the path");
        }
        return text;
    }

    private static PatchTarget target(String where, Map<String, Object> entry) {
        if (entry.get("target") == null) {
            return null;
        }
        Map<String, Object> target = Nodes.asMap(entry.get("target"));
        if (target == null) {
            throw new FluxbootException(where + ": target is not an object; give kind, name, labelSelector...");
        }
        checkKeys(where + ".target", target, TARGET_FIELDS);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector")) {
            fields.put(field, string(where + ".target", target, field));
        }
        try {
            return new PatchTarget(fields);
        } catch (PatchTarget.InvalidTargetException e) {
            throw new FluxbootException(where + ": " + e.getMessage());
        }
    }

    private static List<ImageTransformer> images(String file, Map<String, Object> kustomization) {
        List<Object> entries = new ArrayList<>(list(file, kustomization, "images"));
        entries.addAll(list(file, kustomization, "imageTags"));
        List<ImageTransformer> images = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": images[" + i + "]";
            Map<String, Object> entry = Nodes.asMap(entries.get(i));
            if (entry == null) {
                throw new FluxbootException(where + " is not an object with name and newName, newTag or digest");
            }
            checkKeys(where, entry, IMAGE_FIELDS);
            String name = string(where, entry, "name");
            if (name.isEmpty()) {
                // kustomize: an entry without a name matches no image
                continue;
            }
            images.add(new ImageTransformer(name, string(where, entry, "newName"),
                    string(where, entry, "newTag"), string(where, entry, "digest"),
                    string(where, entry, "tagSuffix")));
        }
        return images;
    }

    private static void setNamespace(String file, String namespace, List<Resource> resources) {
        try {
            new NamespaceTransformer(namespace).apply(resources);
        } catch (FluxbootException e) {
            throw new FluxbootException(file + ": namespace " + namespace + " gives two objects one id;"
                    + " remove the namespace field or one of the objects");
        }
    }

    private static boolean isLocalConfig(Resource resource) {
        Map<String, Object> annotations = Nodes.map(resource.object(), "metadata", "annotations");
        return annotations != null && annotations.containsKey(LOCAL_CONFIG)
                && !"false".equals(annotations.get(LOCAL_CONFIG));
    }

    private static void checkKeys(String where, Map<String, Object> map, Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new FluxbootException(where + ": unknown field '" + key + "', kustomize refuses it too;"
                        + " the fields are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    private static List<Object> list(String file, Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new FluxbootException(file + ": " + field + " is not a list");
        }
        return new ArrayList<>(list);
    }

    private static String string(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new FluxbootException(where + ": " + field + " must be a string, not a "
                    + (value instanceof Map<?, ?> ? "map" : "list") + (field.equals("patch")
                    ? "; write the patch as a block string (patch: |)" : ""));
        }
        if (!(value instanceof String text)) {
            throw new FluxbootException(where + ": " + field + " must be a string, not " + value + "; quote it");
        }
        return text;
    }

    private static boolean bool(String where, Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new FluxbootException(where + ": options." + field + " must be true or false");
        }
        return flag;
    }

    /** A path relative to the top directory, as the user sees it in the repository. */
    private String display(String relative) {
        return GoPath.join(location, relative).isEmpty() ? "." : GoPath.join(location, relative);
    }
}
