package dev.fluxboot.testing.flux;

import java.util.regex.Pattern;

/**
 * One status condition as a Flux controller sets it ({@code metav1.Condition} without the
 * bookkeeping fields, which {@link FluxConditions} fills in).
 */
record Condition(String type, String status, String reason, String message) {

    /** The pattern the Flux CRDs (and metav1.Condition) require of a reason. */
    static final Pattern REASON = Pattern.compile("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");

    static Condition isTrue(String type, String reason, String message) {
        return new Condition(type, "True", reason, message);
    }

    static Condition isFalse(String type, String reason, String message) {
        return new Condition(type, "False", reason, message);
    }
}
