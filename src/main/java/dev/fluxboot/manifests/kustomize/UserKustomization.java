package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.KustomizationFileGenerator;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code <path>/<namespace>/kustomization.yaml} as kustomize v5 does (and so
 * {@code flux bootstrap} and kustomize-controller, which use its library): the objects to apply, in
 * kustomize's order of accumulation (resources in listed order; no sorting, as Flux builds with
 * kustomize's reorder option unset).
 *
 * <p>For each kustomization, in kustomize's order: {@code resources} (files, and folders with a
 * kustomization of their own, built first; {@code bases} is its old name), the generators
 * ({@code configMapGenerator}, {@code secretGenerator}, with {@code generatorOptions}),
 * {@code components} (folders with a {@code kind: Component} kustomization, applied to what is
 * there so far), then the transformers: {@code patchesStrategicMerge}, {@code patches},
 * {@code namespace}, {@code namePrefix}, {@code nameSuffix}, {@code labels} and
 * {@code commonLabels}, {@code commonAnnotations}, {@code patchesJson6902}, {@code replicas},
 * {@code images} ({@code imageTags}), {@code replacements}. Once, at the end: the content hash
 * suffixes of generated names, then the repair of references to renamed objects
 * ({@link NameReferences}); objects annotated {@code config.kubernetes.io/local-config} (other
 * than "false") are left out.
 *
 * <p>A field kustomize supports that fluxboot does not build itself is an
 * {@link UnsupportedKustomizeFieldException} ({@link KustomizeBuild} then asks a real kustomize);
 * anything kustomize would refuse is a {@link FluxbootException} naming the file and the field.
 * Files are read only under the folder.
 */
public final class UserKustomization {

    private static final Set<String> PATCH_FIELDS = Set.of("path", "patch", "target", "options");
    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name", "namespace",
            "labelSelector", "annotationSelector");
    private static final Set<String> OPTION_FIELDS = Set.of("allowNameChange", "allowKindChange");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest", "tagSuffix");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "namespace", "behavior", "literals", "files",
            "envs", "env", "options");
    private static final Set<String> GENERATOR_OPTION_FIELDS = Set.of("labels", "annotations",
            "disableNameSuffixHash", "immutable");
    private static final Set<String> LABEL_FIELDS = Set.of("pairs", "includeSelectors", "includeTemplates", "fields");
    private static final Set<String> FIELD_SPEC_FIELDS = Set.of("group", "version", "kind", "path", "create");
    private static final Set<String> REPLICA_FIELDS = Set.of("name", "count");
    private static final Set<String> REPLACEMENT_FIELDS = Set.of("path", "source", "targets");
    private static final Set<String> SOURCE_FIELDS = Set.of("group", "version", "kind", "name", "namespace",
            "fieldPath", "options");
    private static final Set<String> TARGET_SELECTOR_FIELDS = Set.of("select", "reject", "fieldPaths", "options");
    private static final Set<String> REPLACEMENT_OPTION_FIELDS = Set.of("delimiter", "index", "encoding", "create");
    private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

    private final String location;
    private final Map<String, byte[]> files;
    private final Set<String> optionalResources;
    /** The directories whose kustomization is being built, to refuse cycles. */
    private final Set<String> building = new HashSet<>();

    private UserKustomization(String location, Map<String, byte[]> files, Set<String> optionalResources) {
        this.location = location;
        this.files = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            this.files.put(GoPath.clean(file.getKey()), file.getValue());
        }
        this.optionalResources = Set.copyOf(optionalResources);
    }

    /**
     * The objects that {@code kustomize build <directory>} would give, for text files.
     *
     * @see #buildFiles(String, Map, Set)
     */
    public static List<Map<String, Object>> build(String directory, Map<String, String> files,
                                                  Set<String> optionalResources) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return buildFiles(directory, bytes, optionalResources);
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
     * @throws UnsupportedKustomizeFieldException for a field only a real kustomize builds
     * @throws FluxbootException                  naming the file and the field or resource, for
     *                                            anything kustomize would refuse
     */
    public static List<Map<String, Object>> buildFiles(String directory, Map<String, byte[]> files,
                                                       Set<String> optionalResources) {
        UserKustomization kustomization = new UserKustomization(directory, files, optionalResources);
        List<Resource> resources = kustomization.accumulate("", new ResourceAccumulator(), false).resources();
        for (Resource resource : resources) {
            if (resource.needsHashSuffix()) {
                String hash = ContentHash.of(resource.object());
                resource.storePreviousId();
                resource.setName(resource.name() + "-" + hash);
            }
        }
        NameReferences.fix(resources);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Resource resource : resources) {
            if (!isLocalConfig(resource)) {
                objects.add(resource.object());
            }
        }
        return objects;
    }

    /** Kustomize's accumulateTarget: the kustomization in {@code directory} ("" for the top) added to {@code ra}. */
    private ResourceAccumulator accumulate(String directory, ResourceAccumulator ra, boolean asComponent) {
        building.add(directory);
        KustomizationFile kustomization = load(directory);
        String file = kustomization.file();
        if (asComponent && !kustomization.isComponent()) {
            throw new FluxbootException(file + " is listed in components but is not a Component;"
                    + " give it kind: Component and apiVersion: " + KustomizationFile.COMPONENT_VERSION);
        }
        if (!asComponent && kustomization.isComponent() && !directory.isEmpty()) {
            throw new FluxbootException(file + " is a Component; list its folder in components, not in resources");
        }
        List<String> entries = new ArrayList<>(kustomization.strings("resources"));
        entries.addAll(kustomization.strings("bases"));
        for (String entry : entries) {
            addResources(file, directory, entry, ra);
        }
        for (GeneratorArgs args : generators(kustomization)) {
            ra.absorb(GeneratedObjects.make(args, path -> readFile(args.where(), directory, path)), args.where());
        }
        for (String entry : kustomization.strings("components")) {
            String path = inside(file, directory, entry, "component");
            if (files.containsKey(path) || !isDirectory(path)) {
                throw new FluxbootException(file + ": component '" + entry + "' is not a folder in "
                        + display(directory) + "; list folders with a kind: Component kustomization");
            }
            checkNoCycle(file, path, entry);
            accumulate(path, ra, true);
        }
        transform(kustomization, directory, ra.resources());
        building.remove(directory);
        return ra;
    }

    private void transform(KustomizationFile kustomization, String directory, List<Resource> resources) {
        String file = kustomization.file();
        for (KustomizePatch patch : strategicMergePatches(kustomization, directory)) {
            patch.apply(resources);
        }
        for (KustomizePatch patch : patches(kustomization, directory, "patches")) {
            patch.apply(resources);
        }
        String namespace = kustomization.string("namespace");
        if (!namespace.isEmpty()) {
            setNamespace(file, namespace, resources);
        }
        NameAffixTransformer.prefix(kustomization.string("namePrefix")).apply(resources);
        NameAffixTransformer.suffix(kustomization.string("nameSuffix")).apply(resources);
        for (MetadataTransformer labels : labels(kustomization)) {
            labels.apply(resources);
        }
        new MetadataTransformer(kustomization.stringMap("commonLabels"), BuiltinFieldSpecs.commonLabels())
                .apply(resources);
        new MetadataTransformer(kustomization.stringMap("commonAnnotations"), BuiltinFieldSpecs.commonAnnotations())
                .apply(resources);
        for (KustomizePatch patch : patches(kustomization, directory, "patchesJson6902")) {
            patch.apply(resources);
        }
        for (ReplicaCountTransformer replicas : replicas(kustomization)) {
            replicas.apply(resources);
        }
        for (ImageTransformer images : images(kustomization)) {
            images.apply(resources);
        }
        List<ReplacementTransformer.Replacement> replacements = replacements(kustomization, directory);
        if (!replacements.isEmpty()) {
            new ReplacementTransformer(replacements).apply(resources);
        }
    }

    private KustomizationFile load(String directory) {
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
        String path = GoPath.join(directory, present.get(0));
        return KustomizationFile.parse(display(path), text(path));
    }

    /** The resources one {@code resources} entry stands for, added to {@code ra}. */
    private void addResources(String file, String directory, String entry, ResourceAccumulator ra) {
        String where = file + ": resource '" + entry + "'";
        if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@")
                || entry.startsWith("git::")) {
            throw new UnsupportedKustomizeFieldException(file, "resources: " + entry);
        }
        String path = inside(file, directory, entry, "resource");
        if (files.containsKey(path)) {
            try {
                for (Map<String, Object> object : ResourceDocuments.parse(text(path))) {
                    ra.append(new Resource(object), where);
                }
            } catch (ResourceDocuments.NotResourcesException e) {
                throw new FluxbootException(where + " is not a list of Kubernetes objects: " + e.getMessage());
            }
            return;
        }
        if (isDirectory(path)) {
            checkNoCycle(file, path, entry);
            ra.appendAll(accumulate(path, new ResourceAccumulator(), false).resources(), where);
            return;
        }
        if (optionalResources.contains(path)) {
            return;
        }
        throw new FluxbootException(file + ": resource '" + entry + "' does not exist in " + display(directory)
                + "; add the file or remove it from resources");
    }

    private void checkNoCycle(String file, String path, String entry) {
        if (building.contains(path)) {
            throw new FluxbootException(file + ": '" + entry + "' includes a kustomization that is being built"
                    + " (a cycle); remove it");
        }
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

    private String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** A file a field names, relative to its kustomization; it must be there, under the folder. */
    private byte[] readFile(String where, String directory, String entry) {
        String path = inside(where, directory, entry, "file");
        byte[] content = files.get(path);
        if (content == null) {
            throw new FluxbootException(where + ": file '" + entry + "' does not exist in " + display(directory)
                    + "; add it or fix the path");
        }
        return content;
    }

    private List<KustomizePatch> strategicMergePatches(KustomizationFile kustomization, String directory) {
        List<Object> entries = kustomization.list("patchesStrategicMerge");
        List<KustomizePatch> patches = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String where = kustomization.file() + ": patchesStrategicMerge[" + i + "]";
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
    private List<KustomizePatch> patches(KustomizationFile kustomization, String directory, String field) {
        List<Object> entries = kustomization.list(field);
        List<KustomizePatch> patches = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String where = kustomization.file() + ": " + field + "[" + i + "]";
            Map<String, Object> entry = KustomizationFile.object(where, entries.get(i), "patch or path, and target");
            KustomizationFile.checkKeys(where, entry, PATCH_FIELDS);
            String inline = KustomizationFile.string(where, entry, "patch").strip();
            String path = KustomizationFile.string(where, entry, "path");
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
                KustomizationFile.checkKeys(where + ".options", options, OPTION_FIELDS);
            }
            if (field.equals("patchesJson6902")) {
                if (target == null || target.field("name").isEmpty()) {
                    throw new FluxbootException(where + " has no target name; give the target's kind and name");
                }
                patches.add(KustomizePatch.json6902(where, text, target));
            } else {
                patches.add(KustomizePatch.detect(where, text, target,
                        KustomizationFile.bool(where + ": options", options, "allowNameChange"),
                        KustomizationFile.bool(where + ": options", options, "allowKindChange")));
            }
        }
        return patches;
    }

    private String patchFile(String where, String directory, String entry) {
        String path = inside(where, directory, entry, "patch file");
        if (!files.containsKey(path)) {
            throw new FluxbootException(where + ": patch file '" + entry + "' does not exist in " + display(directory)
                    + "; add it or fix the path");
        }
        return text(path);
    }

    private static PatchTarget target(String where, Map<String, Object> entry) {
        if (entry.get("target") == null) {
            return null;
        }
        Map<String, Object> target = Nodes.asMap(entry.get("target"));
        if (target == null) {
            throw new FluxbootException(where + ": target is not an object; give kind, name, labelSelector...");
        }
        KustomizationFile.checkKeys(where + ".target", target, TARGET_FIELDS);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector")) {
            fields.put(field, KustomizationFile.string(where + ".target", target, field));
        }
        try {
            return new PatchTarget(fields);
        } catch (PatchTarget.InvalidTargetException e) {
            throw new FluxbootException(where + ": " + e.getMessage());
        }
    }

    private static List<ImageTransformer> images(KustomizationFile kustomization) {
        List<Object> entries = new ArrayList<>(kustomization.list("images"));
        entries.addAll(kustomization.list("imageTags"));
        List<ImageTransformer> images = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String where = kustomization.file() + ": images[" + i + "]";
            Map<String, Object> entry = KustomizationFile.object(where, entries.get(i), "name and newName, newTag or digest");
            KustomizationFile.checkKeys(where, entry, IMAGE_FIELDS);
            String name = KustomizationFile.string(where, entry, "name");
            if (name.isEmpty()) {
                // kustomize: an entry without a name matches no image
                continue;
            }
            images.add(new ImageTransformer(name, KustomizationFile.string(where, entry, "newName"),
                    KustomizationFile.string(where, entry, "newTag"), KustomizationFile.string(where, entry, "digest"),
                    KustomizationFile.string(where, entry, "tagSuffix")));
        }
        return images;
    }

    private static List<GeneratorArgs> generators(KustomizationFile kustomization) {
        GeneratorOptions global = kustomization.has("generatorOptions")
                ? options(kustomization.file() + ": generatorOptions", kustomization.get("generatorOptions"))
                : GeneratorOptions.NONE;
        List<GeneratorArgs> generators = new ArrayList<>();
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            boolean secret = field.equals("secretGenerator");
            List<Object> entries = kustomization.list(field);
            for (int i = 0; i < entries.size(); i++) {
                String at = kustomization.file() + ": " + field + "[" + i + "]";
                Map<String, Object> entry = KustomizationFile.object(at, entries.get(i), "a name and literals, files or envs");
                Set<String> known = new HashSet<>(GENERATOR_FIELDS);
                if (secret) {
                    known.add("type");
                }
                KustomizationFile.checkKeys(at, entry, known);
                String name = KustomizationFile.string(at, entry, "name");
                String where = name.isEmpty() ? at : at + " (" + name + ")";
                List<String> envs = new ArrayList<>(KustomizationFile.strings(where, entry, "envs"));
                String env = KustomizationFile.string(where, entry, "env");
                if (!env.isEmpty()) {
                    envs.add(env);
                }
                GeneratorOptions local = entry.get("options") == null ? GeneratorOptions.NONE
                        : options(where + ": options", entry.get("options"));
                generators.add(new GeneratorArgs(where, secret ? "Secret" : "ConfigMap", name,
                        KustomizationFile.string(where, entry, "namespace"),
                        behavior(KustomizationFile.string(where, entry, "behavior")),
                        secret ? KustomizationFile.string(where, entry, "type") : "",
                        KustomizationFile.strings(where, entry, "literals"),
                        KustomizationFile.strings(where, entry, "files"), envs, local.withGlobal(global)));
            }
        }
        return generators;
    }

    /** Kustomize's NewGenerationBehavior: anything else is "not given". */
    private static String behavior(String behavior) {
        return Set.of("create", "replace", "merge").contains(behavior) ? behavior : "";
    }

    private static GeneratorOptions options(String where, Object value) {
        Map<String, Object> options = KustomizationFile.object(where, value, "labels, annotations,"
                + " disableNameSuffixHash or immutable");
        KustomizationFile.checkKeys(where, options, GENERATOR_OPTION_FIELDS);
        return new GeneratorOptions(KustomizationFile.stringMap(where, options, "labels"),
                KustomizationFile.stringMap(where, options, "annotations"),
                KustomizationFile.bool(where, options, "disableNameSuffixHash"),
                KustomizationFile.bool(where, options, "immutable"));
    }

    /** {@code labels:} entries, each with kustomize's field specs for its options. */
    private static List<MetadataTransformer> labels(KustomizationFile kustomization) {
        List<Object> entries = kustomization.list("labels");
        List<MetadataTransformer> transformers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = kustomization.file() + ": labels[" + i + "]";
            Map<String, Object> entry = KustomizationFile.object(where, entries.get(i), "pairs");
            KustomizationFile.checkKeys(where, entry, LABEL_FIELDS);
            List<FieldSpec> specs = new ArrayList<>();
            List<Object> fields = KustomizationFile.list(where, entry, "fields");
            for (int j = 0; j < fields.size(); j++) {
                String at = where + ": fields[" + j + "]";
                Map<String, Object> field = KustomizationFile.object(at, fields.get(j), "path");
                KustomizationFile.checkKeys(at, field, FIELD_SPEC_FIELDS);
                specs.add(new FieldSpec(KustomizationFile.string(at, field, "group"),
                        KustomizationFile.string(at, field, "version"), KustomizationFile.string(at, field, "kind"),
                        KustomizationFile.string(at, field, "path"), KustomizationFile.bool(at, field, "create")));
            }
            try {
                if (KustomizationFile.bool(where, entry, "includeSelectors")) {
                    specs = FieldSpec.merge(specs, BuiltinFieldSpecs.commonLabels());
                } else {
                    if (KustomizationFile.bool(where, entry, "includeTemplates")) {
                        specs = FieldSpec.merge(specs, BuiltinFieldSpecs.templateLabels());
                    }
                    specs = FieldSpec.merge(specs, List.of(FieldSpec.any("metadata/labels", true)));
                }
            } catch (FieldSpec.ConflictException e) {
                throw new FluxbootException(where + ": " + e.getMessage() + "; kustomize refuses that: fix fields");
            }
            transformers.add(new MetadataTransformer(KustomizationFile.stringMap(where, entry, "pairs"), specs));
        }
        return transformers;
    }

    private static List<ReplicaCountTransformer> replicas(KustomizationFile kustomization) {
        List<Object> entries = kustomization.list("replicas");
        List<ReplicaCountTransformer> transformers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = kustomization.file() + ": replicas[" + i + "]";
            Map<String, Object> entry = KustomizationFile.object(where, entries.get(i), "name and count");
            KustomizationFile.checkKeys(where, entry, REPLICA_FIELDS);
            transformers.add(new ReplicaCountTransformer(where, KustomizationFile.string(where, entry, "name"),
                    KustomizationFile.integer(where, entry, "count")));
        }
        return transformers;
    }

    private List<ReplacementTransformer.Replacement> replacements(KustomizationFile kustomization, String directory) {
        List<Object> entries = kustomization.list("replacements");
        List<ReplacementTransformer.Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = kustomization.file() + ": replacements[" + i + "]";
            Map<String, Object> entry = KustomizationFile.object(where, entries.get(i), "source and targets, or path");
            KustomizationFile.checkKeys(where, entry, REPLACEMENT_FIELDS);
            String path = KustomizationFile.string(where, entry, "path");
            if (path.isEmpty()) {
                replacements.add(replacement(where, entry, true));
                continue;
            }
            if (entry.get("source") != null || entry.get("targets") != null) {
                throw new FluxbootException(where + " has both path and an inline replacement; keep one");
            }
            String at = where + ": " + path;
            Object content = parseYaml(at, new String(readFile(where, directory, path), StandardCharsets.UTF_8));
            if (content instanceof List<?> list) {
                for (int j = 0; j < list.size(); j++) {
                    replacements.add(replacement(at + "[" + j + "]",
                            KustomizationFile.object(at + "[" + j + "]", list.get(j), "source and targets"), false));
                }
            } else if (content instanceof Map<?, ?>) {
                replacements.add(replacement(at, KustomizationFile.object(at, content, "source and targets"), false));
            } else {
                throw new FluxbootException(at + " holds neither a replacement nor a list of them");
            }
        }
        return replacements;
    }

    private static Object parseYaml(String where, String text) {
        try {
            List<Object> documents = GoYaml.loadAll(text);
            return documents.isEmpty() ? null : documents.get(0);
        } catch (FluxbootException e) {
            throw new FluxbootException(where + ": " + e.getMessage());
        }
    }

    /** One replacement; inline ones are read strictly (unknown fields refused), as kustomize does. */
    private static ReplacementTransformer.Replacement replacement(String where, Map<String, Object> entry, boolean strict) {
        if (entry.get("source") == null || entry.get("targets") == null) {
            throw new FluxbootException(where + " needs a source and at least one target");
        }
        Map<String, Object> source = KustomizationFile.object(where + ": source", entry.get("source"),
                "kind, name and fieldPath");
        if (strict) {
            KustomizationFile.checkKeys(where + ": source", source, SOURCE_FIELDS);
        }
        ReplacementTransformer.Selector sourceId = selector(where + ": source", source, false);
        String fieldPath = KustomizationFile.string(where + ": source", source, "fieldPath");
        List<ReplacementTransformer.Target> targets = new ArrayList<>();
        List<Object> targetEntries = KustomizationFile.list(where, entry, "targets");
        for (int i = 0; i < targetEntries.size(); i++) {
            String at = where + ": targets[" + i + "]";
            Map<String, Object> target = KustomizationFile.object(at, targetEntries.get(i), "select and fieldPaths");
            if (strict) {
                KustomizationFile.checkKeys(at, target, TARGET_SELECTOR_FIELDS);
            }
            if (target.get("select") == null) {
                throw new FluxbootException(at + " has no select; say which objects to change");
            }
            ReplacementTransformer.Selector select = selector(at + ": select",
                    KustomizationFile.object(at + ": select", target.get("select"), "kind, name..."), true);
            List<ReplacementTransformer.Selector> rejects = new ArrayList<>();
            List<Object> rejectEntries = KustomizationFile.list(at, target, "reject");
            for (int j = 0; j < rejectEntries.size(); j++) {
                String rejectAt = at + ": reject[" + j + "]";
                rejects.add(selector(rejectAt, KustomizationFile.object(rejectAt, rejectEntries.get(j), "kind, name..."),
                        true));
            }
            List<String> fieldPaths = KustomizationFile.strings(at, target, "fieldPaths");
            targets.add(new ReplacementTransformer.Target(select, rejects,
                    fieldPaths.isEmpty() ? List.of("metadata.name") : fieldPaths,
                    replacementOptions(at, target.get("options"))));
        }
        return new ReplacementTransformer.Replacement(where, sourceId, fieldPath.isEmpty() ? "metadata.name" : fieldPath,
                replacementOptions(where + ": source", source.get("options")), targets);
    }

    private static ReplacementTransformer.Selector selector(String where, Map<String, Object> map, boolean withSelectors) {
        if (withSelectors) {
            KustomizationFile.checkKeys(where, map, TARGET_FIELDS);
        }
        return new ReplacementTransformer.Selector(KustomizationFile.string(where, map, "group"),
                KustomizationFile.string(where, map, "version"), KustomizationFile.string(where, map, "kind"),
                KustomizationFile.string(where, map, "name"), KustomizationFile.string(where, map, "namespace"),
                withSelectors ? KustomizationFile.string(where, map, "labelSelector") : "",
                withSelectors ? KustomizationFile.string(where, map, "annotationSelector") : "");
    }

    private static ReplacementTransformer.Options replacementOptions(String where, Object value) {
        if (value == null) {
            return ReplacementTransformer.Options.NONE;
        }
        Map<String, Object> options = KustomizationFile.object(where + ": options", value, "delimiter, index or create");
        KustomizationFile.checkKeys(where + ": options", options, REPLACEMENT_OPTION_FIELDS);
        return new ReplacementTransformer.Options(KustomizationFile.string(where + ": options", options, "delimiter"),
                (int) KustomizationFile.integer(where + ": options", options, "index"),
                KustomizationFile.bool(where + ": options", options, "create"));
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

    /** A path relative to the top directory, as the user sees it in the repository. */
    private String display(String relative) {
        return GoPath.join(location, relative).isEmpty() ? "." : GoPath.join(location, relative);
    }
}
