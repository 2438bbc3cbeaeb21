package dev.fluxboot.githost.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.ForgeErrors;
import dev.fluxboot.githost.ForgeHttp;
import dev.fluxboot.githost.RateLimitWaiter;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Bitbucket Server (Data Center) REST calls the host needs: {@code /rest/api/1.0} for projects,
 * repositories, default branches and group permissions, {@code /rest/keys/1.0} for access keys.
 * Bearer token; paged lists followed through {@code isLastPage}/{@code nextPageStart}; failures
 * mapped to one line.
 */
final class BitbucketServerApi {

    static final String FORGE = "Bitbucket Server";
    static final String TOKEN_VARIABLE = "BITBUCKET_TOKEN";
    static final String API_PATH = "/rest/api/1.0";
    private static final int PAGE_LIMIT = 100;

    private final ForgeHttp http;
    private final String token;

    private BitbucketServerApi(ForgeHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    static BitbucketServerApi connect(ForgeConnection connection, RateLimitWaiter rateLimits) {
        String api = connection.apiBase(API_PATH).toString();
        if (!api.endsWith("/api/1.0")) {
            throw new UsageException("--api-url " + api + " is not a Bitbucket Server REST API URL: it must end with "
                    + API_PATH + " (e.g. https://bitbucket.example.com" + API_PATH + ")");
        }
        URI rest = URI.create(api.substring(0, api.length() - "/api/1.0".length()));
        ForgeHttp http = new ForgeHttp(FORGE, rest, connection.httpClients().newClient(HttpClient.Redirect.NEVER),
                Map.of("Authorization", "Bearer " + connection.token()), connection.timeout(), rateLimits);
        return new BitbucketServerApi(http, connection.token());
    }

    // ---- projects ----

    /** The project's key: looked up by name first (as Flux does), then by key. */
    Optional<String> projectKey(String owner) {
        for (JsonNode project : all("look up project " + owner, "/api/1.0/projects" + ForgeHttp.query(Map.of("name", owner)), null)) {
            if (owner.equals(project.path("name").asText())) {
                return Optional.of(project.path("key").asText());
            }
        }
        return find("get project " + owner, "/api/1.0/projects/" + ForgeHttp.encode(owner), null)
                .map(project -> project.path("key").asText());
    }

    // ---- repositories ----

    Optional<JsonNode> repository(String key, String slug) {
        return find("get repository " + key + "/" + slug, repoPath(key, slug), null);
    }

    JsonNode createRepository(String key, Map<String, Object> body) {
        ForgeHttp.Response response = http.post("/api/1.0/projects/" + ForgeHttp.encode(key) + "/repos", body);
        return check("create repository " + key + "/" + body.get("name"), response, "PROJECT_ADMIN");
    }

    JsonNode updateRepository(String key, String slug, Map<String, Object> body) {
        return check("update repository " + key + "/" + slug, http.put(repoPath(key, slug), body), "REPO_ADMIN");
    }

    /** The default branch's display name; empty when the repository has none yet (204 or 404). */
    Optional<String> defaultBranch(String key, String slug) {
        ForgeHttp.Response response = http.get(repoPath(key, slug) + "/branches/default");
        if (response.status() == 204 || response.status() == 404) {
            return Optional.empty();
        }
        JsonNode branch = check("get the default branch of " + key + "/" + slug, response, "REPO_READ");
        String display = branch.path("displayId").asText("");
        return display.isEmpty() ? Optional.empty() : Optional.of(display);
    }

    void setDefaultBranch(String key, String slug, String branch) {
        check("set the default branch of " + key + "/" + slug,
                http.put(repoPath(key, slug) + "/branches/default", Map.of("id", "refs/heads/" + branch)), "REPO_ADMIN");
    }

    // ---- group permissions ----

    /** The group's permission on the repository, and on its project mapped to a repository permission. */
    Optional<String> groupPermission(String key, String slug, String group) {
        String filter = ForgeHttp.query(Map.of("filter", group));
        Optional<String> repository = permissionOf(group, all("get group permissions of " + key + "/" + slug,
                repoPath(key, slug) + "/permissions/groups" + filter, "REPO_ADMIN"));
        Optional<String> project = key.startsWith("~") ? Optional.empty()
                : permissionOf(group, allOrEmpty("get group permissions of project " + key,
                        "/api/1.0/projects/" + ForgeHttp.encode(key) + "/permissions/groups" + filter));
        if (repository.isEmpty()) {
            return project.map(p -> p.replace("PROJECT_", "REPO_"));
        }
        if (project.isEmpty() || BitbucketPermissions.rank(repository.get()) >= BitbucketPermissions.rank(project.get())) {
            return repository;
        }
        return project.map(p -> p.replace("PROJECT_", "REPO_"));
    }

    private static Optional<String> permissionOf(String group, List<JsonNode> values) {
        return values.stream().filter(v -> group.equals(v.path("group").path("name").asText()))
                .map(v -> v.path("permission").asText()).findFirst();
    }

    void grantGroup(String key, String slug, String group, String permission) {
        check("grant " + permission + " on " + key + "/" + slug + " to group " + group,
                http.put(repoPath(key, slug) + "/permissions/groups"
                        + ForgeHttp.query(Map.of("permission", permission, "name", group)), null), "REPO_ADMIN");
    }

    // ---- access keys ----

    List<JsonNode> accessKeys(String key, String slug) {
        return all("list the access keys of " + key + "/" + slug, keysPath(key, slug), "REPO_ADMIN");
    }

    /** Access keys, or none when the repository does not exist (for dry runs). */
    Optional<List<JsonNode>> accessKeysIfRepositoryExists(String key, String slug) {
        ForgeHttp.Response response = http.get(keysPath(key, slug) + "?limit=" + PAGE_LIMIT);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(accessKeys(key, slug));
    }

    void addAccessKey(String key, String slug, String text, String label, String permission) {
        Map<String, Object> body = Map.of("key", Map.of("text", text, "label", label), "permission", permission);
        check("add access key " + label + " to " + key + "/" + slug, http.post(keysPath(key, slug), body), "REPO_ADMIN");
    }

    void deleteAccessKey(String key, String slug, long id, String label) {
        check("delete access key " + label + " of " + key + "/" + slug, http.delete(keysPath(key, slug) + "/" + id), "REPO_ADMIN");
    }

    // ---- plumbing ----

    private static String repoPath(String key, String slug) {
        return "/api/1.0/projects/" + ForgeHttp.encode(key) + "/repos/" + ForgeHttp.encode(slug);
    }

    private static String keysPath(String key, String slug) {
        return "/keys/1.0/projects/" + ForgeHttp.encode(key) + "/repos/" + ForgeHttp.encode(slug) + "/ssh";
    }

    private Optional<JsonNode> find(String action, String path, String permission) {
        ForgeHttp.Response response = http.get(path);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(check(action, response, permission));
    }

    /** Every page of a paged list. */
    private List<JsonNode> all(String action, String path, String permission) {
        List<JsonNode> values = new ArrayList<>();
        long start = 0;
        while (true) {
            String separator = path.contains("?") ? "&" : "?";
            JsonNode page = check(action, http.get(path + separator + "start=" + start + "&limit=" + PAGE_LIMIT), permission);
            page.path("values").forEach(values::add);
            if (page.path("isLastPage").asBoolean(true) || !page.hasNonNull("nextPageStart")) {
                return values;
            }
            start = page.path("nextPageStart").asLong();
        }
    }

    /** A paged list the token may not be allowed to read (project permissions): empty then. */
    private List<JsonNode> allOrEmpty(String action, String path) {
        try {
            return all(action, path, null);
        } catch (FluxbootException e) {
            return List.of();
        }
    }

    /**
     * The body of a 2xx answer, else one line: 401 bad token, 403 naming the permission the token
     * lacks, other statuses with Bitbucket's own error messages.
     */
    private JsonNode check(String action, ForgeHttp.Response response, String permission) {
        if (response.ok()) {
            return response.json();
        }
        throw switch (response.status()) {
            case 401 -> ForgeErrors.badToken(FORGE, TOKEN_VARIABLE);
            case 403 -> ForgeErrors.forbidden(FORGE, action, permission == null
                    ? "the token in " + TOKEN_VARIABLE + " lacks a permission this needs"
                    : "the token in " + TOKEN_VARIABLE + " (or its user) lacks the " + permission
                    + " permission: create a token with it");
            case 404 -> new FluxbootException(FORGE + " could not " + action + ": " + errors(response, "not found (404)"));
            default -> ForgeErrors.unexpected(FORGE, action, response.status(), errors(response, response.text()), token);
        };
    }

    /** Bitbucket's {@code {"errors":[{"context":..,"message":..}]}} as one line. */
    private String errors(ForgeHttp.Response response, String fallback) {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            String context = error.path("context").asText("");
            String message = error.path("message").asText("");
            if (!message.isEmpty()) {
                messages.add(context.isEmpty() || "null".equals(context) ? message : context + ": " + message);
            }
        }
        return ForgeErrors.detail(messages.isEmpty() ? fallback : String.join("; ", messages), token);
    }
}
