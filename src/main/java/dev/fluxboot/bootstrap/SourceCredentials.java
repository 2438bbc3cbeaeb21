package dev.fluxboot.bootstrap;

import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.SshKeyPair;

import java.util.Objects;
import java.util.Optional;

/**
 * How the tool reaches the repository and how the cluster will.
 *
 * @param remote     the tool's remote: URL, credentials, transport settings
 * @param syncUrl    the URL of the GitRepository in gotk-sync.yaml
 * @param secret     the source secret to apply; empty when the Secret in the cluster stays as it is
 * @param deployKey  the SSH key whose public half the forge registers; empty for token auth
 * @param keyPending a dry run in which a new SSH key would be generated (and was not)
 */
public record SourceCredentials(GitRemote remote, String syncUrl, Optional<SourceSecret> secret,
                                Optional<SshKeyPair> deployKey, boolean keyPending) {

    public SourceCredentials {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(syncUrl, "syncUrl");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(deployKey, "deployKey");
    }

    /** The same, with no source secret to write (the caller provides it). */
    SourceCredentials withoutSecret() {
        return new SourceCredentials(remote, syncUrl, Optional.empty(), deployKey, keyPending);
    }

    /** The same, with another source secret and no deploy key (a forge's deploy token replaced the key). */
    SourceCredentials withTokenSecret(Optional<SourceSecret> tokenSecret) {
        return new SourceCredentials(remote, syncUrl, tokenSecret, Optional.empty(), false);
    }
}
