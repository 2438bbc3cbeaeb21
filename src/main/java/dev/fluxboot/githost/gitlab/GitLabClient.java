package dev.fluxboot.githost.gitlab;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.ForgeErrors;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.net.HttpClients;
import jakarta.ws.rs.core.MultivaluedMap;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.glassfish.jersey.client.ClientProperties;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gitlab4j behind one door: builds the client on our transport and runs each call with the
 * rate limit waited out and every failure mapped to one line (gitlab4j's exceptions can carry
 * request details; they only ever become the cause).
 */
final class GitLabClient implements AutoCloseable {

    static final String FORGE = "GitLab";
    static final String TOKEN_VARIABLE = "GITLAB_TOKEN";
    static final String API_PATH = "/api/v4";

    private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");

    /** One GitLab API call. */
    @FunctionalInterface
    interface Call<T> {
        T run(GitLabApi api) throws GitLabApiException;
    }

    private final GitLabApi api;
    private final URI apiBase;
    private final String token;
    private final RateLimitWaiter rateLimits;

    private GitLabClient(GitLabApi api, URI apiBase, String token, RateLimitWaiter rateLimits) {
        this.api = api;
        this.apiBase = apiBase;
        this.token = token;
        this.rateLimits = rateLimits;
    }

    static GitLabClient connect(ForgeConnection connection, RateLimitWaiter rateLimits) {
        URI apiBase = connection.apiBase(API_PATH);
        String text = apiBase.toString();
        if (!text.endsWith(API_PATH)) {
            throw new UsageException("--api-url " + text + " is not a GitLab API v4 URL: it must end with " + API_PATH
                    + " (e.g. https://gitlab.example.com" + API_PATH + ")");
        }
        String hostUrl = text.substring(0, text.length() - API_PATH.length());
        HttpClients clients = connection.httpClients();
        GitLabTransport transport = new GitLabTransport(clients.sslContext(), clients.proxySelector());
        Map<String, Object> properties = Map.of(
                ClientProperties.CONNECTOR_PROVIDER, GitLabConnectorProvider.class.getName(),
                GitLabConnectorProvider.TRANSPORT, transport);
        GitLabApi api = new GitLabApi(GitLabApi.ApiVersion.V4, hostUrl, connection.token(), null, properties);
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, clients.connectTimeout().toMillis());
        int readMillis = (int) Math.min(Integer.MAX_VALUE, connection.timeout().toMillis());
        api.setRequestTimeout(connectMillis, readMillis);
        return new GitLabClient(api, apiBase, connection.token(), rateLimits);
    }

    /** Runs the call; {@code action} completes "GitLab refused to ..." in messages. */
    <T> T call(String action, Call<T> call) {
        return run(action, call, false);
    }

    /** Runs the call; a 404 is an empty result. */
    <T> Optional<T> find(String action, Call<T> call) {
        return Optional.ofNullable(run(action, call, true));
    }

    private <T> T run(String action, Call<T> call, boolean notFoundIsEmpty) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run(api);
            } catch (GitLabApiException e) {
                if (e.getHttpStatus() == 429) {
                    rateLimits.await(rateLimits.resetOf(name -> header(e, name)), attempt);
                    continue;
                }
                if (e.getHttpStatus() == 404 && notFoundIsEmpty) {
                    return null;
                }
                throw map(action, e);
            } catch (RuntimeException e) {
                // Jersey's ProcessingException and friends, when gitlab4j lets them through.
                if (e instanceof FluxbootException fluxboot) {
                    throw fluxboot;
                }
                throw ForgeErrors.unreachable(FORGE, apiBase, e);
            }
        }
    }

    private FluxbootException map(String action, GitLabApiException e) {
        int status = e.getHttpStatus();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (status) {
            case 0 -> ForgeErrors.unreachable(FORGE, apiBase, e.getCause() != null ? e.getCause() : e);
            case 401 -> ForgeErrors.badToken(FORGE, TOKEN_VARIABLE);
            case 403 -> forbidden(action, e, message);
            case 404 -> new FluxbootException(FORGE + " could not " + action + ": not found (404)");
            default -> ForgeErrors.unexpected(FORGE, action, status, message, token);
        };
    }

    private FluxbootException forbidden(String action, GitLabApiException e, String message) {
        Optional<String> authenticate = header(e, "WWW-Authenticate");
        boolean scope = message.contains("insufficient_scope")
                || authenticate.map(h -> h.contains("insufficient_scope")).orElse(false);
        if (scope) {
            Optional<String> needed = authenticate.map(SCOPE::matcher).filter(Matcher::find).map(m -> m.group(1));
            return ForgeErrors.missingScope(FORGE, action, needed.or(() -> Optional.of("api")), TOKEN_VARIABLE);
        }
        String detail = ForgeErrors.detail(message, token);
        return ForgeErrors.forbidden(FORGE, action, "the token's user lacks the role this needs"
                + (detail.isEmpty() ? "" : " (" + detail + ")")
                + ": ask a group Owner or Maintainer for access, or use another --owner");
    }

    private static Optional<String> header(GitLabApiException e, String name) {
        MultivaluedMap<String, String> headers = e.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return Optional.ofNullable(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    GitLabApi api() {
        return api;
    }

    @Override
    public void close() {
        api.close();
    }
}
