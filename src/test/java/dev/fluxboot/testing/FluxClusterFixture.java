package dev.fluxboot.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Waits until no CRD labelled part-of=flux is left (the API server deletes their objects first),
     * watching the list rather than polling it; {@code timeout} only bounds a wait that would hang.
     */
    public static void awaitNoFluxCrds(KubernetesClient client, Duration timeout) {
        try {
            client.apiextensions().v1().customResourceDefinitions().withLabel("app.kubernetes.io/part-of", "flux")
                    .informOnCondition(List::isEmpty).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Flux CRDs still there after " + timeout);
        } catch (ExecutionException e) {
            throw new AssertionError("watching the Flux CRDs failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Waits, watching it, until the object is gone, or its kind is no longer served. */
    public static void awaitGone(KubernetesClient client, String apiVersion, String kind, String namespace, String name,
                                 Duration timeout) {
        try {
            var objects = client.genericKubernetesResources(apiVersion, kind);
            var object = namespace == null ? objects.withName(name) : objects.inNamespace(namespace).withName(name);
            object.waitUntilCondition(Objects::isNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new AssertionError(kind + "/" + namespace + "/" + name + " still there after " + timeout);
        } catch (KubernetesClientException e) {
            if (!notServed(e)) {
                throw e;
            }
        }
    }

    private static boolean notServed(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KubernetesClientException k && (k.getCode() == 404
                    || String.valueOf(k.getMessage()).startsWith("Could not find the metadata for the given apiVersion and kind"))) {
                return true;
            }
        }
        return false;
    }
}
