package dev.fluxboot.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "90s, 90000",
            "5m, 300000",
            "1h30m, 5400000",
            "1m0s, 60000",
            "500ms, 500",
            "1.5h, 5400000",
            ".5s, 500",
            "2h45m30.5s, 9930500",
            "0, 0",
            "1000us, 1",
            "1000\u00b5s, 1",
            "-2m, -120000"})
    void parsesWhatGoParses(String text, long millis) {
        assertThat(GoDuration.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 m", "m", "1.2.3s", "5x", "1h 30m", "abc", "-", "5m-3s", "1d"})
    void rejectsWhatGoRejects(String text) {
        assertThat(GoDuration.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "300000, 5m0s",
            "90000, 1m30s",
            "3600000, 1h0m0s",
            "5400000, 1h30m0s",
            "500, 500ms",
            "1500, 1.5s",
            "0, 0s",
            "-120000, -2m0s"})
    void formatsAsGoFormats(long millis, String text) {
        assertThat(GoDuration.format(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"1, 1ns", "1500, 1.5\u00b5s"})
    void formatsSubMillisecondDurations(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }
}
