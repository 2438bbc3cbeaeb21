package dev.fluxboot.githost.github;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An error answer (4xx/5xx) from the GitHub API, raised by {@link JdkGitHubConnector} before the
 * library sees it, so that the status, the headers that explain it (scopes, rate limit) and the
 * body reach {@link GitHubCalls} intact. Its message is the status alone: no URL, no header.
 */
final class GitHubApiError extends IOException {

    private final int status;
    private final transient Map<String, List<String>> headers;
    private final String body;

    GitHubApiError(int status, Map<String, List<String>> headers, String body) {
        super("HTTP " + status);
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.headers = copy;
        this.body = body == null ? "" : body;
    }

    int status() {
        return status;
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    String body() {
        return body;
    }

    /**
     * GitHub's primary limit (403 or 429 with no requests remaining) or secondary limit (403
     * or 429 with {@code Retry-After}); a plain 429 counts too.
     */
    boolean isRateLimit() {
        if (status == 429) {
            return true;
        }
        return status == 403 && (header("X-RateLimit-Remaining").map(String::strip).filter("0"::equals).isPresent()
                || header("Retry-After").isPresent());
    }
}
