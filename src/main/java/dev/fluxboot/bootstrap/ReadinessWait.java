package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ResourceType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls a Flux object until its controller reports {@code Ready=True} at the expected revision,
 * as the Flux CLI's {@code objectReconciled} does: a suspended object or {@code Ready=False}
 * fails at once with the controller's message; a status of an older generation is not trusted;
 * a timeout names the object and its last Ready condition. Every failure says what to check.
 */
final class ReadinessWait {

    private static final Pattern LEGACY_BRANCH_REVISION = Pattern.compile("(.+)/([0-9a-f]{40})");
    private static final Pattern LEGACY_SHA = Pattern.compile("[0-9a-f]{40}");

    /**
     * What to wait for and how to judge it.
     *
     * @param revisionPath            where the controller writes the revision it reconciled
     * @param generationMustBeSeen    fail-safe for objects the bootstrap just changed: wait until
     *                                {@code status.observedGeneration} is there and equals {@code metadata.generation}
     * @param hint                    what to check next, appended to every failure
     * @param requestedAt             the {@code reconcile.fluxcd.io/requestedAt} this run set, or null: a
     *                                {@code Ready=False} counts only once the controller has handled it
     *                                ({@code status.lastHandledReconcileAt}), so a failure from before the run
     *                                (a deploy key deleted and now registered again) is not taken for this run's
     * @param failureMustBeAtRevision a {@code Ready=False} counts only when the revision path holds the
     *                                expected revision: a Kustomization waiting for its source ("Source
     *                                artifact not found, retrying") has not attempted the revision yet
     */
    record Target(ResourceType type, String namespace, String name, List<String> revisionPath,
                  boolean generationMustBeSeen, String hint, String requestedAt, boolean failureMustBeAtRevision) {

        static Builder of(ResourceType type, String namespace, String name) {
            return new Builder(type, namespace, name);
        }

        String subject() {
            return type.kind() + " \"" + namespace + "/" + name + "\"";
        }

        String[] revisionPathArray() {
            return revisionPath.toArray(String[]::new);
        }

        /** Sets one judgement at a time; the booleans default to false. */
        static final class Builder {
            private final ResourceType type;
            private final String namespace;
            private final String name;
            private List<String> revisionPath = List.of();
            private boolean generationMustBeSeen;
            private String hint = "";
            private String requestedAt;
            private boolean failureMustBeAtRevision;

            private Builder(ResourceType type, String namespace, String name) {
                this.type = type;
                this.namespace = namespace;
                this.name = name;
            }

            Builder revisionAt(String... path) {
                revisionPath = List.of(path);
                return this;
            }

            Builder generationMustBeSeen() {
                generationMustBeSeen = true;
                return this;
            }

            Builder hint(String value) {
                hint = value;
                return this;
            }

            Builder requestedAt(String value) {
                requestedAt = value;
                return this;
            }

            Builder failureMustBeAtRevision() {
                failureMustBeAtRevision = true;
                return this;
            }

            Target build() {
                return new Target(type, namespace, name, revisionPath, generationMustBeSeen, hint, requestedAt,
                        failureMustBeAtRevision);
            }
        }
    }

    private ReadinessWait() {
    }

    /**
     * Polls the object until it is ready at the revision, fails as soon as it will not get there, or
     * times out at the run's deadline.
     */
    static void await(Run run, Cluster cluster, Target target, PushedRevision expected) {
        Duration poll = run.world().pollInterval();
        Instant deadline = run.deadline();
        String last = "the object does not exist yet";
        while (true) {
            Optional<Map<String, Object>> object = cluster.get(target.type(), target.namespace(), target.name());
            if (object.isPresent()) {
                Optional<String> pending = check(object.get(), target, expected);
                if (pending.isEmpty()) {
                    return;
                }
                last = pending.get();
            }
            Duration left = Duration.between(run.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new FluxbootException("timed out after --timeout=" + GoDuration.format(run.timeout())
                        + " waiting for " + target.subject() + " to be reconciled at revision " + expected.text()
                        + ": " + last + "; " + target.hint());
            }
            run.sleep(poll.compareTo(left) < 0 ? poll : left);
        }
    }

    /** Empty when reconciled at the revision; else why not yet. Throws when it will not get there by waiting. */
    private static Optional<String> check(Map<String, Object> object, Target target, PushedRevision expected) {
        if (ObjectFields.isTrue(object, "spec", "suspend")) {
            throw new FluxbootException(target.subject() + " is suspended, so it will not reconcile: resume it "
                    + "(flux resume " + (target.type().equals(FluxObjects.KUSTOMIZATION) ? "kustomization" : "source git")
                    + " " + target.name() + " -n " + target.namespace() + ") and re-run");
        }
        long generation = ObjectFields.number(object, "metadata", "generation").orElse(0L);
        Optional<Long> observed = ObjectFields.number(object, "status", "observedGeneration");
        boolean statusCurrent = observed.map(seen -> seen == generation).orElse(!target.generationMustBeSeen());
        Optional<Map<String, Object>> ready = ObjectFields.condition(object, "Ready");
        String status = ready.map(condition -> String.valueOf(condition.get("status"))).orElse("");
        // Controllers leave observedGeneration behind on a failure, but stamp the condition itself
        // with the generation it is about: such a Ready=False is current, and waiting will not help.
        boolean conditionCurrent = ready.flatMap(condition -> Optional.ofNullable(condition.get("observedGeneration")))
                .filter(Number.class::isInstance).map(value -> ((Number) value).longValue() == generation).orElse(false);
        boolean requestHandled = target.requestedAt() == null
                || target.requestedAt().equals(ObjectFields.text(object, "status", "lastHandledReconcileAt").orElse(""));
        String revision = normalizeRevision(ObjectFields.text(object, target.revisionPathArray()).orElse(""));
        boolean aboutThisRevision = !target.failureMustBeAtRevision() || expected.reachedBy(revision);
        if (status.equals("False") && (statusCurrent || conditionCurrent) && requestHandled && aboutThisRevision) {
            throw new FluxbootException(target.subject() + " is not ready: " + message(ready.get()) + "; "
                    + target.hint());
        }
        if (!statusCurrent) {
            return Optional.of("the controller has not observed generation " + generation + " yet (observed: "
                    + observed.map(String::valueOf).orElse("none") + ")"
                    + ready.map(condition -> "; last condition " + describe(condition)).orElse(""));
        }
        if (ready.isEmpty()) {
            return Optional.of("no Ready condition yet");
        }
        if (!status.equals("True")) {
            return Optional.of("last condition " + describe(ready.get()));
        }
        if (!expected.reachedBy(revision)) {
            return Optional.of("Ready=True at revision " + (revision.isEmpty() ? "(none)" : revision)
                    + ", not yet at " + expected.text());
        }
        return Optional.empty();
    }

    /** {@code Ready=True} for the current generation at {@code revision} (or a later one that has it). */
    static boolean readyAt(Optional<Map<String, Object>> object, String[] revisionPath, PushedRevision revision) {
        if (object.isEmpty()) {
            return false;
        }
        Map<String, Object> o = object.get();
        long generation = ObjectFields.number(o, "metadata", "generation").orElse(0L);
        boolean current = ObjectFields.number(o, "status", "observedGeneration").map(seen -> seen == generation)
                .orElse(false);
        boolean ready = ObjectFields.condition(o, "Ready").map(c -> "True".equals(String.valueOf(c.get("status"))))
                .orElse(false);
        return current && ready && revision.reachedBy(normalizeRevision(ObjectFields.text(o, revisionPath).orElse("")));
    }

    /** Flux's {@code TransformLegacyRevision}: {@code main/<sha>} is {@code main@sha1:<sha>}. */
    static String normalizeRevision(String revision) {
        Matcher branch = LEGACY_BRANCH_REVISION.matcher(revision);
        if (branch.matches()) {
            return branch.group(1) + "@sha1:" + branch.group(2);
        }
        if (LEGACY_SHA.matcher(revision).matches()) {
            return "sha1:" + revision;
        }
        return revision;
    }

    private static String describe(Map<String, Object> condition) {
        String reason = condition.get("reason") == null ? "" : " " + condition.get("reason");
        return "Ready=" + condition.get("status") + reason + ": " + message(condition);
    }

    private static String message(Map<String, Object> condition) {
        Object message = condition.get("message");
        String text = message == null ? "" : String.valueOf(message).strip();
        return text.isEmpty() ? "(no message)" : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
