package dev.fluxboot.githost.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.githost.ForgeErrors;
import dev.fluxboot.githost.ForgeHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gitea REST API (v1) calls fluxboot makes, on the shared {@link ForgeHttp} (JDK HTTP
 * client, Jackson, rate-limit waits): each returns the JSON or fails with one line naming what
 * was asked and why it was refused.
 */
final class GiteaApi {

    static final String FORGE = "Gitea";
    static final String TOKEN_VARIABLE = "GITEA_TOKEN";

    /** Items asked per page; Gitea caps it at its MAX_RESPONSE_ITEMS (50 by default). */
    static final int PAGE_SIZE = 50;

    /** Gitea 1.19+: "token does not have at least one of required scope(s): [write:repository]" (or "required=[...]"). */
    private static final Pattern SCOPE = Pattern.compile("required scope\\(s\\)(?:, required=|: )\\[([^\\]]*)\\]");

    private final ForgeHttp http;
    private final String token;

    GiteaApi(ForgeHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /** GET one object; empty on 404. */
    Optional<JsonNode> find(String action, String path) {
        ForgeHttp.Response response = http.get(path);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(check(action, response));
    }

    JsonNode get(String action, String path) {
        return check(action, http.get(path));
    }

    /** GET every page of a list ({@code page}/{@code limit}, following {@code Link: rel="next"}). */
    List<JsonNode> list(String action, String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            ForgeHttp.Response response = http.get(path + separator + "page=" + page + "&limit=" + PAGE_SIZE);
            JsonNode json = check(action, response);
            json.forEach(items::add);
            boolean next = response.header("Link").filter(link -> link.contains("rel=\"next\"")).isPresent();
            if (!next || json.size() == 0) {
                return items;
            }
        }
    }

    JsonNode post(String action, String path, Object body) {
        return check(action, http.post(path, body));
    }

    JsonNode patch(String action, String path, Object body) {
        return check(action, http.send("PATCH", path, body));
    }

    void put(String action, String path) {
        check(action, http.put(path, null));
    }

    void delete(String action, String path) {
        ForgeHttp.Response response = http.delete(path);
        if (response.status() != 404) {
            check(action, response);
        }
    }

    /** The JSON of a 2xx answer; every other status as one line. */
    private JsonNode check(String action, ForgeHttp.Response response) {
        if (response.ok()) {
            return response.json();
        }
        String message = message(response);
        switch (response.status()) {
            case 401:
                throw ForgeErrors.badToken(FORGE, TOKEN_VARIABLE);
            case 403: {
                Matcher scope = SCOPE.matcher(message);
                if (scope.find()) {
                    String first = scope.group(1).split(",")[0].strip();
                    throw ForgeErrors.missingScope(FORGE, action, Optional.of(first), TOKEN_VARIABLE);
                }
                String detail = ForgeErrors.detail(message, token);
                throw ForgeErrors.forbidden(FORGE, action, (detail.isEmpty() ? "" : detail + ": ")
                        + "check that the token's user may do this on --owner (organization team, repository admin)");
            }
            case 404:
                throw new FluxbootException("Gitea failed to " + action + ": not found (HTTP 404): check --owner and "
                        + "--repository, and that the token in " + TOKEN_VARIABLE + " can see them");
            default:
                if (response.status() >= 300 && response.status() < 400) {
                    throw new FluxbootException("Gitea failed to " + action + ": moved (HTTP " + response.status()
                            + "): the repository may have been renamed or transferred; use its current --owner and --repository");
                }
                throw ForgeErrors.unexpected(FORGE, action, response.status(), message, token);
        }
    }

    /** Gitea's {@code message} and {@code errors}, or the raw body. */
    private static String message(ForgeHttp.Response response) {
        JsonNode json = response.json();
        if (!json.isObject()) {
            return response.text() == null ? "" : response.text();
        }
        List<String> parts = new ArrayList<>();
        if (json.hasNonNull("message") && !json.get("message").asText().isBlank()) {
            parts.add(json.get("message").asText());
        }
        for (JsonNode error : json.path("errors")) {
            parts.add(error.isTextual() ? error.asText() : error.toString());
        }
        return String.join(": ", parts);
    }
}
