package dev.fluxboot.terraform;

import java.time.Duration;
import java.util.Objects;

/**
 * What a backend call runs under: how long it may take (the resource's {@code timeouts}, or the
 * default for the operation) and the provider's {@link StopSignal}.
 */
public record Operation(Duration timeout, StopSignal stop) {

    public Operation {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stop, "stop");
    }
}
