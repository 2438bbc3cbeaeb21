package dev.fluxboot.githost;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.RecordingReporter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitWaiterTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<Duration> slept = new ArrayList<>();
    private final RateLimitWaiter waiter = new RateLimitWaiter("GitLab", Duration.ofMinutes(5), reporter,
            Clock.fixed(NOW, ZoneOffset.UTC), slept::add);

    @Test
    void waitsUntilTheResetPlusASecondAndSaysSo() {
        waiter.await(NOW.plusSeconds(30), 0);

        assertThat(slept).containsExactly(Duration.ofSeconds(31));
        assertThat(reporter.lines()).containsExactly("◎ GitLab rate limit reached, waiting until 2030-05-01 12:00:31 UTC (31s)");
    }

    @Test
    void failsNamingTheResetWhenItIsBeyondTheTimeout() {
        assertThatThrownBy(() -> waiter.await(NOW.plus(Duration.ofHours(1)), 0))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitLab rate limit reached; it resets at 2030-05-01 13:00:00 UTC, later than --timeout (5m0s) "
                        + "allows to wait: run again after that time");
        assertThat(slept).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAllowedWait() {
        assertThatThrownBy(() -> waiter.await(NOW.plusSeconds(1), RateLimitWaiter.MAX_WAITS))
                .isInstanceOf(FluxbootException.class);
        assertThat(slept).isEmpty();
    }

    @Test
    void readsRetryAfterSecondsAnHttpDateOrTheResetHeaders() {
        assertThat(waiter.resetOf(headers(Map.of("Retry-After", "42")))).isEqualTo(NOW.plusSeconds(42));
        assertThat(waiter.resetOf(headers(Map.of("Retry-After", "Wed, 01 May 2030 12:10:00 GMT"))))
                .isEqualTo(Instant.parse("2030-05-01T12:10:00Z"));
        assertThat(waiter.resetOf(headers(Map.of("RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 90)))))
                .isEqualTo(NOW.plusSeconds(90));
        assertThat(waiter.resetOf(headers(Map.of("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 7)))))
                .isEqualTo(NOW.plusSeconds(7));
        assertThat(waiter.resetOf(headers(Map.of()))).isEqualTo(NOW.plusSeconds(60));
    }

    private static java.util.function.Function<String, Optional<String>> headers(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
