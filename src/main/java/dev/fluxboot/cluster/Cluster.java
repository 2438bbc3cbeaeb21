package dev.fluxboot.cluster;

import dev.fluxboot.ui.Reporter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one door to a Kubernetes cluster. Steps and services talk to the cluster only through
 * this, so tests can run them against a real API server.
 */
public interface Cluster extends AutoCloseable {

    /**
     * Server-side apply (field manager {@code flux}) in two stages like Flux: CRDs and
     * Namespaces first, waiting until each CRD is Established, then everything else, objects
     * of a stage in parallel. An object that would not change is not written. Before the first
     * stage, CRDs whose new version list drops a stored version get their objects migrated
     * ({@link StorageMigration}).
     */
    List<ObjectChange> apply(List<Map<String, Object>> objects, Duration timeout);

    /**
     * Asks the API server, in a server-side dry run with strict field validation, whether it
     * accepts each CustomResourceDefinition among the objects (the other objects are left alone:
     * they may need those CRDs or a namespace first). {@link #apply} does this before it writes
     * anything; a workflow that writes elsewhere first (Git) calls it before that.
     *
     * @throws dev.fluxboot.FluxbootException naming the first CRD refused and the server's reason,
     *                                        e.g. schema keys a Kubernetes older than the Flux release does not know
     */
    void requireAcceptedDefinitions(List<Map<String, Object>> objects);

    /**
     * Refuses a namespace that is being deleted (Terminating): the server would refuse every
     * object for it, one by one, after the cluster-scoped ones were written. {@link #apply} and
     * {@link #plan} check the namespaces of their objects themselves; a workflow calls this
     * before it changes anything elsewhere.
     *
     * @throws dev.fluxboot.FluxbootException naming the namespace and what to do
     */
    void requireLiveNamespace(String namespace);

    /**
     * What {@link #apply} would do to each object, changing nothing (server-side dry run where
     * the object exists), in the order {@code apply} reports. A Secret's values never appear in
     * the result, only its keys. A CRD that needs a storage migration first is listed as configured,
     * with the migration and the objects it would rewrite.
     */
    List<ObjectPlan> plan(List<Map<String, Object>> objects);

    /**
     * Moving stored objects to new storage versions before CRDs that drop a stored version are applied
     * ({@link #apply} does it first by itself, silently), and {@code flux migrate}'s cluster mode.
     */
    StorageMigration storageMigration();

    /**
     * Waits until each named Deployment in the namespace is available, reporting each one
     * ({@code ✔} or {@code ✗} with the reason from its status). Throws a
     * {@link dev.fluxboot.FluxbootException} naming the Deployments that were not ready in time.
     */
    void waitForDeployments(String namespace, List<String> names, Duration timeout, Reporter reporter);

    /** What Flux installation, if any, the cluster already has (read from the Flux CRDs' labels). */
    FluxInstallation inspectFlux();

    /** The API server's Kubernetes version as it reports it ({@code gitVersion}), e.g. {@code v1.33.1+k3s1}. */
    String serverVersion();

    /**
     * Whether the kubeconfig's user may {@code verb} the {@code resource} of {@code group} in every
     * namespace (a SelfSubjectAccessReview; any user may ask it).
     */
    boolean allowed(String verb, String group, String resource);

    /**
     * The objects of a type as the server holds them (status included).
     *
     * @param namespace one namespace, or {@code ""} for all namespaces and for cluster-scoped types
     * @param labels    labels every object must carry with these values; empty for all objects
     */
    List<Map<String, Object>> list(ResourceType type, String namespace, Map<String, String> labels);

    /**
     * The object as the server holds it; empty when there is none, or when its type is not served
     * (its CustomResourceDefinition is not installed).
     *
     * @param namespace {@code ""} for cluster-scoped types
     */
    Optional<Map<String, Object>> get(ResourceType type, String namespace, String name);

    /** Sets annotations on an object (a JSON merge patch of {@code metadata.annotations}). */
    void annotate(ResourceType type, String namespace, String name, Map<String, String> annotations);

    /**
     * Deletes the object (background propagation); with {@code dryRun} the server only checks the
     * request (server-side dry run) and changes nothing.
     *
     * @return false when there was no such object
     */
    boolean delete(ResourceType type, String namespace, String name, boolean dryRun);

    /**
     * Clears {@code metadata.finalizers} of the object, so that its deletion does not wait for a
     * controller; with {@code dryRun} the server only checks the request.
     */
    void removeFinalizers(ResourceType type, String namespace, String name, boolean dryRun);

    /** Creates or updates a Secret (server-side apply, field manager flux). Values are never logged. */
    void applySecret(String namespace, String name, String type, Map<String, String> stringData);

    @Override
    void close();
}
