package dev.fluxboot.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Durations written the way Go's {@code time.ParseDuration} reads them and
 * {@code time.Duration.String} writes them ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 1m0s},
 * {@code 500ms}, {@code 1.5h}), so {@code --timeout} takes what the Flux CLI takes.
 */
public final class GoDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Unit to its length in nanoseconds; µ is both the micro sign and the Greek mu, as in Go. */
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", NANOS_PER_SECOND,
            "m", 60 * NANOS_PER_SECOND,
            "h", 3600 * NANOS_PER_SECOND);

    private GoDuration() {
    }

    /** The duration {@code text} stands for, or empty when it is not a Go duration. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (text.substring(i).equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (i == text.length()) {
            return Optional.empty();
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (i < text.length()) {
            int numberStart = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            String number = text.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            Long unit = UNITS.get(text.substring(unitStart, i));
            if (unit == null) {
                return Optional.empty();
            }
            totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
        }
        if (totalNanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        long nanos = totalNanos.longValue();
        return Optional.of(Duration.ofNanos(negative ? -nanos : nanos));
    }

    /** Go's spelling of {@code duration}: {@code 5m0s}, {@code 1h30m0s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < NANOS_PER_SECOND) {
            if (u < 1_000L) {
                return sign + u + "ns";
            }
            if (u < 1_000_000L) {
                return sign + fraction(u, 1_000L) + "\u00b5s";
            }
            return sign + fraction(u, 1_000_000L) + "ms";
        }
        StringBuilder text = new StringBuilder();
        long seconds = u / NANOS_PER_SECOND;
        text.append(fraction(u % (60 * NANOS_PER_SECOND), NANOS_PER_SECOND)).append('s');
        long minutes = seconds / 60;
        if (minutes > 0) {
            text.insert(0, (minutes % 60) + "m");
            long hours = minutes / 60;
            if (hours > 0) {
                text.insert(0, hours + "h");
            }
        }
        return sign + text;
    }

    /** {@code value / unit} with the decimals that are not zero, as Go prints them. */
    private static String fraction(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
