package dev.fluxboot.bootstrap;

import dev.fluxboot.githost.RepositorySpec;

import java.util.Objects;

/**
 * What a forge command asks of its Git host (step 1 and the deploy key of step 6); plain
 * {@code bootstrap git} has none.
 *
 * @param spec         the repository to reconcile
 * @param readWriteKey {@code --read-write-key}: the deploy key may push
 */
public record HostRepository(RepositorySpec spec, boolean readWriteKey) {

    public HostRepository {
        Objects.requireNonNull(spec, "spec");
    }
}
