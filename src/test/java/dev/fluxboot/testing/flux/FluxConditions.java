package dev.fluxboot.testing.flux;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sets conditions on a status the way Flux's {@code runtime/conditions} package does: each set
 * condition carries the object's generation, keeps its {@code lastTransitionTime} while its
 * status, reason and message stay the same, and the list is sorted Stalled, Reconciling, Ready,
 * then the others by observed generation (newest first) and type.
 */
final class FluxConditions {

    /** Flux's maximum message length (metav1.Condition allows 32768). */
    static final int MAX_MESSAGE = 32768;

    private static final List<String> FIRST = List.of("Stalled", "Reconciling", "Ready");

    private FluxConditions() {
    }

    /**
     * @param existing   the current {@code status.conditions} (any JSON value)
     * @param generation the object's {@code metadata.generation}
     * @param now        the time of a transition
     * @param set        conditions to set
     * @param delete     condition types to remove
     * @return the new {@code status.conditions}
     */
    static List<Map<String, Object>> apply(Object existing, long generation, Instant now,
                                           Collection<Condition> set, Collection<String> delete) {
        List<Map<String, Object>> conditions = new ArrayList<>();
        if (existing instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> && !delete.contains(String.valueOf(((Map<?, ?>) item).get("type")))) {
                    conditions.add(Nested.copy(item));
                }
            }
        }
        String timestamp = timestamp(now);
        for (Condition condition : set) {
            String message = condition.message().length() > MAX_MESSAGE
                    ? condition.message().substring(0, MAX_MESSAGE - 3) + "..." : condition.message();
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("lastTransitionTime", timestamp);
            written.put("message", message);
            written.put("observedGeneration", generation);
            written.put("reason", condition.reason());
            written.put("status", condition.status());
            written.put("type", condition.type());
            int index = indexOf(conditions, condition.type());
            if (index < 0) {
                conditions.add(written);
            } else {
                Map<String, Object> current = conditions.get(index);
                if (sameState(current, written)) {
                    written.put("lastTransitionTime", current.get("lastTransitionTime"));
                }
                conditions.set(index, written);
            }
        }
        conditions.sort(ORDER);
        return conditions;
    }

    /** RFC 3339 in UTC, whole seconds, as Kubernetes writes times. */
    static String timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static final Comparator<Map<String, Object>> ORDER = (a, b) -> {
        int wa = FIRST.indexOf(String.valueOf(a.get("type")));
        int wb = FIRST.indexOf(String.valueOf(b.get("type")));
        if (wa >= 0 && wb >= 0) {
            return Integer.compare(wa, wb);
        }
        if (wa >= 0 || wb >= 0) {
            return wa >= 0 ? -1 : 1;
        }
        long ga = Nested.number(a, "observedGeneration").orElse(0L);
        long gb = Nested.number(b, "observedGeneration").orElse(0L);
        if (ga != gb) {
            return Long.compare(gb, ga);
        }
        return String.valueOf(a.get("type")).compareTo(String.valueOf(b.get("type")));
    };

    private static boolean sameState(Map<String, Object> a, Map<String, Object> b) {
        for (String key : Set.of("type", "status", "reason", "message")) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<Map<String, Object>> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).get("type"))) {
                return i;
            }
        }
        return -1;
    }
}
