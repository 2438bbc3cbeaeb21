package dev.fluxboot.cluster;

import java.time.Duration;

/** Durations as the Flux CLI prints them (Go's {@code time.Duration}): {@code 5m0s}, {@code 1h0m0s}, {@code 30s}. */
final class GoDuration {

    private GoDuration() {
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        double seconds = duration.toSecondsPart() + duration.toMillisPart() / 1000.0;
        String secondsText = seconds == Math.floor(seconds) ? String.valueOf((long) seconds)
                : String.valueOf(seconds).replaceAll("0+$", "");
        if (hours > 0) {
            return hours + "h" + minutes + "m" + secondsText + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + secondsText + "s";
        }
        return secondsText + "s";
    }
}
