package dev.fluxboot.cluster;

import dev.fluxboot.net.Sleeper;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code --kube-api-qps} and {@code --kube-api-burst}: client-go's token bucket in front of every
 * request (up to {@code burst} at once, then {@code qps} a second), so that fluxboot asks no more
 * of an API server than the Flux CLI would. A request waits for its token before it is sent.
 */
final class RequestRateLimiter implements Interceptor {

    /** Flux's defaults ({@code fluxcd/pkg/runtime/client}). */
    static final float FLUX_QPS = 50;
    static final int FLUX_BURST = 300;
    /** client-go's own defaults, which a QPS of 0 means. */
    static final float CLIENT_GO_QPS = 5;
    static final int CLIENT_GO_BURST = 10;

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private Instant last;

    RequestRateLimiter(float qps, int burst, Clock clock, Sleeper sleeper) {
        this.perSecond = qps;
        this.burst = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = clock.instant();
    }

    /**
     * client-go's reading of the two flags: a QPS below 0 means no limit, 0 means client-go's
     * default of 5 (and a burst of 0 its 10); empty values mean Flux's (50, burst 300).
     *
     * @return null when there is no limit
     */
    static RequestRateLimiter of(java.util.Optional<Float> qps, java.util.OptionalInt burst, Clock clock, Sleeper sleeper) {
        float rate = qps.orElse(FLUX_QPS);
        if (rate < 0) {
            return null;
        }
        int size = burst.orElse(FLUX_BURST);
        if (rate == 0) {
            rate = CLIENT_GO_QPS;
        }
        if (size <= 0) {
            size = CLIENT_GO_BURST;
        }
        return new RequestRateLimiter(rate, Math.max(1, size), clock, sleeper);
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        acquire();
    }

    /** Takes one token, waiting for it when the bucket is empty. */
    void acquire() {
        Duration wait;
        synchronized (this) {
            refill();
            tokens -= 1;
            // the request owns its token now; a negative count is the queue of requests waiting
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
        }
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void refill() {
        Instant now = clock.instant();
        double elapsed = Duration.between(last, now).toNanos() / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond);
            last = now;
        }
    }
}
