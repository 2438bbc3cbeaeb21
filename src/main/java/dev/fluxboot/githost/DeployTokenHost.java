package dev.fluxboot.githost;

import java.util.Optional;

/**
 * A host that can hand out repository deploy tokens (GitLab's {@code --deploy-token-auth}):
 * read-only Git credentials for the source Secret instead of an SSH deploy key. An addition next
 * to {@link GitHost}; only hosts that support it implement it.
 */
public interface DeployTokenHost {

    /**
     * Makes sure the repository has an active read-only deploy token named {@code name} whose
     * credentials the source Secret holds. A token's secret can only be read when it is created,
     * so: when an active token with that name exists and its user name is {@code secretUsername}
     * (the Secret's {@code username}), it is kept; otherwise tokens with that name are revoked and
     * a new one is created and returned. Tokens with other names are never touched.
     *
     * @param secretUsername the {@code username} of the existing source Secret, if there is one
     */
    DeployTokenResult ensureDeployToken(RemoteRepository repository, String name, Optional<String> secretUsername,
                                        boolean dryRun);
}
