package dev.fluxboot.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import dev.fluxboot.GoDuration;
import java.time.Duration;

/** Reads {@code --timeout} and friends as Go durations; picocli names the flag in the error. */
public final class GoDurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration = GoDuration.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a duration: use a number with a unit, such as 90s, 5m or 1h30m"));
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero, such as 90s, 5m or 1h30m");
        }
        return duration;
    }
}
