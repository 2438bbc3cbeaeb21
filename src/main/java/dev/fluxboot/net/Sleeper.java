package dev.fluxboot.net;

import java.time.Duration;

/**
 * How a wait for a remote service pauses: between polls of the cluster, until a forge's rate limit
 * resets. Production sleeps the thread (and so stops early when the thread is interrupted by a
 * cancellation); tests record the pauses and move a fixed clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}, at least one millisecond. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(Math.max(1, duration.toMillis()));
    }
}
