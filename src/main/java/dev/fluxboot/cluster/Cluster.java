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
     * of a stage in parallel. An object that would not change is not written.
     */
    List<ObjectChange> apply(List<Map<String, Object>> objects, Duration timeout);

    /**
     * What {@link #apply} would do to each object, changing nothing (server-side dry run where
     * the object exists), in the order {@code apply} reports. A Secret's values never appear in
     * the result, only its keys.
     */
    List<ObjectPlan> plan(List<Map<String, Object>> objects);

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
