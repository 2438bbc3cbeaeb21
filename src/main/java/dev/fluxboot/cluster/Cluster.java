package dev.fluxboot.cluster;

import dev.fluxboot.ui.Reporter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
     * Waits until each named Deployment in the namespace is available, reporting each one
     * ({@code ✔} or {@code ✗} with the reason from its status). Throws a
     * {@link dev.fluxboot.FluxbootException} naming the Deployments that were not ready in time.
     */
    void waitForDeployments(String namespace, List<String> names, Duration timeout, Reporter reporter);

    /** What Flux installation, if any, the cluster already has (read from the Flux CRDs' labels). */
    FluxInstallation inspectFlux();

    /** Creates or updates a Secret (server-side apply, field manager flux). Values are never logged. */
    void applySecret(String namespace, String name, String type, Map<String, String> stringData);

    @Override
    void close();
}
