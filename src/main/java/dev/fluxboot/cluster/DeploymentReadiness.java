package dev.fluxboot.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Deployment has rolled out and is available, read from its status as kstatus (and so
 * {@code flux check}) reads it, with the reason a user needs when it is not.
 *
 * @param state  ready, still progressing, failed for good (the progress deadline passed), or missing
 * @param reason why it is not ready ("" when ready)
 */
record DeploymentReadiness(State state, String reason) {

    enum State { READY, IN_PROGRESS, FAILED, NOT_FOUND }

    /**
     * @param deployment the Deployment as the API server returned it, as a map (a typed
     *                   {@code Deployment} makes Jackson build deserializers for the whole pod
     *                   template, about 0.17 s of a whole-process no-op re-run), or null when missing
     */
    static DeploymentReadiness of(Map<String, Object> deployment) {
        if (deployment == null) {
            return new DeploymentReadiness(State.NOT_FOUND, "deployment not found");
        }
        Map<String, Object> status = Fields.map(deployment, "status");
        List<Map<String, Object>> conditions = Fields.list(deployment, "status", "conditions").stream()
                .map(ManifestNormalizer::map).filter(java.util.Objects::nonNull).toList();
        Optional<Map<String, Object>> progressing = condition(conditions, "Progressing");
        if (progressing.isPresent() && "False".equals(progressing.get().get("status"))
                && "ProgressDeadlineExceeded".equals(progressing.get().get("reason"))) {
            return new DeploymentReadiness(State.FAILED, describe(progressing.get()));
        }
        long generation = number(Fields.map(deployment, "metadata").get("generation"));
        long observed = number(status.get("observedGeneration"));
        if (observed < generation) {
            return inProgress("waiting for the deployment controller to observe generation " + generation
                    + " (observed " + observed + ")");
        }
        Optional<Map<String, Object>> replicaFailure = condition(conditions, "ReplicaFailure");
        if (replicaFailure.isPresent() && "True".equals(replicaFailure.get().get("status"))) {
            return inProgress(describe(replicaFailure.get()));
        }
        Optional<Map<String, Object>> available = condition(conditions, "Available");
        if (available.isPresent() && !"True".equals(available.get().get("status"))) {
            return inProgress(describe(available.get()));
        }
        Object wanted = Fields.map(deployment, "spec").get("replicas");
        long desired = wanted == null ? 1 : number(wanted);
        long updated = number(status.get("updatedReplicas"));
        long replicas = number(status.get("replicas"));
        long availableReplicas = number(status.get("availableReplicas"));
        if (updated < desired) {
            return inProgress("updated replicas: " + updated + "/" + desired);
        }
        if (replicas > updated) {
            return inProgress("old replicas pending termination: " + (replicas - updated));
        }
        if (availableReplicas < updated) {
            return inProgress("available replicas: " + availableReplicas + "/" + updated);
        }
        if (available.isEmpty() && desired > 0) {
            return inProgress("no Available condition yet");
        }
        return new DeploymentReadiness(State.READY, "");
    }

    boolean ready() {
        return state == State.READY;
    }

    private static DeploymentReadiness inProgress(String reason) {
        return new DeploymentReadiness(State.IN_PROGRESS, reason);
    }

    private static Optional<Map<String, Object>> condition(List<Map<String, Object>> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.get("type"))).findFirst();
    }

    private static String describe(Map<String, Object> condition) {
        String reason = Fields.text(condition, "reason").orElseGet(() ->
                Fields.text(condition, "type").orElse("") + "=" + Fields.text(condition, "status").orElse(""));
        String message = KubeErrors.firstLine(Fields.text(condition, "message").orElse(""));
        return message.isEmpty() || "unknown error".equals(message) ? reason : reason + ": " + message;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
