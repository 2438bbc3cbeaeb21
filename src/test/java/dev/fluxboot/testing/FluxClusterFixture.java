package dev.fluxboot.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Flux v2.8.0 installation on the test API server, and the parts of a controller manager the
 * tests play: Deployment status, waiting for deleted CRDs to go.
 */
public final class FluxClusterFixture {

    public static final List<String> V280_CONTROLLERS = List.of("helm-controller", "kustomize-controller",
            "notification-controller", "source-controller");

    private FluxClusterFixture() {
    }

    /**
     * The real v2.8.0 installation moved to {@code namespace} (every {@code flux-system} in the text
     * replaced, so several installations keep apart).
     */
    public static List<Map<String, Object>> v280In(String namespace) {
        return FluxManifestFixtures.parse(FluxManifestFixtures.v280ComponentsYaml().replace("flux-system", namespace));
    }

    /** Writes the status kube-controller-manager writes for a rolled-out Deployment. */
    public static void markAvailable(KubernetesClient client, String namespace, String name) {
        writeStatus(client, namespace, name, new DeploymentStatusBuilder()
                .withObservedGeneration(generation(client, namespace, name))
                .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                        .withReason("MinimumReplicasAvailable").withMessage("Deployment has minimum availability.").build())
                .build());
    }

    /** Writes the status of a Deployment whose pod never became ready. */
    public static void markUnavailable(KubernetesClient client, String namespace, String name) {
        writeStatus(client, namespace, name, new DeploymentStatusBuilder()
                .withObservedGeneration(generation(client, namespace, name))
                .withReplicas(1).withUpdatedReplicas(1).withUnavailableReplicas(1)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("False")
                        .withReason("MinimumReplicasUnavailable").withMessage("Deployment does not have minimum availability.")
                        .build())
                .build());
    }

    private static long generation(KubernetesClient client, String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get().getMetadata().getGeneration();
    }

    private static void writeStatus(KubernetesClient client, String namespace, String name, DeploymentStatus status) {
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(deployment -> {
            Deployment copy = new DeploymentBuilder(deployment).build();
            copy.setStatus(status);
            return copy;
        });
    }

    /** Waits until no CRD labelled part-of=flux is left (the API server deletes their objects first). */
    public static void awaitNoFluxCrds(KubernetesClient client, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!client.apiextensions().v1().customResourceDefinitions()
                .withLabel("app.kubernetes.io/part-of", "flux").list().getItems().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Flux CRDs still there after " + timeout);
            }
            sleep();
        }
    }

    /** Waits until the object is gone. */
    public static void awaitGone(KubernetesClient client, String apiVersion, String kind, String namespace, String name,
                                 Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (exists(client, apiVersion, kind, namespace, name)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(kind + "/" + namespace + "/" + name + " still there after " + timeout);
            }
            sleep();
        }
    }

    private static boolean exists(KubernetesClient client, String apiVersion, String kind, String namespace, String name) {
        try {
            var objects = client.genericKubernetesResources(apiVersion, kind);
            GenericKubernetesResource object = namespace == null ? objects.withName(name).get()
                    : objects.inNamespace(namespace).withName(name).get();
            return object != null;
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false; // the kind is no longer served
            }
            throw e;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
