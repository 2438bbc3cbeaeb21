package dev.fluxboot.cluster;

import java.util.List;
import java.util.Map;

/**
 * The one door to a Kubernetes cluster. Steps and services talk to the cluster only through
 * this, so tests can run them against a real API server.
 */
public interface Cluster extends AutoCloseable {

    /**
     * Server-side apply (field manager {@code flux}) in two stages like Flux: CRDs and
     * Namespaces first, waiting until each CRD is Established, then everything else. An
     * object that would not change is not written.
     */
    List<ObjectChange> apply(List<Map<String, Object>> objects, java.time.Duration timeout);

    @Override
    void close();
}
