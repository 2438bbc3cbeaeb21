package dev.fluxboot.terraform;

import java.util.Objects;

/**
 * A secret from the configuration (a token, password, private key): its value only through
 * {@link #reveal()}, never through {@code toString}, so that logging a configuration or a record
 * holding one prints no secret.
 */
public final class SensitiveText {

    private final String value;

    public SensitiveText(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself: for the one place that uses it (an HTTP header, a key parser). */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensitiveText text && text.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "(sensitive)";
    }
}
