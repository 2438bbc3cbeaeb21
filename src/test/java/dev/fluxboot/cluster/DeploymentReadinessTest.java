package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentReadinessTest {

    @Test
    void availableAndRolledOutIsReady() {
        assertThat(DeploymentReadiness.of(deployment(2, 2, 2, 2, "True")).ready()).isTrue();
    }

    @Test
    void oldReplicasStillRunningOrTooFewAvailableIsInProgress() {
        assertThat(DeploymentReadiness.of(deployment(1, 2, 1, 1, "True")))
                .isEqualTo(new DeploymentReadiness(DeploymentReadiness.State.IN_PROGRESS, "old replicas pending termination: 1"));
        assertThat(DeploymentReadiness.of(deployment(2, 2, 2, 1, "True")))
                .isEqualTo(new DeploymentReadiness(DeploymentReadiness.State.IN_PROGRESS, "available replicas: 1/2"));
        assertThat(DeploymentReadiness.of(deployment(2, 2, 1, 1, "True")))
                .isEqualTo(new DeploymentReadiness(DeploymentReadiness.State.IN_PROGRESS, "updated replicas: 1/2"));
    }

    @Test
    void anUnobservedGenerationIsInProgress() {
        Map<String, Object> deployment = deployment(1, 1, 1, 1, "True");
        metadata(deployment).put("generation", 3);

        assertThat(DeploymentReadiness.of(deployment).reason())
                .isEqualTo("waiting for the deployment controller to observe generation 3 (observed 2)");
    }

    @Test
    void missingIsNotFound() {
        assertThat(DeploymentReadiness.of(null).state()).isEqualTo(DeploymentReadiness.State.NOT_FOUND);
    }

    @Test
    void aPassedProgressDeadlineFailsWithTheConditionsReasonAndFirstLine() {
        Map<String, Object> deployment = deployment(1, 1, 1, 0, "False");
        @SuppressWarnings("unchecked")
        List<Object> conditions = (List<Object>) ((Map<String, Object>) deployment.get("status")).get("conditions");
        conditions.add(Map.of("type", "Progressing", "status", "False", "reason", "ProgressDeadlineExceeded",
                "message", "ReplicaSet \"x\" has timed out progressing.\nmore"));

        assertThat(DeploymentReadiness.of(deployment))
                .isEqualTo(new DeploymentReadiness(DeploymentReadiness.State.FAILED,
                        "ProgressDeadlineExceeded: ReplicaSet \"x\" has timed out progressing."));
    }

    @Test
    void aDeploymentWithoutStatusOrSpecReplicasWaitsForOneReplica() {
        Map<String, Object> deployment = new HashMap<>(Map.of("metadata", new HashMap<>(Map.of("name", "d", "generation", 1))));

        assertThat(DeploymentReadiness.of(deployment).reason())
                .isEqualTo("waiting for the deployment controller to observe generation 1 (observed 0)");
    }

    /** A Deployment as the API server's JSON reads into maps (numbers as Integer). */
    private static Map<String, Object> deployment(int desired, int replicas, int updated, int available,
                                                  String availableCondition) {
        Map<String, Object> status = new HashMap<>(Map.of("observedGeneration", 2, "replicas", replicas,
                "updatedReplicas", updated, "availableReplicas", available,
                "conditions", new java.util.ArrayList<>(List.of(Map.of("type", "Available", "status", availableCondition)))));
        return new HashMap<>(Map.of(
                "metadata", new HashMap<>(Map.of("name", "d", "generation", 2)),
                "spec", Map.of("replicas", desired),
                "status", status));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> deployment) {
        return (Map<String, Object>) deployment.get("metadata");
    }
}
