package dev.fluxboot.manifests.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.net.NetworkErrors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the GitHub releases API which Flux release is the newest, as {@code flux} does for
 * {@code --version latest}: {@code GET <api>/repos/fluxcd/flux2/releases/latest}, field
 * {@code tag_name}.
 */
public final class LatestReleaseLookup {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI apiBase;

    /** {@code apiBase} e.g. {@code https://api.github.com}, no trailing slash needed. */
    public LatestReleaseLookup(HttpClient http, URI apiBase) {
        this.http = http;
        this.apiBase = apiBase;
    }

    public URI endpoint() {
        return URI.create(stripSlash(apiBase.toString()) + "/repos/fluxcd/flux2/releases/latest");
    }

    /** The newest release's tag, e.g. {@code v2.9.4}. */
    public String latestVersion() {
        URI endpoint = endpoint();
        String hint = "; name a release instead, e.g. --version " + FluxReleases.defaultVersion();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("User-Agent", "fluxboot/" + FluxReleases.toolVersion())
                .GET()
                .build();
        HttpResponse<String> response;
        // The request timeout ends at the headers; the whole exchange gets a deadline too.
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            response = exchange.get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new FluxbootException("cannot ask " + endpoint + " for the latest Flux release ("
                    + NetworkErrors.describe(cause) + ")" + hint, cause);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FluxbootException("cannot ask " + endpoint + " for the latest Flux release (no answer in time)" + hint);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted while asking " + endpoint + " for the latest Flux release", e);
        }
        if (response.statusCode() != 200) {
            throw new FluxbootException(endpoint + " answered HTTP " + response.statusCode()
                    + (response.statusCode() == 403 || response.statusCode() == 429 ? " (rate limited?)" : "") + hint);
        }
        String tag;
        try {
            JsonNode body = new ObjectMapper().readTree(response.body());
            tag = body == null ? "" : body.path("tag_name").asText("");
        } catch (JsonProcessingException e) {
            throw new FluxbootException(endpoint + " did not answer JSON" + hint, e);
        }
        if (!FluxReleases.isVersion(tag)) {
            throw new FluxbootException(endpoint + " gave no release tag_name ('" + tag + "')" + hint);
        }
        return FluxReleases.normalizeVersion(tag);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
