package dev.fluxboot.githost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON-over-HTTPS client for a forge's REST API, on the JDK HTTP client and Jackson.
 * Rate-limited answers (429, or 403 with a remaining quota of 0) are waited out through
 * {@link RateLimitWaiter} and retried; failures to connect become one line through
 * {@link ForgeErrors}. Redirects are followed on the same origin only (give it a client that does
 * not follow them itself: {@code HttpClients.newClient(Redirect.NEVER)}), so the token never goes
 * to another host. Every other status is returned for the caller to map.
 */
public final class ForgeHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String forge;
    private final URI base;
    private final HttpClient client;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final RateLimitWaiter rateLimits;

    /**
     * @param forge          the forge's name for messages ("Bitbucket Server")
     * @param base           prefix of every request path, without a trailing slash
     * @param headers        sent with every request (e.g. {@code Authorization}); never shown in messages
     * @param requestTimeout limit of each request
     */
    public ForgeHttp(String forge, URI base, HttpClient client, Map<String, String> headers, Duration requestTimeout,
                     RateLimitWaiter rateLimits) {
        this.forge = forge;
        this.base = base;
        this.client = client;
        this.headers = Map.copyOf(headers);
        this.requestTimeout = requestTimeout;
        this.rateLimits = rateLimits;
    }

    /** The Jackson mapper the forges share. */
    public static ObjectMapper json() {
        return JSON;
    }

    public URI base() {
        return base;
    }

    /** An answer: status, headers and the body parsed as JSON ({@link MissingNode} when empty or not JSON). */
    public record Response(int status, HttpHeaders headers, JsonNode json, String text) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * Sends one request ({@code path} is appended to the base as it is: encode its parts first)
     * with a JSON body when {@code body} is not null.
     */
    public Response send(String method, String path, Object body) {
        String json;
        try {
            json = body == null ? null : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
        URI uri = URI.create(base + path);
        for (int hop = 0; ; hop++) {
            Response response = exchange(request(method, uri, json));
            Optional<URI> location = response.header("Location").map(uri::resolve);
            boolean redirect = response.status() == 301 || response.status() == 302 || response.status() == 303
                    || response.status() == 307 || response.status() == 308;
            // Redirects are followed on the same origin only: the token never goes to another host.
            if (!redirect || location.isEmpty() || !sameOrigin(uri, location.get()) || hop >= MAX_REDIRECTS) {
                return response;
            }
            if (response.status() == 303 || (response.status() != 307 && response.status() != 308 && !method.equals("GET"))) {
                method = "GET";
                json = null;
            }
            uri = location.get();
        }
    }

    private static final int MAX_REDIRECTS = 5;

    private HttpRequest request(String method, URI uri, String json) {
        HttpRequest.BodyPublisher publisher = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .method(method, publisher).header("Accept", "application/json");
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        return builder.build();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Response exchange(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw ForgeErrors.unreachable(forge, base, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FluxbootException("interrupted while calling " + forge, e);
            }
            if (isRateLimited(response)) {
                HttpHeaders answer = response.headers();
                rateLimits.await(rateLimits.resetOf(answer::firstValue), attempt);
                continue;
            }
            return new Response(response.statusCode(), response.headers(), parse(response.body()), response.body());
        }
    }

    private static boolean isRateLimited(HttpResponse<String> response) {
        if (response.statusCode() == 429) {
            return true;
        }
        if (response.statusCode() == 403) {
            for (String name : new String[] {"X-RateLimit-Remaining", "RateLimit-Remaining"}) {
                if (response.headers().firstValue(name).map(String::strip).filter("0"::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** Query string from name/value pairs, each part URL-encoded. */
    public static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : new LinkedHashMap<>(parameters).entrySet()) {
            query.append(query.length() == 0 ? '?' : '&')
                    .append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        return query.toString();
    }

    /** One URL path segment or query part, percent-encoded (spaces as %20). */
    public static String encode(String part) {
        return java.net.URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
