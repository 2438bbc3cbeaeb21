package dev.fluxboot.cluster;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, as Flux's ResourceManager does, whether applying an object would change it: the
 * server-side dry-run result is compared with the live object on labels, annotations and
 * everything outside {@code metadata} and {@code status}. Server-kept metadata
 * (resourceVersion, generation, managedFields, timestamps) never counts, so a no-op apply is
 * recognised even on servers that would bump the resourceVersion for it.
 */
final class Drift {

    private Drift() {
    }

    static boolean hasDrifted(Map<String, Object> live, Map<String, Object> dryRun) {
        Map<String, Object> dryRunMetadata = ManifestNormalizer.map(dryRun.get("metadata"));
        Map<String, Object> liveMetadata = ManifestNormalizer.map(live.get("metadata"));
        if (dryRunMetadata == null || dryRunMetadata.get("resourceVersion") == null
                || dryRunMetadata.get("resourceVersion").toString().isEmpty()) {
            return true;
        }
        if (liveMetadata == null) {
            return true;
        }
        if (!semanticallyEqual(dryRunMetadata.get("labels"), liveMetadata.get("labels"))
                || !semanticallyEqual(dryRunMetadata.get("annotations"), liveMetadata.get("annotations"))) {
            return true;
        }
        return !semanticallyEqual(withoutMetadataAndStatus(dryRun), withoutMetadataAndStatus(live));
    }

    private static Map<String, Object> withoutMetadataAndStatus(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.remove("metadata");
        copy.remove("status");
        return copy;
    }

    /**
     * Deep equality in which a missing value, {@code null}, an empty map and an empty list are the
     * same (Kubernetes omits empty fields in some answers and not in others), and numbers are
     * compared by value.
     */
    static boolean semanticallyEqual(Object left, Object right) {
        if (isEmpty(left) && isEmpty(right)) {
            return true;
        }
        if (left instanceof Map<?, ?> leftMap && right instanceof Map<?, ?> rightMap) {
            Set<Object> keys = new HashSet<>(leftMap.keySet());
            keys.addAll(rightMap.keySet());
            for (Object key : keys) {
                if (!semanticallyEqual(leftMap.get(key), rightMap.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
            if (leftList.size() != rightList.size()) {
                return false;
            }
            for (int i = 0; i < leftList.size(); i++) {
                if (!semanticallyEqual(leftList.get(i), rightList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Number leftNumber && right instanceof Number rightNumber) {
            return new BigDecimal(leftNumber.toString()).compareTo(new BigDecimal(rightNumber.toString())) == 0;
        }
        return left != null && left.equals(right);
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof List<?> list && list.isEmpty();
    }
}
