package dev.fluxboot.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares an object for server-side apply as Flux does (fluxcd/pkg ssa/normalize): container
 * and Service ports get their default protocol (servers before 1.22 otherwise merge the port
 * lists wrongly), a Secret's {@code stringData} becomes {@code data}, and fields that a manifest
 * should not carry ({@code metadata.creationTimestamp}, {@code status} but for CRDs) go away.
 * The input is never modified.
 */
final class ManifestNormalizer {

    private static final Set<String> POD_TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private ManifestNormalizer() {
    }

    static Map<String, Object> normalize(Map<String, Object> object) {
        Map<String, Object> copy = deepCopy(object);
        String kind = String.valueOf(copy.get("kind"));
        String apiVersion = String.valueOf(copy.get("apiVersion"));
        Map<String, Object> metadata = map(copy.get("metadata"));
        if (metadata != null) {
            metadata.remove("creationTimestamp");
        }
        if (!"CustomResourceDefinition".equals(kind)) {
            copy.remove("status");
        }
        boolean core = "v1".equals(apiVersion);
        if (core && "Service".equals(kind)) {
            defaultProtocols(map(copy.get("spec")), "ports");
        } else if (core && "Pod".equals(kind)) {
            defaultContainerProtocols(map(copy.get("spec")));
        } else if (core && "Secret".equals(kind)) {
            stringDataToData(copy);
        } else if (POD_TEMPLATE_KINDS.contains(kind)) {
            defaultContainerProtocols(podSpec(map(copy.get("spec"))));
        } else if ("CronJob".equals(kind)) {
            Map<String, Object> jobTemplate = map(get(copy, "spec", "jobTemplate"));
            defaultContainerProtocols(podSpec(map(jobTemplate == null ? null : jobTemplate.get("spec"))));
        }
        return copy;
    }

    private static Map<String, Object> podSpec(Map<String, Object> spec) {
        Map<String, Object> template = map(spec == null ? null : spec.get("template"));
        return map(template == null ? null : template.get("spec"));
    }

    private static void defaultContainerProtocols(Map<String, Object> podSpec) {
        if (podSpec != null && podSpec.get("containers") instanceof List<?> containers) {
            for (Object container : containers) {
                defaultProtocols(map(container), "ports");
            }
        }
    }

    private static void defaultProtocols(Map<String, Object> owner, String key) {
        if (owner != null && owner.get(key) instanceof List<?> ports) {
            for (Object port : ports) {
                Map<String, Object> entry = map(port);
                if (entry != null && (entry.get("protocol") == null || "".equals(entry.get("protocol")))) {
                    entry.put("protocol", "TCP");
                }
            }
        }
    }

    private static void stringDataToData(Map<String, Object> secret) {
        Map<String, Object> stringData = map(secret.remove("stringData"));
        if (stringData == null || stringData.isEmpty()) {
            return;
        }
        Map<String, Object> data = map(secret.get("data"));
        if (data == null) {
            data = new LinkedHashMap<>();
            secret.put("data", data);
        }
        for (Map.Entry<String, Object> entry : stringData.entrySet()) {
            String value = entry.getValue() == null ? "" : String.valueOf(entry.getValue());
            data.put(entry.getKey(), Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Object get(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            Map<String, Object> map = map(current);
            if (map == null) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> object) {
        return (Map<String, Object>) copy(object);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return value;
    }
}
