package dev.fluxboot.bootstrap;

import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.SshKeyPair;

import java.util.Objects;
import java.util.Optional;

/**
 * What the credentials step settled: how the tool reaches the repository, the URL the cluster
 * fetches, and the source secret to write.
 *
 * @param remote   the tool's own remote: URL, credentials, server verification
 * @param syncUrl  the GitRepository's URL (SSH with a key, or HTTP(S) without credentials in it)
 * @param secret   the source secret to create or update; empty when the one in the cluster is kept as it is
 * @param deployKey the SSH key the cluster authenticates with, if it uses one (for the host's deploy key)
 */
public record SourceCredentials(GitRemote remote, String syncUrl, Optional<SourceSecret> secret,
                                Optional<SshKeyPair> deployKey) {

    public SourceCredentials {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(syncUrl, "syncUrl");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(deployKey, "deployKey");
    }
}
