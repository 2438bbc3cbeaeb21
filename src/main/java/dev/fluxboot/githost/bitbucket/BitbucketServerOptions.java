package dev.fluxboot.githost.bitbucket;

import dev.fluxboot.githost.ForgeConnection;

import java.util.Objects;

/**
 * {@code bootstrap bitbucket-server}: the shared connection plus {@code -u/--username}.
 *
 * @param connection the API and clone host ({@code --hostname} is required for Bitbucket Server)
 * @param username   {@code -u/--username} (Flux's default {@code git}): the user name of Git over HTTPS
 *                   for project repositories; personal repositories use the owner instead, as Flux does
 */
public record BitbucketServerOptions(ForgeConnection connection, String username) {

    /** Flux's default {@code --username}. */
    public static final String DEFAULT_USERNAME = "git";

    public BitbucketServerOptions {
        Objects.requireNonNull(connection, "connection");
        username = username == null || username.isBlank() ? DEFAULT_USERNAME : username.strip();
    }
}
