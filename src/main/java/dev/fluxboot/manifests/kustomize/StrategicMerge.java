package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A strategic merge patch, with the semantics of kustomize's kyaml merge (merge2, lists of the
 * patch prepended):
 * <ul>
 *   <li>maps merge key by key; a scalar in the patch replaces; a {@code null} removes the field
 *       (and is dropped from what the patch adds);</li>
 *   <li>a list whose Kubernetes schema has patch strategy "merge" (e.g. {@code imagePullSecrets}
 *       by {@code name}, {@code containers} by {@code name}, a container's {@code ports} by
 *       {@code containerPort}) merges element by element: the patch's elements first, in the
 *       patch's order, each merged into the target's element with the same key, then the
 *       target's other elements;</li>
 *   <li>every other list, {@code tolerations} and {@code args} included, and every list of a
 *       kind kustomize has no schema for (custom resources), is replaced by the patch's list;</li>
 *   <li>{@code $patch: delete} removes the map, the list element (by its merge key) or, at the
 *       top, the whole object; {@code $patch: replace} replaces instead of merging, and a list
 *       element {@code {$patch: replace}} replaces the whole merge list.</li>
 * </ul>
 * Not supported: {@code $retainKeys}, {@code $setElementOrder} and {@code $deleteFromPrimitiveList}
 * (kyaml ignores them too), merging lists of scalars such as {@code finalizers}.
 */
public final class StrategicMerge {

    private static final String DIRECTIVE = "$patch";

    /** A patch kustomize refuses: an unknown {@code $patch} directive. */
    static final class InvalidPatchException extends RuntimeException {
        InvalidPatchException(String message) {
            super(message);
        }
    }

    /** The parts of the Kubernetes schema that have merge lists, with their merge keys. */
    private enum Schema {
        WORKLOAD, WORKLOAD_SPEC, CRON_JOB, CRON_JOB_SPEC, JOB_TEMPLATE, POD, POD_TEMPLATE, POD_SPEC, CONTAINER,
        SERVICE, SERVICE_SPEC, SERVICE_ACCOUNT, OBJECT_META, OTHER;

        /** The schema of the top of an object of that apiVersion and kind. */
        static Schema of(String apiVersion, String kind) {
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            return switch (group + "/" + kind) {
                case "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet", "batch/Job",
                        "/ReplicationController", "/PodTemplate" -> WORKLOAD;
                case "batch/CronJob" -> CRON_JOB;
                case "/Pod" -> POD;
                case "/Service" -> SERVICE;
                case "/ServiceAccount" -> SERVICE_ACCOUNT;
                default -> OTHER;
            };
        }

        Schema child(String field) {
            if (field.equals("metadata") && (this == WORKLOAD || this == CRON_JOB || this == JOB_TEMPLATE
                    || this == POD || this == POD_TEMPLATE || this == SERVICE || this == SERVICE_ACCOUNT)) {
                return OBJECT_META;
            }
            return switch (this) {
                // a PodTemplate's pod template is its "template" field, as a Deployment spec's
                case WORKLOAD -> field.equals("spec") ? WORKLOAD_SPEC : field.equals("template") ? POD_TEMPLATE : OTHER;
                case WORKLOAD_SPEC -> field.equals("template") ? POD_TEMPLATE : OTHER;
                case CRON_JOB -> field.equals("spec") ? CRON_JOB_SPEC : OTHER;
                case CRON_JOB_SPEC -> field.equals("jobTemplate") ? JOB_TEMPLATE : OTHER;
                case JOB_TEMPLATE -> field.equals("spec") ? WORKLOAD_SPEC : OTHER;
                case POD, POD_TEMPLATE -> field.equals("spec") ? POD_SPEC : OTHER;
                case SERVICE -> field.equals("spec") ? SERVICE_SPEC : OTHER;
                case POD_SPEC -> switch (field) {
                    case "containers", "initContainers", "ephemeralContainers" -> CONTAINER;
                    default -> OTHER;
                };
                default -> OTHER;
            };
        }

        /** The patch merge key of a list field, or null for a list the patch replaces. */
        String mergeKey(String field) {
            return switch (this) {
                case POD_SPEC -> switch (field) {
                    case "containers", "initContainers", "ephemeralContainers", "imagePullSecrets", "volumes",
                            "resourceClaims", "schedulingGates" -> "name";
                    case "hostAliases" -> "ip";
                    case "topologySpreadConstraints" -> "topologyKey";
                    default -> null;
                };
                case CONTAINER -> switch (field) {
                    case "env" -> "name";
                    case "ports" -> "containerPort";
                    case "volumeMounts" -> "mountPath";
                    case "volumeDevices" -> "devicePath";
                    default -> null;
                };
                case SERVICE_SPEC -> field.equals("ports") ? "port" : null;
                case SERVICE_ACCOUNT -> field.equals("secrets") ? "name" : null;
                case OBJECT_META -> field.equals("ownerReferences") ? "uid" : null;
                default -> null;
            };
        }
    }

    private StrategicMerge() {
    }

    /** Merges {@code patch} into the Deployment {@code target}, in place. */
    public static void applyToDeployment(Map<String, Object> target, Map<String, Object> patch) {
        merge(target, copy(patch), Schema.WORKLOAD);
    }

    /**
     * Merges {@code patch} into {@code target}, in place, with the merge keys of the target's
     * apiVersion and kind. The patch is not changed.
     *
     * @return false when the patch deletes the whole object ({@code $patch: delete} at its top)
     * @throws InvalidPatchException for an unknown {@code $patch} directive
     */
    static boolean apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> ownPatch = copy(patch);
        Schema schema = Schema.of(Nodes.string(target, "apiVersion"), Nodes.string(target, "kind"));
        switch (takeDirective(ownPatch)) {
            case "delete" -> {
                return false;
            }
            case "replace" -> {
                target.clear();
                target.putAll(clean(ownPatch, schema));
            }
            default -> merge(target, ownPatch, schema);
        }
        return !target.isEmpty();
    }

    private static void merge(Map<String, Object> target, Map<String, Object> patch, Schema schema) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object patchValue = entry.getValue();
            if (patchValue == null) {
                target.remove(key);
                continue;
            }
            Object targetValue = target.get(key);
            Schema child = schema.child(key);
            String mergeKey = schema.mergeKey(key);
            if (patchValue instanceof Map<?, ?>) {
                Map<String, Object> patchMap = Nodes.asMap(patchValue);
                String directive = takeDirective(patchMap);
                if (directive.equals("delete")) {
                    target.remove(key);
                } else if (targetValue instanceof Map<?, ?> && !directive.equals("replace")) {
                    merge(Nodes.asMap(targetValue), patchMap, child);
                } else {
                    target.put(key, clean(patchMap, child));
                }
            } else if (patchValue instanceof List<?> patchList && mergeKey != null) {
                List<Object> merged = targetValue instanceof List<?> targetList
                        ? mergeList(targetList, patchList, mergeKey, child)
                        : cleanList(patchList, mergeKey, child);
                if (merged == null) {
                    target.remove(key);
                } else {
                    target.put(key, merged);
                }
            } else {
                target.put(key, patchValue);
            }
        }
    }

    /** The merged list, or null when the patch deletes the list ({@code - $patch: delete}). */
    private static List<Object> mergeList(List<?> target, List<?> patch, String mergeKey, Schema schema) {
        String listDirective = listDirective(patch);
        if (listDirective.equals("delete")) {
            return null;
        }
        if (listDirective.equals("replace")) {
            return cleanList(patch, mergeKey, schema);
        }
        List<Object> merged = new ArrayList<>(target.size() + patch.size());
        Set<Object> patchKeys = new HashSet<>();
        for (Object patchElement : patch) {
            Map<String, Object> patchMap = Nodes.asMap(patchElement);
            Object key = patchMap == null ? null : patchMap.get(mergeKey);
            if (key == null) {
                if (patchMap == null || !isDirectiveOnly(patchMap)) {
                    merged.add(patchMap == null ? patchElement : clean(patchMap, schema));
                }
                continue;
            }
            if (!patchKeys.add(key)) {
                continue;
            }
            String directive = takeDirective(patchMap);
            Map<String, Object> targetElement = find(target, mergeKey, key);
            if (directive.equals("delete")) {
                continue;
            }
            if (targetElement == null || directive.equals("replace")) {
                merged.add(clean(patchMap, schema));
            } else {
                merge(targetElement, patchMap, schema);
                merged.add(targetElement);
            }
        }
        for (Object targetElement : target) {
            Map<String, Object> targetMap = Nodes.asMap(targetElement);
            if (targetMap == null || !patchKeys.contains(targetMap.get(mergeKey))) {
                merged.add(targetElement);
            }
        }
        return merged;
    }

    /**
     * What a patch map adds where the target has nothing: without nulls and directives, as kyaml
     * walks a new subtree (it merges the patch with itself).
     */
    private static Map<String, Object> clean(Map<String, Object> patch, Schema schema) {
        Iterator<Map.Entry<String, Object>> entries = patch.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Object> entry = entries.next();
            Object value = entry.getValue();
            String mergeKey = schema.mergeKey(entry.getKey());
            if (value == null) {
                entries.remove();
            } else if (value instanceof Map<?, ?>) {
                Map<String, Object> map = Nodes.asMap(value);
                if (takeDirective(map).equals("delete")) {
                    entries.remove();
                } else {
                    clean(map, schema.child(entry.getKey()));
                }
            } else if (value instanceof List<?> list && mergeKey != null) {
                List<Object> cleaned = cleanList(list, mergeKey, schema.child(entry.getKey()));
                if (cleaned == null) {
                    entries.remove();
                } else {
                    entry.setValue(cleaned);
                }
            }
        }
        return patch;
    }

    private static List<Object> cleanList(List<?> patch, String mergeKey, Schema schema) {
        if (listDirective(patch).equals("delete")) {
            return null;
        }
        List<Object> cleaned = new ArrayList<>(patch.size());
        for (Object element : patch) {
            Map<String, Object> map = Nodes.asMap(element);
            if (map == null) {
                cleaned.add(element);
            } else if (!isDirectiveOnly(map) && !takeDirective(map).equals("delete")) {
                cleaned.add(clean(map, schema));
            }
        }
        return cleaned;
    }

    /** The directive of a merge list: an element that is only {@code $patch: <directive>}. */
    private static String listDirective(List<?> patch) {
        for (Object element : patch) {
            Map<String, Object> map = Nodes.asMap(element);
            if (map != null && isDirectiveOnly(map)) {
                return checked(map.get(DIRECTIVE));
            }
        }
        return "merge";
    }

    private static boolean isDirectiveOnly(Map<String, Object> map) {
        return map.size() == 1 && map.containsKey(DIRECTIVE);
    }

    /** Removes the map's {@code $patch} and returns it: "merge" when absent. */
    private static String takeDirective(Map<String, Object> map) {
        if (!map.containsKey(DIRECTIVE)) {
            return "merge";
        }
        return checked(map.remove(DIRECTIVE));
    }

    private static String checked(Object directive) {
        if (directive instanceof String value
                && (value.equals("merge") || value.equals("replace") || value.equals("delete"))) {
            return value;
        }
        throw new InvalidPatchException("unknown patch strategy '" + directive + "'");
    }

    private static Map<String, Object> find(List<?> list, String mergeKey, Object key) {
        for (Object element : list) {
            Map<String, Object> map = Nodes.asMap(element);
            if (map != null && Objects.equals(map.get(mergeKey), key)) {
                return map;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> patch) {
        return (Map<String, Object>) Nodes.deepCopy(patch);
    }
}
