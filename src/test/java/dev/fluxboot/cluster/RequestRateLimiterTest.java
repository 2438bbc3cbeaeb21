package dev.fluxboot.cluster;

import dev.fluxboot.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --kube-api-qps}/{@code --kube-api-burst} as client-go's token bucket, on a clock the test moves. */
class RequestRateLimiterTest {

    @Test
    void aBurstGoesAtOnceThenRequestsWaitForTheRate() {
        // Given 2 a second with a burst of 3
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        RequestRateLimiter limiter = RequestRateLimiter.of(Optional.of(2f), OptionalInt.of(3), clock, clock.sleeper());

        // When 5 requests go at once
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        // Then the first 3 did not wait, the next ones half a second each
        assertThat(clock.pauses()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void idleTimeRefillsTheBucketUpToTheBurst() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        RequestRateLimiter limiter = RequestRateLimiter.of(Optional.of(1f), OptionalInt.of(2), clock, clock.sleeper());
        limiter.acquire();
        limiter.acquire();

        clock.advance(Duration.ofMinutes(1));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        assertThat(clock.pauses()).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // qps | burst | requests before the first wait (-1: none within 400)
            "-     | -     | 300",
            "0     | -     | 300",
            "0     | 0     | 10",
            "10    | 20    | 20",
            "-1    | -     | -1"})
    void theFlagsMeanWhatTheyMeanToClientGo(Float qps, Integer burst, int freeRequests) {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        RequestRateLimiter limiter = RequestRateLimiter.of(Optional.ofNullable(qps),
                burst == null ? OptionalInt.empty() : OptionalInt.of(burst), clock, clock.sleeper());

        int free = 0;
        while (limiter != null && clock.pauses().isEmpty() && free <= 400) {
            limiter.acquire();
            if (clock.pauses().isEmpty()) {
                free++;
            }
        }

        assertThat(limiter == null ? -1 : free).isEqualTo(freeRequests);
    }
}
