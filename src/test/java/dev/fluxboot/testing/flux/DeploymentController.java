package dev.fluxboot.testing.flux;

import dev.fluxboot.testing.flux.FluxControllerSimulator.Kind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * kube-controller-manager's deployment controller (with the scheduler and kubelets it relies
 * on) for the Deployments of one namespace: every Deployment rolls out at once and becomes
 * available, with the status fields and conditions of a healthy rollout; faults make one fail.
 */
final class DeploymentController {

    /** The alphabet Kubernetes uses for pod-template hashes. */
    private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

    private final KubernetesClient client;
    private final String namespace;
    private final Ledger ledger;
    private final Clock clock;

    DeploymentController(KubernetesClient client, String namespace, Ledger ledger, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** @param onlyName reconcile only this one, or all when {@code null} */
    void reconcile(String onlyName) {
        for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            String name = deployment.getMetadata().getName();
            if (onlyName == null || onlyName.equals(name)) {
                reconcileOne(deployment);
            }
        }
    }

    private void reconcileOne(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        Optional<Fault> fault = ledger.fault(Kind.DEPLOYMENT, name);
        if (fault.isPresent() && fault.get().type() == Fault.Type.NEVER_READY) {
            return;
        }
        int replicas = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                : deployment.getSpec().getReplicas();
        String replicaSet = "ReplicaSet \"" + name + "-" + templateHash(deployment) + "\"";
        DeploymentStatus current = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        DeploymentStatusBuilder status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas);
        if (fault.isEmpty()) {
            status.withReadyReplicas(replicas).withAvailableReplicas(replicas).withConditions(
                    condition(current, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."),
                    condition(current, "Progressing", "True", "NewReplicaSetAvailable", replicaSet + " has successfully progressed."));
        } else if (fault.get().type() == Fault.Type.PROGRESS_DEADLINE_EXCEEDED) {
            status.withUnavailableReplicas(replicas).withConditions(
                    condition(current, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."),
                    condition(current, "Progressing", "False", "ProgressDeadlineExceeded", replicaSet + " has timed out progressing."));
        } else {
            status.withUnavailableReplicas(replicas).withConditions(
                    condition(current, "Available", "False", fault.get().reason(), fault.get().message()),
                    condition(current, "Progressing", "True", "ReplicaSetUpdated", replicaSet + " is progressing."));
        }
        DeploymentStatus desired = status.build();
        if (Nested.sameDocument(json(current), json(desired))) {
            return;
        }
        deployment.setStatus(desired);
        try {
            client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
            ledger.statusWritten(Kind.DEPLOYMENT, name);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 && e.getCode() != 404) {
                throw e;
            }
        }
    }

    /** A condition whose times move only when its state changes, as the deployment controller keeps them. */
    private DeploymentCondition condition(DeploymentStatus current, String type, String status, String reason, String message) {
        String now = FluxConditions.timestamp(clock.instant());
        Optional<DeploymentCondition> previous = current.getConditions() == null ? Optional.empty()
                : current.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
        boolean same = previous.isPresent() && Objects.equals(previous.get().getStatus(), status)
                && Objects.equals(previous.get().getReason(), reason) && Objects.equals(previous.get().getMessage(), message);
        boolean sameStatus = previous.isPresent() && Objects.equals(previous.get().getStatus(), status);
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastUpdateTime(same ? previous.get().getLastUpdateTime() : now)
                .withLastTransitionTime(sameStatus ? previous.get().getLastTransitionTime() : now)
                .build();
    }

    private Map<?, ?> json(DeploymentStatus status) {
        return client.getKubernetesSerialization().convertValue(status, Map.class);
    }

    /** Like the pod-template-hash label: changes when the pod template does. */
    private String templateHash(Deployment deployment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.getKubernetesSerialization().asJson(
                    deployment.getSpec() == null ? null : deployment.getSpec().getTemplate()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hash = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                hash.append(SAFE.charAt((digest[i] & 0xff) % SAFE.length()));
            }
            return hash.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
