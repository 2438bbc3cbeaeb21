package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.net.Sleeper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Connects to the cluster a kubeconfig names, as kubectl and the Flux CLI choose it. */
public final class KubeClusters {

    /** Objects of one apply stage in flight at once. */
    static final int APPLY_PARALLELISM = 8;
    static final Duration DEPLOYMENT_POLL = Duration.ofSeconds(1);
    /** The Flux CLI's default {@code --timeout}, for callers that give none. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private KubeClusters() {
    }

    /**
     * @param kubeconfig {@code --kubeconfig}; when empty, {@code KUBECONFIG} (a path list, merged like
     *                   kubectl), else {@code ~/.kube/config}, else the in-cluster service account
     * @param context    {@code --context}; when empty, the kubeconfig's current-context
     * @throws FluxbootException when no kubeconfig is found, it cannot be read or the context is unknown
     */
    public static Cluster connect(Optional<Path> kubeconfig, Optional<String> context) {
        return connect(kubeconfig, context, System.getenv());
    }

    /** The connector of the workflows: {@code KUBECONFIG} and {@code HOME} come from {@code env}. */
    public static ClusterConnector connector(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return (connection, timeout) -> connect(connection.kubeconfig(), connection.context(), copy, timeout);
    }

    /** As {@link #connect(Optional, Optional)}, reading {@code KUBECONFIG} and {@code HOME} from {@code env}. */
    public static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Map<String, String> env) {
        return connect(kubeconfig, context, env, DEFAULT_TIMEOUT, false);
    }

    /**
     * As {@link #connect(Optional, Optional, Map)}, within {@code timeout} ({@code --timeout}): an
     * {@code exec} credential plugin gets at most that long, and so does each request (and each
     * connection attempt, at most {@link #MAX_CONNECT_TIMEOUT}).
     */
    public static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Map<String, String> env,
                                  Duration timeout) {
        return connect(kubeconfig, context, env, timeout, true);
    }

    /** @param bounded whether every request must end within {@code timeout} from now */
    private static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Map<String, String> env,
                                   Duration timeout, boolean bounded) {
        return connect(kubeconfig, context, env, timeout, bounded, Clock.systemUTC(), Sleeper.threadSleep());
    }

    /** As {@link #connect(Optional, Optional)}, its waits measured by {@code clock} and paused by {@code sleeper}. */
    static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Clock clock, Sleeper sleeper) {
        return connect(kubeconfig, context, System.getenv(), DEFAULT_TIMEOUT, false, clock, sleeper);
    }

    private static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Map<String, String> env,
                                   Duration timeout, boolean bounded, Clock clock, Sleeper sleeper) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Config config = new KubeconfigResolver(env, home).resolve(kubeconfig, context, timeout);
        // fabric8 retries refused connections 10 times (about 20 s): an unreachable cluster should fail fast
        config.setRequestRetryBackoffLimit(3);
        config.setRequestTimeout((int) min(MAX_REQUEST_TIMEOUT, timeout).toMillis());
        config.setConnectionTimeout((int) min(MAX_CONNECT_TIMEOUT, timeout).toMillis());
        config.setMaxConcurrentRequestsPerHost(2 * APPLY_PARALLELISM);
        KubernetesClient client;
        try {
            client = new KubernetesClientBuilder().withConfig(config).build();
        } catch (KubernetesClientException e) {
            // the TLS setup reads the certificate and key files the kubeconfig names
            throw new FluxbootException("cannot set up the connection to " + config.getMasterUrl() + ": " + setupProblem(e)
                    + "; check --kubeconfig/--context");
        }
        return new KubeCluster(client, DEPLOYMENT_POLL, APPLY_PARALLELISM, bounded ? timeout : null, clock, sleeper);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String setupProblem(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (root instanceof AccessDeniedException denied) {
            return "cannot read " + denied.getFile();
        }
        // key and certificate parsers do not quote key material; keep the first line only anyway
        return "invalid client certificate, key or CA";
    }
}
