package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Applies one object the way Flux's ResourceManager does, writing only when something would
 * change: GET the live object; if there is none, apply (created, 2 requests); otherwise a
 * server-side dry-run apply, compared with the live object ({@link Drift}), and a real apply only
 * when they differ (unchanged: 2 requests, configured: 3). Server-side apply with field manager
 * {@code flux} and forced conflicts, like the Flux CLI, so either tool (and kustomize-controller
 * after it) takes the fields over cleanly.
 */
final class ServerSideApplier {

    static final String FIELD_MANAGER = "flux";

    /** Discovery of a freshly established CRD's API can trail its condition by a moment. */
    private static final int DISCOVERY_ATTEMPTS = 10;
    private static final Duration DISCOVERY_RETRY = Duration.ofMillis(300);

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;
    private final KubeErrors errors;

    ServerSideApplier(KubernetesClient client, KubeErrors errors) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
        this.errors = errors;
    }

    /**
     * @param change what was done
     * @param object the object as the server holds it afterwards (the live one when unchanged)
     */
    record Result(ObjectRef ref, ObjectChange change, Map<String, Object> object) {
    }

    /** What {@link #apply} would do, and the object it concerns. */
    record Planned(ObjectRef ref, ObjectPlan plan) {
    }

    /**
     * What {@link #apply} would do, changing nothing: created when there is no live object (or
     * its kind is not served yet: its CRD is created by the same apply), else a server-side
     * dry-run apply compared with the live object, with the fields that would change.
     */
    Planned plan(Map<String, Object> manifest) {
        Map<String, Object> desired = ManifestNormalizer.normalize(manifest);
        ObjectRef ref = ObjectRef.of(desired);
        boolean secret = ref.kind().equals("Secret") && ref.group().isEmpty();
        // a new Secret is listed with its keys, never its values
        List<String> keys = secret ? List.of("keys: " + String.join(", ", new java.util.TreeSet<>(
                Fields.map(desired, "data").keySet()))) : List.of();
        Planned created = new Planned(ref, new ObjectPlan(ref.change(ObjectChange.Action.CREATED), keys));
        GenericKubernetesResource item = serialization.convertValue(desired, GenericKubernetesResource.class);
        Resource<GenericKubernetesResource> resource;
        try {
            resource = client.resource(item);
        } catch (KubernetesClientException e) {
            if (e.getCode() > 0 || e.getStatus() != null || e.getCause() != null) {
                throw errors.translate("dry-run apply " + ref.subject(), e);
            }
            return created; // kind not served: its CustomResourceDefinition is not there yet
        }
        try {
            GenericKubernetesResource live = resource.get();
            if (live == null) {
                return created;
            }
            Map<String, Object> liveObject = toMap(live);
            Map<String, Object> dryRun = toMap(resource.patch(applyContext(true), serialization.asJson(desired)));
            if (!Drift.hasDrifted(liveObject, dryRun)) {
                return new Planned(ref, new ObjectPlan(ref.change(ObjectChange.Action.UNCHANGED), List.of()));
            }
            return new Planned(ref, new ObjectPlan(ref.change(ObjectChange.Action.CONFIGURED),
                    FieldDifferences.between(liveObject, dryRun, secret)));
        } catch (KubernetesClientException e) {
            throw errors.translate("dry-run apply " + ref.subject(), e);
        }
    }

    /**
     * A server-side dry-run apply with strict field validation: a field the server does not know
     * (a CRD schema key newer than the cluster) is an error instead of a warning and a silent drop.
     *
     * @throws FluxbootException naming the object, the server's reason, and that nothing was changed
     */
    void requireAccepted(Map<String, Object> manifest) {
        Map<String, Object> desired = ManifestNormalizer.normalize(manifest);
        ObjectRef ref = ObjectRef.of(desired);
        Resource<GenericKubernetesResource> resource = resource(ref, desired);
        try {
            resource.patch(new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager(FIELD_MANAGER)
                    .withForce(true)
                    .withDryRun(List.of("All"))
                    .withFieldValidation("Strict")
                    .build(), serialization.asJson(desired));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 500) {
                throw new FluxbootException("the cluster refuses " + ref.subject() + " (checked in a dry run before "
                        + "changing anything): " + KubeErrors.firstLine(statusMessage(e)) + "; this Flux release may need"
                        + " a newer Kubernetes than the cluster's (see fluxboot check --pre)");
            }
            throw errors.translate("dry-run apply " + ref.subject(), e);
        }
    }

    private static String statusMessage(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }

    Result apply(Map<String, Object> manifest) {
        Map<String, Object> desired = ManifestNormalizer.normalize(manifest);
        ObjectRef ref = ObjectRef.of(desired);
        String body = serialization.asJson(desired);
        Resource<GenericKubernetesResource> resource = resource(ref, desired);
        try {
            GenericKubernetesResource live = resource.get();
            if (live == null) {
                try {
                    GenericKubernetesResource created = resource.patch(applyContext(false), body);
                    return new Result(ref, ref.change(ObjectChange.Action.CREATED), toMap(created));
                } catch (KubernetesClientException e) {
                    if (!alreadyExists(e)) {
                        throw e;
                    }
                    // another run (a second bootstrap of this cluster) created it meanwhile: apply over it
                    live = resource.get();
                    if (live == null) {
                        throw e;
                    }
                }
            }
            GenericKubernetesResource dryRun = resource.patch(applyContext(true), body);
            Map<String, Object> liveObject = toMap(live);
            if (!Drift.hasDrifted(liveObject, toMap(dryRun))) {
                return new Result(ref, ref.change(ObjectChange.Action.UNCHANGED), liveObject);
            }
            GenericKubernetesResource configured = resource.patch(applyContext(false), body);
            return new Result(ref, ref.change(ObjectChange.Action.CONFIGURED), toMap(configured));
        } catch (KubernetesClientException e) {
            throw errors.translate("apply " + ref.subject(), e);
        }
    }

    /** 409 AlreadyExists: a create (an apply of an absent object) lost a race with another client's. */
    private static boolean alreadyExists(KubernetesClientException e) {
        return e.getCode() == 409 && (e.getStatus() == null || e.getStatus().getReason() == null
                || "AlreadyExists".equals(e.getStatus().getReason()));
    }

    private Resource<GenericKubernetesResource> resource(ObjectRef ref, Map<String, Object> desired) {
        GenericKubernetesResource item = serialization.convertValue(desired, GenericKubernetesResource.class);
        for (int attempt = 1; ; attempt++) {
            try {
                return client.resource(item);
            } catch (KubernetesClientException e) {
                if (e.getCode() > 0 || e.getStatus() != null || e.getCause() != null) {
                    throw errors.translate("apply " + ref.subject(), e);
                }
                // no handler: the server's discovery does not list this kind (yet)
                if (attempt >= DISCOVERY_ATTEMPTS) {
                    throw new FluxbootException("apply " + ref.subject() + " failed: the cluster does not serve kind "
                            + ref.kind() + " in " + ref.apiVersion() + "; is its CustomResourceDefinition installed?");
                }
                sleep(DISCOVERY_RETRY);
            }
        }
    }

    private static PatchContext applyContext(boolean dryRun) {
        return new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(FIELD_MANAGER)
                .withForce(true)
                .withDryRun(dryRun ? List.of("All") : null)
                .build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(GenericKubernetesResource resource) {
        return serialization.convertValue(resource, Map.class);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted");
        }
    }
}
