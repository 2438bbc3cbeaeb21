package dev.fluxboot.bootstrap;

import dev.fluxboot.githost.Forge;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.RepositorySpec;

import java.util.Objects;

/**
 * What a {@code bootstrap <forge>} asks of its forge (step 1, the repository, and the deploy key of
 * step 6); plain {@code bootstrap git} has none.
 *
 * @param forge           which forge
 * @param connection      how to reach its API (token, host, API URL, CA)
 * @param username        the user name the API client needs besides the token (Bitbucket Server); may be null
 * @param spec            the repository to reconcile
 * @param readWriteKey    {@code --read-write-key}: the deploy key may push
 * @param deployTokenAuth {@code --deploy-token-auth} (GitLab): the cluster fetches over HTTPS with a
 *                        project deploy token the forge creates, instead of an SSH deploy key
 */
public record ForgeRequest(Forge forge, ForgeConnection connection, String username, RepositorySpec spec,
                           boolean readWriteKey, boolean deployTokenAuth) {

    public ForgeRequest {
        Objects.requireNonNull(forge, "forge");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(spec, "spec");
    }
}
