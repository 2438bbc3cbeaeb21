package dev.fluxboot.manifests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A strategic merge patch on a Deployment, with the semantics of kustomize's kyaml merge
 * (patches with a {@code target}):
 * <ul>
 *   <li>maps merge key by key; a scalar in the patch replaces; a {@code null} removes the field;</li>
 *   <li>a list whose Kubernetes schema has patch strategy "merge" (e.g. {@code imagePullSecrets}
 *       by {@code name}, {@code containers} by {@code name}) merges element by element: the
 *       patch's elements first, in the patch's order, each merged into the target's element with
 *       the same key, then the target's other elements (kustomize merges with "prepend");</li>
 *   <li>every other list, {@code tolerations} included (no patch strategy in the PodSpec
 *       schema), is replaced by the patch's list.</li>
 * </ul>
 * Patch directives ({@code $patch}, {@code $retainKeys}, {@code $setElementOrder}) are not
 * supported: Flux's install patch has none.
 */
final class StrategicMerge {

    /** The parts of the Deployment schema that have merge lists, with their merge keys. */
    private enum Schema {
        DEPLOYMENT, DEPLOYMENT_SPEC, POD_TEMPLATE, OBJECT_META, POD_SPEC, CONTAINER, OTHER;

        Schema child(String field) {
            return switch (this) {
                case DEPLOYMENT -> field.equals("spec") ? DEPLOYMENT_SPEC : field.equals("metadata") ? OBJECT_META : OTHER;
                case DEPLOYMENT_SPEC -> field.equals("template") ? POD_TEMPLATE : OTHER;
                case POD_TEMPLATE -> field.equals("spec") ? POD_SPEC : field.equals("metadata") ? OBJECT_META : OTHER;
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
                case OBJECT_META -> field.equals("ownerReferences") ? "uid" : null;
                default -> null;
            };
        }
    }

    private StrategicMerge() {
    }

    /** Merges {@code patch} into the Deployment {@code target}, in place. */
    static void applyToDeployment(Map<String, Object> target, Map<String, Object> patch) {
        merge(target, patch, Schema.DEPLOYMENT);
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
            if (patchValue instanceof Map<?, ?> && targetValue instanceof Map<?, ?>) {
                merge(Nodes.asMap(targetValue), Nodes.asMap(patchValue), child);
            } else if (patchValue instanceof List<?> patchList && targetValue instanceof List<?> targetList
                    && schema.mergeKey(key) != null) {
                target.put(key, mergeList(targetList, patchList, schema.mergeKey(key), child));
            } else {
                target.put(key, Nodes.deepCopy(patchValue));
            }
        }
    }

    private static List<Object> mergeList(List<?> target, List<?> patch, String mergeKey, Schema schema) {
        List<Object> merged = new ArrayList<>(target.size() + patch.size());
        Set<Object> patchKeys = new HashSet<>();
        for (Object patchElement : patch) {
            Map<String, Object> patchMap = Nodes.asMap(patchElement);
            Object key = patchMap == null ? null : patchMap.get(mergeKey);
            if (key == null) {
                merged.add(Nodes.deepCopy(patchElement));
                continue;
            }
            if (!patchKeys.add(key)) {
                continue;
            }
            Map<String, Object> targetElement = find(target, mergeKey, key);
            if (targetElement == null) {
                merged.add(Nodes.deepCopy(patchMap));
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

    private static Map<String, Object> find(List<?> list, String mergeKey, Object key) {
        for (Object element : list) {
            Map<String, Object> map = Nodes.asMap(element);
            if (map != null && Objects.equals(map.get(mergeKey), key)) {
                return map;
            }
        }
        return null;
    }

}
