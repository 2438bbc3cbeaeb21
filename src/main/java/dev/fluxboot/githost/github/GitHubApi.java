package dev.fluxboot.githost.github;

import dev.fluxboot.githost.ForgeConnection;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.authorization.AuthorizationProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the github-api client fluxboot uses: its own connector, the token, no sleeping handlers. */
final class GitHubApi {

    /**
     * The library logs retries and request traces through java.util.logging, which prints on
     * stderr by default; fluxboot reports on stderr itself. Held here so the level sticks
     * (loggers are only weakly referenced).
     */
    private static final Logger LIBRARY_LOG = Logger.getLogger("org.kohsuke.github");

    private GitHubApi() {
    }

    static GitHub client(URI api, ForgeConnection connection) {
        LIBRARY_LOG.setLevel(Level.OFF);
        HttpClient http = connection.httpClients().newClient(HttpClient.Redirect.NEVER);
        String authorization = "token " + connection.token();
        // A plain provider (not the library's ImmutableAuthorizationProvider): the library would
        // otherwise call /user while building the client, outside our error handling.
        AuthorizationProvider token = () -> authorization;
        try {
            return new GitHubBuilder()
                    .withEndpoint(api.toString())
                    .withAuthorizationProvider(token)
                    .withConnector(new JdkGitHubConnector(http, connection.timeout()))
                    // Never reached (the connector raises error answers first), but if they were: fail, never sleep.
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
        } catch (IOException e) {
            // build() makes no request with this provider; an IOException here is a library change
            throw new UncheckedIOException("cannot set up the GitHub client", e);
        }
    }
}
