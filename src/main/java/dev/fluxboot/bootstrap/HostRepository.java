package dev.fluxboot.bootstrap;

import dev.fluxboot.githost.RepositorySpec;

import java.util.Objects;

/**
 * What a forge command asks of its Git host (step 1 and the deploy key of step 6); plain
 * {@code bootstrap git} has none.
 *
 * @param spec            the repository to reconcile
 * @param readWriteKey    {@code --read-write-key}: the deploy key may push
 * @param deployTokenAuth {@code --deploy-token-auth} (GitLab): the cluster fetches over HTTPS with a
 *                        project deploy token the host creates, instead of an SSH deploy key
 */
public record HostRepository(RepositorySpec spec, boolean readWriteKey, boolean deployTokenAuth) {

    public HostRepository {
        Objects.requireNonNull(spec, "spec");
    }

    /** With a deploy key (no deploy token). */
    public HostRepository(RepositorySpec spec, boolean readWriteKey) {
        this(spec, readWriteKey, false);
    }
}
