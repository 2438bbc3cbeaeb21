package dev.fluxboot.testing.flux;

import java.util.Objects;

/**
 * A misbehaviour {@link FluxControllerSimulator#inject injected} for one object, in place of
 * what the simulated controller would do. It lasts until {@link FluxControllerSimulator#clearFault}.
 *
 * @param type    what goes wrong
 * @param reason  the condition reason of {@link Type#NOT_READY} (else empty)
 * @param message the condition message of {@link Type#NOT_READY} (else empty)
 */
public record Fault(Type type, String reason, String message) {

    public enum Type {
        /**
         * GitRepository, Kustomization: {@code Ready=False} with the given reason and message (the
         * rest of the status is kept). Deployment: {@code Available=False} with them.
         */
        NOT_READY,
        /** The object gets no new status at all, as if its controller were down: a wait times out. */
        NEVER_READY,
        /** Deployment only: its rollout failed, {@code Progressing=False} reason {@code ProgressDeadlineExceeded}. */
        PROGRESS_DEADLINE_EXCEEDED
    }

    public Fault {
        Objects.requireNonNull(type, "type");
        reason = reason == null ? "" : reason;
        message = message == null ? "" : message;
        if (type == Type.NOT_READY && !Condition.REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason '" + reason + "' is not a condition reason (CamelCase, e.g. HealthCheckFailed)");
        }
    }

    /** {@code Ready=False} (Deployments: {@code Available=False}) with this reason and message. */
    public static Fault notReady(String reason, String message) {
        return new Fault(Type.NOT_READY, reason, message);
    }

    /** No status is ever written: whoever waits for the object times out. */
    public static Fault neverReady() {
        return new Fault(Type.NEVER_READY, "", "");
    }

    /** A Deployment whose rollout failed for good ({@code Progressing=False}, {@code ProgressDeadlineExceeded}). */
    public static Fault progressDeadlineExceeded() {
        return new Fault(Type.PROGRESS_DEADLINE_EXCEEDED, "", "");
    }
}
