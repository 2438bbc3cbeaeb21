package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A connector whose one connection is opened on a thread of its own as soon as the request names
 * the cluster, while the caller goes on reading the rest of its input (an SSH key, the bundle):
 * on two cores a whole-process run overlaps the two instead of paying for both in turn. Building
 * the client sends nothing to the cluster. The run that asks for that same connection gets it;
 * any other connection is opened as {@code connector} opens it. A failure is reported when the run
 * asks, so input errors keep coming first; a connection no run took is closed.
 */
public final class EarlyClusterConnector implements ClusterConnector, AutoCloseable {

    private final ClusterConnector connector;
    private KubeConnection connection;
    private CompletableFuture<Cluster> opening;
    private boolean taken;

    public EarlyClusterConnector(ClusterConnector connector) {
        this.connector = connector;
    }

    /** Starts opening {@code connection} (once; a second call is ignored). */
    public synchronized void start(KubeConnection connection, Duration timeout) {
        if (opening != null) {
            return;
        }
        this.connection = connection;
        CompletableFuture<Cluster> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(connector.connect(connection, timeout));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "fluxboot-cluster-connect");
        thread.setDaemon(true);
        thread.start();
        opening = future;
    }

    @Override
    public Cluster connect(KubeConnection asked, Duration timeout) {
        CompletableFuture<Cluster> started;
        synchronized (this) {
            started = asked == connection && !taken ? opening : null;
            taken |= started != null;
        }
        if (started == null) {
            return connector.connect(asked, timeout);
        }
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.thenAccept(Cluster::close);
            throw new FluxbootException("interrupted while connecting to the cluster");
        } catch (ExecutionException e) {
            // the connecting thread completes only with what connect threw: unchecked
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    /** Closes the early connection if no run took it (when it is open, or once it opens). */
    @Override
    public synchronized void close() {
        if (opening != null && !taken) {
            taken = true;
            opening.thenAccept(Cluster::close);
        }
    }
}
