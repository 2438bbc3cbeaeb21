package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The end of {@code --timeout} for every request to the cluster: a server that accepts the
 * connection and never answers (or a TLS handshake that never ends, or fabric8's retries of
 * either) must not keep the run past it. Each request runs on a daemon thread; the caller waits
 * only until the deadline.
 */
final class RequestDeadline implements AutoCloseable {

    private final Instant deadline;
    private final Duration timeout;
    private final String serverUrl;
    private final ExecutorService requests;

    /** {@code timeout} from now; {@code null} for no deadline (requests run on the caller's thread). */
    RequestDeadline(Duration timeout, String serverUrl) {
        this.timeout = timeout;
        this.deadline = timeout == null ? null : Instant.now().plus(timeout);
        this.serverUrl = serverUrl;
        this.requests = timeout == null ? null : Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fluxboot-request");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the request, waiting for it until the deadline at most. */
    <T> T run(String doing, Supplier<T> request) {
        if (requests == null) {
            return request.get();
        }
        return await(requests.submit(request::get), doing);
    }

    /** Waits for a request already under way, until the deadline at most. */
    <T> T await(Future<T> request, String doing) {
        long remaining = deadline == null ? Long.MAX_VALUE : Duration.between(Instant.now(), deadline).toMillis();
        try {
            return deadline == null ? request.get() : request.get(Math.max(0, remaining), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.cancel(true);
            throw new FluxbootException("the cluster at " + serverUrl + " did not answer within --timeout="
                    + GoDuration.format(timeout) + " (" + doing + "); check --kubeconfig/--context and that the"
                    + " cluster is reachable, or give a longer --timeout");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new FluxbootException(doing + " failed", e.getCause());
        } catch (CancellationException e) {
            throw new FluxbootException(doing + " was cancelled");
        } catch (InterruptedException e) {
            request.cancel(true);
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted while trying to " + doing);
        }
    }

    @Override
    public void close() {
        if (requests != null) {
            requests.shutdownNow();
        }
    }
}
