package dev.fluxboot.githost;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.net.Sleeper;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Waits out a forge's rate limit when its reset falls within {@code --timeout}, and says so;
 * otherwise fails naming the reset time. One instance per host; it holds no state between waits.
 */
public final class RateLimitWaiter {

    /** How many times one request may be retried after a rate limit before giving up. */
    public static final int MAX_WAITS = 5;

    /** Added to the reset: forge clocks and ours differ a little. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private final String forge;
    private final Duration timeout;
    private final Reporter reporter;
    private final Clock clock;
    private final Sleeper sleeper;

    public RateLimitWaiter(String forge, Duration timeout, Reporter reporter, Clock clock, Sleeper sleeper) {
        this.forge = forge;
        this.timeout = timeout;
        this.reporter = reporter;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Real clock and {@link Thread#sleep}. */
    public static RateLimitWaiter of(String forge, ForgeConnection connection) {
        return new RateLimitWaiter(forge, connection.timeout(), connection.reporter(), Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Waits until {@code reset} (plus a second) when that is within {@code --timeout} from now.
     *
     * @param attempt how many waits this request already had (0 for the first); past {@link #MAX_WAITS} it fails
     * @throws FluxbootException naming the reset time, when it is too far away or the forge keeps refusing
     */
    public void await(Instant reset, int attempt) {
        Instant now = clock.instant();
        Duration wait = Duration.between(now, reset).plus(SLACK);
        if (wait.isNegative()) {
            wait = SLACK;
        }
        if (wait.compareTo(timeout) > 0 || attempt >= MAX_WAITS) {
            throw ForgeErrors.rateLimited(forge, reset.isBefore(now) ? now.plus(wait) : reset, timeout);
        }
        reporter.waiting(forge + " rate limit reached, waiting until " + ForgeErrors.utc(now.plus(wait))
                + " (" + wait.toSeconds() + "s)");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted while waiting for the " + forge + " rate limit to reset", e);
        }
    }

    /**
     * When a rate-limited answer says the limit resets: {@code Retry-After} (seconds or an HTTP
     * date), else {@code RateLimit-Reset} / {@code X-RateLimit-Reset} (Unix seconds), else a minute from now.
     *
     * @param header a header's value by (case-insensitive) name
     */
    public Instant resetOf(Function<String, Optional<String>> header) {
        Instant now = clock.instant();
        Optional<String> retryAfter = header.apply("Retry-After").map(String::strip);
        if (retryAfter.isPresent()) {
            try {
                return now.plusSeconds(Math.max(0, Long.parseLong(retryAfter.get())));
            } catch (NumberFormatException notSeconds) {
                try {
                    return ZonedDateTime.parse(retryAfter.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException notADate) {
                    // fall through to the reset headers
                }
            }
        }
        for (String name : new String[] {"RateLimit-Reset", "X-RateLimit-Reset"}) {
            Optional<String> value = header.apply(name).map(String::strip);
            if (value.isPresent()) {
                try {
                    long seconds = Long.parseLong(value.get());
                    // Some servers send seconds until the reset rather than an epoch time.
                    return seconds > 1_000_000_000L ? Instant.ofEpochSecond(seconds) : now.plusSeconds(seconds);
                } catch (NumberFormatException ignored) {
                    // try the next header
                }
            }
        }
        return now.plus(Duration.ofMinutes(1));
    }
}
