package dev.fluxboot.githost.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.githost.ForgeErrors;
import dev.fluxboot.githost.RateLimitWaiter;
import org.kohsuke.github.GHException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs calls into github-api: waits out rate limits (within {@code --timeout}, through the
 * shared {@link RateLimitWaiter}) and retries, and turns every other failure into one
 * {@link FluxbootException} line. The library's exceptions are only looked into, never shown.
 */
final class GitHubCalls {

    static final String FORGE = "GitHub";
    static final String TOKEN_VARIABLE = "GITHUB_TOKEN";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call into the library. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /** One call into the library that returns nothing. */
    @FunctionalInterface
    interface Action {
        void run() throws IOException;
    }

    private final URI api;
    private final String token;
    private final RateLimitWaiter rateLimits;

    GitHubCalls(URI api, String token, RateLimitWaiter rateLimits) {
        this.api = api;
        this.token = token;
        this.rateLimits = rateLimits;
    }

    /**
     * Runs {@code call}; a 404 fails like any other error.
     *
     * @param action what the call does, for messages: "get repository fleet/infra"
     */
    <T> T run(String action, Call<T> call) {
        return attempt(action, call, false).orElseThrow(() -> notFound(action));
    }

    /** Runs {@code call}; empty when GitHub answers 404. */
    <T> Optional<T> find(String action, Call<T> call) {
        return attempt(action, call, true);
    }

    /** Runs a call that returns nothing. */
    void perform(String action, Action call) {
        attempt(action, () -> {
            call.run();
            return Boolean.TRUE;
        }, false);
    }

    private <T> Optional<T> attempt(String action, Call<T> call, boolean notFoundIsEmpty) {
        for (int attempt = 0; ; attempt++) {
            try {
                return Optional.ofNullable(call.run());
            } catch (IOException | GHException | UncheckedIOException e) {
                Optional<GitHubApiError> answer = apiError(e);
                if (answer.isPresent() && answer.get().isRateLimit()) {
                    GitHubApiError limited = answer.get();
                    rateLimits.await(rateLimits.resetOf(limited::header), attempt);
                    continue;
                }
                if (answer.isPresent() && answer.get().status() == 404 && notFoundIsEmpty) {
                    return Optional.empty();
                }
                throw failure(action, e, answer);
            }
        }
    }

    private FluxbootException failure(String action, Exception e, Optional<GitHubApiError> answer) {
        if (answer.isEmpty()) {
            if (isInterrupted(e)) {
                Thread.currentThread().interrupt();
                return new FluxbootException("interrupted while calling GitHub to " + action);
            }
            return ForgeErrors.unreachable(FORGE, api, e);
        }
        GitHubApiError error = answer.get();
        return switch (error.status()) {
            case 401 -> ForgeErrors.badToken(FORGE, TOKEN_VARIABLE);
            case 403 -> forbidden(action, error);
            case 404 -> notFound(action);
            default -> ForgeErrors.unexpected(FORGE, action, error.status(), detail(error.body()), token);
        };
    }

    private FluxbootException notFound(String action) {
        return new FluxbootException("GitHub failed to " + action + ": not found (HTTP 404): check --owner and "
                + "--repository, and that the token in " + TOKEN_VARIABLE + " can see the repository");
    }

    /**
     * A 403: a classic token lacking a scope ({@code X-Accepted-OAuth-Scopes} names the ones the
     * call takes, {@code X-OAuth-Scopes} those the token has), a fine-grained token lacking a
     * permission ({@code X-Accepted-GitHub-Permissions}), or a role the user does not have.
     */
    private FluxbootException forbidden(String action, GitHubApiError error) {
        Optional<String> accepted = error.header("X-Accepted-OAuth-Scopes").map(String::strip).filter(s -> !s.isEmpty());
        if (accepted.isPresent()) {
            Set<String> held = split(error.header("X-OAuth-Scopes").orElse(""));
            List<String> acceptedScopes = new ArrayList<>(split(accepted.get()));
            if (acceptedScopes.stream().noneMatch(held::contains)) {
                return ForgeErrors.missingScope(FORGE, action, Optional.of(acceptedScopes.get(0)), TOKEN_VARIABLE);
            }
        }
        Optional<String> permissions = error.header("X-Accepted-GitHub-Permissions").map(String::strip).filter(s -> !s.isEmpty());
        if (permissions.isPresent()) {
            return ForgeErrors.forbidden(FORGE, action, "the token in " + TOKEN_VARIABLE + " lacks the permission "
                    + permissions.get() + ": grant it to the fine-grained token, or use a token that has it");
        }
        String detail = detail(error.body());
        return ForgeErrors.forbidden(FORGE, action, (detail.isEmpty() ? "" : detail + ": ")
                + "check that the token's user may do this on --owner (organisation role, repository admin)");
    }

    /** GitHub's {@code message} and the messages of its {@code errors}, one line, token masked. */
    private String detail(String body) {
        String text;
        try {
            JsonNode json = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            if (json.hasNonNull("message")) {
                parts.add(json.get("message").asText());
            }
            for (JsonNode error : json.path("errors")) {
                String message = error.isTextual() ? error.asText() : error.path("message").asText(
                        error.path("field").asText("") + " " + error.path("code").asText(""));
                if (!message.isBlank()) {
                    parts.add(message.strip());
                }
            }
            text = String.join(": ", parts);
        } catch (IOException | RuntimeException notJson) {
            text = body;
        }
        return ForgeErrors.detail(text, token);
    }

    private static Set<String> split(String scopes) {
        return Arrays.stream(scopes.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static Optional<GitHubApiError> apiError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GitHubApiError error) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    private static boolean isInterrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
