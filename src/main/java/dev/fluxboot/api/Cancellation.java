package dev.fluxboot.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops running operations from another thread (Ctrl-C, Terraform's StopProvider, a build tool's
 * abort). Cancelling interrupts the threads running operations with this cancellation: a wait stops at
 * once, a network call as soon as it notices, and the operation ends with a
 * {@link dev.fluxboot.CancelledException} after removing what it created in temporary folders. What was
 * already pushed or applied stays; a re-run finishes the job.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    public static Cancellation create() {
        return new Cancellation();
    }

    /** A cancellation nobody cancels. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        running.forEach(Thread::interrupt);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The calling thread runs an operation until the returned scope closes. */
    Scope enter() {
        Thread thread = Thread.currentThread();
        running.add(thread);
        if (cancelled) {
            thread.interrupt();
        }
        return () -> {
            running.remove(thread);
            // an interrupt that arrived after the operation ended must not hit the caller's next call
            Thread.interrupted();
        };
    }

    /** The span of one operation. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
