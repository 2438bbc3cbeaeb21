package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;

import java.util.ArrayList;
import java.util.List;

/**
 * Terraform's StopProvider (Ctrl-C in {@code terraform apply}): tripped once, seen by every
 * operation in flight. Work that can stop polls {@link #isStopped()} or
 * {@link #throwIfStopped()} between steps; work that blocks (a network call, a wait) registers
 * a {@link #onStop listener} that interrupts it. One per provider process.
 */
public final class StopSignal {

    private final List<Runnable> listeners = new ArrayList<>();
    private boolean stopped;

    /** Trips the signal and runs the listeners registered so far, each once. */
    public void stop() {
        List<Runnable> toRun;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            toRun = new ArrayList<>(listeners);
            listeners.clear();
        }
        for (Runnable listener : toRun) {
            listener.run();
        }
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    /** Throws {@link Stopped} once the signal has tripped. */
    public void throwIfStopped() {
        if (isStopped()) {
            throw new Stopped();
        }
    }

    /**
     * Runs {@code listener} when the signal trips (at once if it has); closing the returned
     * registration, e.g. when the guarded work ends, removes it.
     */
    public Registration onStop(Runnable listener) {
        boolean runNow;
        synchronized (this) {
            runNow = stopped;
            if (!runNow) {
                listeners.add(listener);
            }
        }
        if (runNow) {
            listener.run();
        }
        return () -> {
            synchronized (StopSignal.this) {
                listeners.remove(listener);
            }
        };
    }

    /** A registered listener; {@link #close()} unregisters it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The failure of an operation that Terraform stopped. */
    public static final class Stopped extends FluxbootException {
        public Stopped() {
            super("stopped: Terraform asked the provider to stop (interrupted); the operation did not finish");
        }
    }
}
