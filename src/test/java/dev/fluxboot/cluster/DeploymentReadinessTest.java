package dev.fluxboot.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import org.junit.jupiter.api.Test;

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
        Deployment deployment = deployment(1, 1, 1, 1, "True");
        deployment.getMetadata().setGeneration(3L);

        assertThat(DeploymentReadiness.of(deployment).reason())
                .isEqualTo("waiting for the deployment controller to observe generation 3 (observed 2)");
    }

    @Test
    void missingIsNotFound() {
        assertThat(DeploymentReadiness.of(null).state()).isEqualTo(DeploymentReadiness.State.NOT_FOUND);
    }

    private static Deployment deployment(int desired, int replicas, int updated, int available, String availableCondition) {
        return new DeploymentBuilder()
                .withNewMetadata().withName("d").withGeneration(2L).endMetadata()
                .withNewSpec().withReplicas(desired).endSpec()
                .withNewStatus().withObservedGeneration(2L).withReplicas(replicas).withUpdatedReplicas(updated)
                .withAvailableReplicas(available)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus(availableCondition).build())
                .endStatus().build();
    }
}
