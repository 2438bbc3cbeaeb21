package dev.fluxboot.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a server-side apply would change, as {@link Drift} compares them (labels,
 * annotations, everything outside {@code metadata} and {@code status}), as short lines. Values of
 * a Secret's {@code data}/{@code stringData} are never written: only that a key changed.
 */
final class FieldDifferences {

    /** Enough to see what moves in a release upgrade without drowning a CRD's schema change. */
    static final int MAX_LINES = 20;
    private static final int MAX_VALUE = 80;

    private final boolean secret;
    private final List<String> lines = new ArrayList<>();
    private int hidden;

    private FieldDifferences(boolean secret) {
        this.secret = secret;
    }

    static List<String> between(Map<String, Object> live, Map<String, Object> dryRun, boolean secret) {
        FieldDifferences differences = new FieldDifferences(secret);
        Map<String, Object> liveMetadata = Fields.map(live, "metadata");
        Map<String, Object> dryRunMetadata = Fields.map(dryRun, "metadata");
        differences.compare("metadata.labels", liveMetadata.get("labels"), dryRunMetadata.get("labels"));
        differences.compare("metadata.annotations", liveMetadata.get("annotations"), dryRunMetadata.get("annotations"));
        Set<String> keys = new LinkedHashSet<>(live.keySet());
        keys.addAll(dryRun.keySet());
        keys.remove("metadata");
        keys.remove("status");
        for (String key : keys) {
            differences.compare(key, live.get(key), dryRun.get(key));
        }
        List<String> result = new ArrayList<>(differences.lines);
        if (differences.hidden > 0) {
            result.add("... and " + differences.hidden + " more");
        }
        return result;
    }

    private void compare(String path, Object before, Object after) {
        if (Drift.semanticallyEqual(before, after)) {
            return;
        }
        if (secret && (path.startsWith("data.") || path.startsWith("stringData."))) {
            add(path + ": " + (isAbsent(before) ? "added" : isAbsent(after) ? "removed" : "changed"));
            return;
        }
        if (before instanceof Map<?, ?> beforeMap && after instanceof Map<?, ?> afterMap) {
            Set<Object> keys = new LinkedHashSet<>(beforeMap.keySet());
            keys.addAll(afterMap.keySet());
            for (Object key : keys) {
                compare(path + "." + key, beforeMap.get(key), afterMap.get(key));
            }
        } else if (before instanceof List<?> beforeList && after instanceof List<?> afterList) {
            for (int i = 0; i < Math.max(beforeList.size(), afterList.size()); i++) {
                compare(path + "[" + i + "]", i < beforeList.size() ? beforeList.get(i) : null,
                        i < afterList.size() ? afterList.get(i) : null);
            }
        } else if (secret && (path.equals("data") || path.equals("stringData"))) {
            add(path + ": " + (isAbsent(before) ? "added" : isAbsent(after) ? "removed" : "changed"));
        } else if (isAbsent(before) && !isScalar(after)) {
            add(path + ": added");
        } else if (isAbsent(after) && !isScalar(before)) {
            add(path + ": removed");
        } else if (isScalar(before) && isScalar(after)) {
            add(path + ": " + show(before) + " -> " + show(after));
        } else {
            add(path + ": changed");
        }
    }

    private void add(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else {
            hidden++;
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof List<?> list && list.isEmpty();
    }

    private static boolean isScalar(Object value) {
        return value == null || !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    private static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value instanceof String ? "\"" + value + "\"" : value.toString();
        text = text.replace("\n", "\\n");
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
    }
}
