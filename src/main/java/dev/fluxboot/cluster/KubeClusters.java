package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import dev.fluxboot.net.Sleeper;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

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
        return (connection, timeout) -> connect(connection, copy, timeout);
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

    /**
     * The cluster a {@link KubeConnection} names (kubeconfig files, context and the connection flags
     * over them), within {@code timeout} as {@link #connect(Optional, Optional, Map, Duration)}.
     *
     * @throws dev.fluxboot.UsageException when a connection value cannot work (a missing certificate file ...)
     * @throws FluxbootException           when no kubeconfig is found, it cannot be read or names no such context
     */
    public static Cluster connect(KubeConnection connection, Map<String, String> env, Duration timeout) {
        return connect(connection, env, timeout, true);
    }

    /**
     * The namespace of the context the connection selects ({@code --context}, else the current one),
     * from the kubeconfig files alone; empty when it sets none or the files cannot be read.
     */
    public static Optional<String> contextNamespace(KubeConnection connection, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        return new KubeconfigResolver(env, home).contextNamespace(connection);
    }

    /** @param bounded whether every request must end within {@code timeout} from now */
    private static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Map<String, String> env,
                                   Duration timeout, boolean bounded) {
        return connect(KubeConnection.builder().kubeconfig(kubeconfig).context(context).build(), env, timeout, bounded);
    }

    /** As {@link #connect(Optional, Optional)}, its waits measured by {@code clock} and paused by {@code sleeper}. */
    static Cluster connect(Optional<Path> kubeconfig, Optional<String> context, Clock clock, Sleeper sleeper) {
        return connect(KubeConnection.builder().kubeconfig(kubeconfig).context(context).build(), System.getenv(),
                DEFAULT_TIMEOUT, false, clock, sleeper);
    }

    private static Cluster connect(KubeConnection connection, Map<String, String> env, Duration timeout, boolean bounded) {
        return connect(connection, env, timeout, bounded, Clock.systemUTC(), Sleeper.threadSleep());
    }

    private static Cluster connect(KubeConnection connection, Map<String, String> env, Duration timeout, boolean bounded,
                                   Clock clock, Sleeper sleeper) {
        return new KubeCluster(client(connection, env, timeout), DEPLOYMENT_POLL, APPLY_PARALLELISM,
                bounded ? timeout : null, clock, sleeper);
    }

    /** The fabric8 client of a connection; tests ask the server who it is through it. */
    static KubernetesClient client(KubeConnection connection, Map<String, String> env, Duration timeout) {
        ConnectionCheck.require(connection);
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Config config = new KubeconfigResolver(env, home).resolve(connection, timeout);
        // fabric8 retries refused connections 10 times (about 20 s): an unreachable cluster should fail fast
        config.setRequestRetryBackoffLimit(3);
        config.setRequestTimeout((int) min(MAX_REQUEST_TIMEOUT, timeout).toMillis());
        config.setConnectionTimeout((int) min(MAX_CONNECT_TIMEOUT, timeout).toMillis());
        config.setMaxConcurrentRequestsPerHost(2 * APPLY_PARALLELISM);
        RequestRateLimiter limiter = RequestRateLimiter.of(connection.qps(), connection.burst(), Clock.systemUTC(),
                Sleeper.threadSleep());
        try {
            KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(config);
            if (limiter != null || connection.tlsServerName().isPresent()) {
                builder.withHttpClientBuilderConsumer(http -> {
                    if (limiter != null) {
                        http.addOrReplaceInterceptor("fluxboot-rate-limit", limiter);
                    }
                    connection.tlsServerName().ifPresent(name -> http.sslContext(keyManagers(config),
                            ServerNameTrust.wrap(trustManagers(config), name)));
                });
            }
            return builder.build();
        } catch (KubernetesClientException e) {
            // the TLS setup reads the certificate and key files the kubeconfig names
            throw new FluxbootException("cannot set up the connection to " + config.getMasterUrl() + ": " + setupProblem(e)
                    + "; check --kubeconfig/--context");
        }
    }

    private static KeyManager[] keyManagers(Config config) {
        try {
            return SSLUtils.keyManagers(config);
        } catch (Exception e) {
            throw KubernetesClientException.launderThrowable(e);
        }
    }

    private static TrustManager[] trustManagers(Config config) {
        try {
            return SSLUtils.trustManagers(config);
        } catch (Exception e) {
            throw KubernetesClientException.launderThrowable(e);
        }
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
