package dev.fluxboot.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads fields of an object as the API server returns it (nested maps and lists). */
final class ObjectFields {

    private ObjectFields() {
    }

    /** The value at {@code keys}, e.g. {@code status, artifact, revision}; empty when any part is missing. */
    static Optional<Object> at(Map<String, Object> object, String... keys) {
        Object current = object;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Optional<String> text(Map<String, Object> object, String... keys) {
        return at(object, keys).map(String::valueOf).filter(value -> !value.isEmpty());
    }

    static Optional<Long> number(Map<String, Object> object, String... keys) {
        return at(object, keys).filter(Number.class::isInstance).map(value -> ((Number) value).longValue());
    }

    static boolean isTrue(Map<String, Object> object, String... keys) {
        return at(object, keys).map(value -> Boolean.TRUE.equals(value) || "true".equals(value)).orElse(false);
    }

    /** The status condition of this type ({@code Ready}), as a map with type, status, reason, message. */
    static Optional<Map<String, Object>> condition(Map<String, Object> object, String type) {
        Optional<Object> conditions = at(object, "status", "conditions");
        if (conditions.isEmpty() || !(conditions.get() instanceof List<?> list)) {
            return Optional.empty();
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> condition && type.equals(condition.get("type"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) condition;
                return Optional.of(typed);
            }
        }
        return Optional.empty();
    }
}
