package dev.fluxboot.testing.flux;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Flux custom resources the simulator reconciles, read and status-written as unstructured
 * objects (so a missing CRD is simply "no objects", and no Flux model classes are needed).
 */
final class FluxResources {

    /** The annotation {@code flux reconcile} sets to ask for a reconciliation now; handled ones go to {@code status.lastHandledReconcileAt}. */
    static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

    static final ResourceDefinitionContext GIT_REPOSITORIES = new ResourceDefinitionContext.Builder()
            .withGroup("source.toolkit.fluxcd.io").withVersion("v1").withKind("GitRepository")
            .withPlural("gitrepositories").withNamespaced(true).build();

    static final ResourceDefinitionContext KUSTOMIZATIONS = new ResourceDefinitionContext.Builder()
            .withGroup("kustomize.toolkit.fluxcd.io").withVersion("v1").withKind("Kustomization")
            .withPlural("kustomizations").withNamespaced(true).build();

    private FluxResources() {
    }

    /** The objects of the namespace; empty while the CRD is not installed. */
    static List<GenericKubernetesResource> list(KubernetesClient client, ResourceDefinitionContext type, String namespace) {
        try {
            return client.genericKubernetesResources(type).inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    static Optional<GenericKubernetesResource> get(KubernetesClient client, ResourceDefinitionContext type,
                                                    String namespace, String name) {
        try {
            return Optional.ofNullable(client.genericKubernetesResources(type).inNamespace(namespace).withName(name).get());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static Map<String, Object> spec(GenericKubernetesResource object) {
        return Nested.copy(object.getAdditionalProperties().get("spec"));
    }

    static Object status(GenericKubernetesResource object) {
        return object.getAdditionalProperties().get("status");
    }

    static long generation(GenericKubernetesResource object) {
        Long generation = object.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }

    static Optional<String> requestedAt(GenericKubernetesResource object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(REQUESTED_AT));
    }

    /**
     * Replaces the status (status subresource, optimistic locking on the version read) unless it
     * would not change. False when nothing was written: unchanged, or the object changed or went
     * meanwhile (the next pass reads it again).
     */
    static boolean writeStatus(KubernetesClient client, ResourceDefinitionContext type,
                               GenericKubernetesResource object, Map<String, Object> status) {
        if (Nested.sameDocument(status(object), status)) {
            return false;
        }
        object.setAdditionalProperty("status", status);
        try {
            client.genericKubernetesResources(type).inNamespace(object.getMetadata().getNamespace())
                    .resource(object).updateStatus();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
