package dev.fluxboot.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import dev.fluxboot.ui.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code --timeout} and friends as Go durations; picocli names the flag in the error. */
public final class GoDurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        // No lambda here: --timeout's default is converted on every run, and a lambda whose class
        // cannot be archived (it throws a picocli exception) is spun at run time.
        Optional<Duration> parsed = GoDuration.parse(value);
        if (parsed.isEmpty()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration: use a number with a unit, such as 90s, 5m or 1h30m");
        }
        Duration duration = parsed.get();
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero, such as 90s, 5m or 1h30m");
        }
        return duration;
    }
}
