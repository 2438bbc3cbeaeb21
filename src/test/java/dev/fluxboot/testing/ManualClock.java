package dev.fluxboot.testing;

import dev.fluxboot.net.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A clock that stands still until a test moves it, and the sleeper that goes with it: each pause is
 * recorded and moves the clock instead of sleeping, so a wait that would take minutes takes none and a
 * test can say exactly how long the code waited.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    public ManualClock(Instant start) {
        this.now = start;
    }

    public static ManualClock at(String instant) {
        return new ManualClock(Instant.parse(instant));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Records each pause and moves the clock by it. */
    public Sleeper sleeper() {
        return duration -> {
            pauses.add(duration);
            advance(duration);
        };
    }

    /** The pauses the code under test asked for, in order. */
    public List<Duration> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
