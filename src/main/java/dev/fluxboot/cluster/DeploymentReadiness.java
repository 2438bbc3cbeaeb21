package dev.fluxboot.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.util.List;
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

    static DeploymentReadiness of(Deployment deployment) {
        if (deployment == null) {
            return new DeploymentReadiness(State.NOT_FOUND, "deployment not found");
        }
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        List<DeploymentCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        Optional<DeploymentCondition> progressing = condition(conditions, "Progressing");
        if (progressing.isPresent() && "False".equals(progressing.get().getStatus())
                && "ProgressDeadlineExceeded".equals(progressing.get().getReason())) {
            return new DeploymentReadiness(State.FAILED, describe(progressing.get()));
        }
        long generation = number(deployment.getMetadata().getGeneration());
        long observed = number(status.getObservedGeneration());
        if (observed < generation) {
            return inProgress("waiting for the deployment controller to observe generation " + generation
                    + " (observed " + observed + ")");
        }
        Optional<DeploymentCondition> replicaFailure = condition(conditions, "ReplicaFailure");
        if (replicaFailure.isPresent() && "True".equals(replicaFailure.get().getStatus())) {
            return inProgress(describe(replicaFailure.get()));
        }
        Optional<DeploymentCondition> available = condition(conditions, "Available");
        if (available.isPresent() && !"True".equals(available.get().getStatus())) {
            return inProgress(describe(available.get()));
        }
        long desired = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                : deployment.getSpec().getReplicas();
        long updated = number(status.getUpdatedReplicas());
        long replicas = number(status.getReplicas());
        long availableReplicas = number(status.getAvailableReplicas());
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

    private static Optional<DeploymentCondition> condition(List<DeploymentCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static String describe(DeploymentCondition condition) {
        String reason = condition.getReason() == null || condition.getReason().isBlank()
                ? condition.getType() + "=" + condition.getStatus() : condition.getReason();
        String message = condition.getMessage() == null ? "" : KubeErrors.firstLine(condition.getMessage());
        return message.isEmpty() || "unknown error".equals(message) ? reason : reason + ": " + message;
    }

    private static long number(Number value) {
        return value == null ? 0 : value.longValue();
    }
}
