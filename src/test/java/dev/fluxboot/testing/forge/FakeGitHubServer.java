package dev.fluxboot.testing.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful GitHub REST API (v3) in the test JVM, over HTTPS, answering the requests the
 * kohsuke github-api library makes, with GitHub's documented paths, status codes and JSON
 * shapes: users, organisations, teams, repositories and deploy keys. Lists are paginated with
 * {@code Link} headers; every answer carries the {@code X-RateLimit-*} and {@code X-OAuth-Scopes}
 * headers; scopes are enforced the way classic tokens are (403 with {@code X-Accepted-OAuth-Scopes}).
 * Repositories it creates are created in the shared {@link GitRepositories}; deploy keys it
 * stores are authorized on the {@link SshGitServer} (read-only keys for fetching only) and
 * revoked when deleted. Tokens are also accepted by the optional {@link HttpGitServer} for Git
 * over HTTPS.
 *
 * <p>Mounted at {@code /api/v3}, as GitHub Enterprise Server is.
 */
public final class FakeGitHubServer extends FakeForgeHttps {

    private static final String DOCS = "https://docs.github.com/rest";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final GitRepositories repositories;
    private final SshKeyGrants sshKeys;
    private final HttpGitServer gitHttp;
    private final AtomicLong ids = new AtomicLong(1000);

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private RateLimit rateLimit;
    private int remaining = 5000;
    private boolean withoutVisibilityField;

    private FakeGitHubServer(TestCertificates certificates, GitRepositories repositories, SshGitServer ssh,
                             HttpGitServer gitHttp) {
        super(certificates, "/api/v3");
        this.repositories = repositories;
        this.sshKeys = new SshKeyGrants(ssh);
        this.gitHttp = gitHttp;
    }

    public static FakeGitHubServer start(TestCertificates certificates, GitRepositories repositories, SshGitServer ssh,
                                         HttpGitServer gitHttp) {
        return new FakeGitHubServer(certificates, repositories, ssh, gitHttp);
    }

    // ---- setting the scene -------------------------------------------------------------------

    private record Account(long id, String login, boolean organization, Map<String, Team> teams) {
    }

    private record Team(long id, String slug, String name) {
    }

    private record Token(String login, Set<String> scopes) {
    }

    private static final class Repo {
        final long id;
        final Account owner;
        final String name;
        String visibility;
        String description;
        String defaultBranch;
        final List<Key> keys = new ArrayList<>();
        final Map<String, String> teamPermissions = new LinkedHashMap<>();

        Repo(long id, Account owner, String name, String visibility, String description, String defaultBranch) {
            this.id = id;
            this.owner = owner;
            this.name = name;
            this.visibility = visibility;
            this.description = description;
            this.defaultBranch = defaultBranch;
        }

        String fullName() {
            return owner.login + "/" + name;
        }
    }

    private record Key(long id, String title, String key, boolean readOnly, String createdAt) {
    }

    private record RateLimit(int requests, int status, long reset, Integer retryAfter) {
    }

    /** A user and a classic token of theirs with these scopes (e.g. {@code repo}, {@code admin:org}). */
    public synchronized void addUser(String login, String token, String... scopes) {
        Account user = accounts.computeIfAbsent(key(login), k -> new Account(ids.incrementAndGet(), login, false, Map.of()));
        tokens.put(token, new Token(user.login, new LinkedHashSet<>(List.of(scopes))));
        if (gitHttp != null) {
            // GitHub takes any user name with a token over HTTPS; these are the two Flux uses.
            gitHttp.authorizeBasic(login, token, false);
            gitHttp.authorizeBasic("git", token, false);
        }
    }

    public synchronized void addOrganization(String login) {
        accounts.computeIfAbsent(key(login), k -> new Account(ids.incrementAndGet(), login, true, new LinkedHashMap<>()));
    }

    public synchronized void addTeam(String organization, String slug) {
        Account org = accounts.get(key(organization));
        org.teams.put(slug, new Team(ids.incrementAndGet(), slug, slug));
    }

    /** A repository that already exists, with one commit on {@code main}. */
    public synchronized void addRepository(String owner, String name, String visibility, String description) {
        Repo repo = newRepo(accounts.get(key(owner)), name, visibility, description, "main");
        repositories.commit(repo.fullName(), "main", Map.of("README.md", "# " + name + "\n"), "Initial commit");
    }

    /** Grants a team access to a repository, as an organisation admin would. */
    public synchronized void grantTeam(String owner, String name, String slug, String permission) {
        repo(owner, name).orElseThrow().teamPermissions.put(slug, permission);
    }

    /**
     * The next {@code requests} requests are refused as over the primary rate limit (403 or
     * 429 with {@code X-RateLimit-Remaining: 0}), which resets at {@code reset}.
     */
    public synchronized void exhaustRateLimit(int requests, int status, Instant reset) {
        rateLimit = new RateLimit(requests, status, reset.getEpochSecond(), null);
    }

    /** The next {@code requests} requests hit the secondary rate limit (403/429 with {@code Retry-After}). */
    public synchronized void secondaryRateLimit(int requests, int status, int retryAfterSeconds) {
        rateLimit = new RateLimit(requests, status, Instant.now().plusSeconds(3600).getEpochSecond(), retryAfterSeconds);
    }

    /** Answers repositories as old GitHub Enterprise Server releases did: {@code private} only, no {@code visibility}. */
    public synchronized void withoutVisibilityField() {
        withoutVisibilityField = true;
    }

    /** Someone deletes a deploy key in the web interface. */
    public synchronized void deleteDeployKey(String owner, String name, String title) {
        Repo repo = repo(owner, name).orElseThrow();
        for (Key key : List.copyOf(repo.keys)) {
            if (key.title.equals(title)) {
                removeKey(repo, key);
            }
        }
    }

    // ---- what tests look at ------------------------------------------------------------------

    /** What a repository looks like now. */
    public record RepositoryView(String fullName, String visibility, String description, String defaultBranch,
                                 Map<String, String> teams) {
    }

    /** A stored deploy key. */
    public record DeployKeyView(long id, String title, String key, boolean readOnly) {
    }

    public synchronized Optional<RepositoryView> repository(String owner, String name) {
        return repo(owner, name).map(r -> new RepositoryView(r.fullName(), r.visibility, r.description, r.defaultBranch,
                Map.copyOf(r.teamPermissions)));
    }

    public synchronized List<DeployKeyView> deployKeys(String owner, String name) {
        return repo(owner, name).orElseThrow().keys.stream()
                .map(k -> new DeployKeyView(k.id, k.title, k.key, k.readOnly)).toList();
    }

    // ---- the API -----------------------------------------------------------------------------

    @Override
    protected synchronized Map<String, String> commonHeaders(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        headers.put("X-RateLimit-Limit", "5000");
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()));
        headers.put("X-RateLimit-Resource", "core");
        token(request).ifPresent(t -> headers.put("X-OAuth-Scopes", String.join(", ", t.scopes)));
        return headers;
    }

    @Override
    protected synchronized Response route(Request request) {
        if (rateLimit != null && rateLimit.requests > 0) {
            RateLimit limit = rateLimit;
            rateLimit = limit.requests == 1 ? null : new RateLimit(limit.requests - 1, limit.status, limit.reset, limit.retryAfter);
            Response refused = message(limit.status, limit.retryAfter == null
                    ? "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID."
                    : "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
                    .withHeader("X-RateLimit-Remaining", limit.retryAfter == null ? "0" : "4000")
                    .withHeader("X-RateLimit-Reset", Long.toString(limit.reset));
            return limit.retryAfter == null ? refused : refused.withHeader("Retry-After", Integer.toString(limit.retryAfter));
        }
        remaining--;
        Optional<Token> token = token(request);
        if (token.isEmpty()) {
            return Response.json(401, object().put("message", request.header("authorization").isPresent()
                    ? "Bad credentials" : "Requires authentication").put("documentation_url", DOCS));
        }
        String[] p = request.path().replaceAll("/+$", "").split("/");
        String method = request.method();
        // p[0] is "" (the path starts with "/")
        if (p.length == 2 && p[1].equals("user") && method.equals("GET")) {
            return Response.json(200, userJson(accounts.get(key(token.get().login))));
        }
        if (p.length == 2 && p[1].equals("rate_limit")) {
            return Response.json(200, object().set("resources", object()));
        }
        if (p.length == 3 && p[1].equals("user") && p[2].equals("repos") && method.equals("POST")) {
            return createRepository(request, token.get(), accounts.get(key(token.get().login)));
        }
        if (p.length >= 3 && p[1].equals("orgs")) {
            return organization(request, token.get(), p);
        }
        if (p.length == 8 && p[1].equals("organizations") && p[3].equals("team") && p[5].equals("repos")) {
            return teamRepository(request, token.get(), accountById(p[2]), p[4], p[6], p[7], true);
        }
        if (p.length >= 4 && p[1].equals("repos")) {
            return repository(request, token.get(), p);
        }
        return notFound();
    }

    private Response organization(Request request, Token token, String[] p) {
        Account org = accounts.get(key(p[2]));
        if (org == null || !org.organization) {
            return notFound();
        }
        if (p.length == 3 && request.method().equals("GET")) {
            return Response.json(200, orgJson(org));
        }
        if (p.length == 4 && p[3].equals("repos") && request.method().equals("POST")) {
            return createRepository(request, token, org);
        }
        if (p.length == 5 && p[3].equals("teams") && request.method().equals("GET")) {
            Optional<Response> refused = requireScope(token, "read:org", "admin:org", "write:org");
            if (refused.isPresent()) {
                return refused.get();
            }
            Team team = org.teams.get(p[4]);
            return team == null ? notFound() : Response.json(200, teamJson(org, team, "pull"));
        }
        if (p.length == 8 && p[3].equals("teams") && p[5].equals("repos")) {
            return teamRepository(request, token, org, idOf(org, p[4]), p[6], p[7], false);
        }
        return notFound();
    }

    private String idOf(Account org, String slug) {
        Team team = org.teams.get(slug);
        return team == null ? "-1" : Long.toString(team.id);
    }

    /** PUT a team's permission on a repository (both the slug and the legacy id paths). */
    private Response teamRepository(Request request, Token token, Account org, String teamId, String owner, String name,
                                    boolean legacyPath) {
        if (org == null || !request.method().equals("PUT")) {
            return notFound();
        }
        Optional<Team> team = org.teams.values().stream().filter(t -> Long.toString(t.id).equals(teamId)).findFirst();
        Optional<Repo> repo = repo(owner, name);
        if (team.isEmpty() || repo.isEmpty()) {
            return notFound();
        }
        Optional<Response> refused = requireScope(token, "admin:org", "repo");
        if (refused.isPresent()) {
            return refused.get();
        }
        String permission = request.body().path("permission").asText("push");
        if (!Set.of("pull", "triage", "push", "maintain", "admin").contains(permission)) {
            return validationFailed("Team", "permission", "permission is not included in the list");
        }
        repo.get().teamPermissions.put(team.get().slug, permission);
        return Response.empty(204);
    }

    private Response createRepository(Request request, Token token, Account owner) {
        JsonNode body = request.body();
        String name = body.path("name").asText("");
        boolean isPrivate = body.path("private").asBoolean(false);
        String visibility = body.path("visibility").asText(isPrivate ? "private" : "public");
        Optional<Response> refused = requireScope(token, visibility.equals("public") ? new String[] {"repo", "public_repo"}
                : new String[] {"repo"});
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!VALID_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return validationFailed("Repository", "name", "name is invalid");
        }
        if (repo(owner.login, name).isPresent()) {
            return Response.json(422, object().put("message", "Repository creation failed.")
                    .put("documentation_url", DOCS)
                    .set("errors", JSON.createArrayNode().add(object().put("resource", "Repository")
                            .put("code", "custom").put("field", "name").put("message", "name already exists on this account"))));
        }
        Repo repo = newRepo(owner, name, visibility, body.path("description").asText(null), "main");
        if (body.path("auto_init").asBoolean(false)) {
            repositories.commit(repo.fullName(), "main", Map.of("README.md", "# " + name + "\n"), "Initial commit");
        }
        return Response.json(201, repoJson(repo));
    }

    private Response repository(Request request, Token token, String[] p) {
        Optional<Repo> found = repo(p[2], p[3]);
        // GitHub answers 404 for private repositories a token cannot see.
        if (found.isEmpty() || (!found.get().visibility.equals("public") && !token.scopes.contains("repo"))) {
            return notFound();
        }
        Repo repo = found.get();
        String method = request.method();
        if (p.length == 4 && method.equals("GET")) {
            return Response.json(200, repoJson(repo));
        }
        if (p.length == 4 && method.equals("PATCH")) {
            return editRepository(request, repo);
        }
        if (p.length == 5 && p[4].equals("teams") && method.equals("GET")) {
            List<ObjectNode> teams = new ArrayList<>();
            repo.teamPermissions.forEach((slug, permission) -> teams.add(teamJson(repo.owner, repo.owner.teams.get(slug), permission)));
            return page(request, teams, "per_page");
        }
        if (p.length >= 5 && p[4].equals("keys")) {
            Optional<Response> refused = requireScope(token, "repo");
            if (refused.isPresent()) {
                return refused.get();
            }
            if (p.length == 5 && method.equals("GET")) {
                return page(request, repo.keys.stream().map(k -> keyJson(repo, k)).toList(), "per_page");
            }
            if (p.length == 5 && method.equals("POST")) {
                return addKey(request, repo);
            }
            if (p.length == 6) {
                Optional<Key> key = repo.keys.stream().filter(k -> Long.toString(k.id).equals(p[5])).findFirst();
                if (key.isEmpty()) {
                    return notFound();
                }
                if (method.equals("GET")) {
                    return Response.json(200, keyJson(repo, key.get()));
                }
                if (method.equals("DELETE")) {
                    removeKey(repo, key.get());
                    return Response.empty(204);
                }
            }
        }
        return notFound();
    }

    private Response editRepository(Request request, Repo repo) {
        JsonNode body = request.body();
        if (body.hasNonNull("default_branch")) {
            String branch = body.get("default_branch").asText();
            if (hasBranches(repo.fullName()) && repositories.tip(repo.fullName(), branch).isEmpty()) {
                return validationFailed("Repository", "default_branch", "The branch " + branch + " was not found. Please push that ref first or create it via the Git Data API.");
            }
            repo.defaultBranch = branch;
        }
        if (body.has("description")) {
            repo.description = body.get("description").isNull() ? null : body.get("description").asText();
        }
        if (body.hasNonNull("visibility")) {
            repo.visibility = body.get("visibility").asText();
        } else if (body.hasNonNull("private")) {
            repo.visibility = body.get("private").asBoolean() ? "private" : "public";
        }
        return Response.json(200, repoJson(repo));
    }

    private Response addKey(Request request, Repo repo) {
        JsonNode body = request.body();
        String title = body.path("title").asText("");
        String[] parts = body.path("key").asText("").strip().split("\\s+");
        if (parts.length < 2 || !parts[0].matches("ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)")) {
            return validationFailed("PublicKey", "key", "key is invalid. You must supply a key in OpenSSH public key format");
        }
        String material = parts[0] + " " + parts[1];
        boolean inUse = repos.values().stream().flatMap(r -> r.keys.stream()).anyMatch(k -> k.key.equals(material));
        if (inUse) {
            return validationFailed("PublicKey", "key", "key is already in use");
        }
        Key key = new Key(ids.incrementAndGet(), title, material, body.path("read_only").asBoolean(false),
                Instant.now().toString());
        repo.keys.add(key);
        sshKeys.grant(repo.id + "/" + key.id, material, key.readOnly);
        return Response.json(201, keyJson(repo, key));
    }

    private void removeKey(Repo repo, Key key) {
        repo.keys.remove(key);
        sshKeys.revoke(repo.id + "/" + key.id, key.key);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Repo newRepo(Account owner, String name, String visibility, String description, String defaultBranch) {
        Repo repo = new Repo(ids.incrementAndGet(), owner, name, visibility, description, defaultBranch);
        repos.put(key(repo.fullName()), repo);
        repositories.create(repo.fullName());
        return repo;
    }

    private boolean hasBranches(String fullName) {
        try {
            return !repositories.get(fullName).getRefDatabase().getRefsByPrefix("refs/heads/").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<Repo> repo(String owner, String name) {
        return Optional.ofNullable(repos.get(key(owner + "/" + name)));
    }

    private Account accountById(String id) {
        return accounts.values().stream().filter(a -> Long.toString(a.id).equals(id)).findFirst().orElse(null);
    }

    private Optional<Token> token(Request request) {
        return request.header("authorization").map(value -> {
            Matcher m = Pattern.compile("(?i)(?:token|bearer) (.+)").matcher(value.strip());
            return m.matches() ? tokens.get(m.group(1)) : null;
        });
    }

    /** 403 unless the token has one of the scopes; names the accepted ones as GitHub does. */
    private Optional<Response> requireScope(Token token, String... accepted) {
        for (String scope : accepted) {
            if (token.scopes.contains(scope)) {
                return Optional.empty();
            }
        }
        return Optional.of(message(403, "Resource not accessible by personal access token")
                .withHeader("X-Accepted-OAuth-Scopes", String.join(", ", accepted)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Response notFound() {
        return Response.json(404, object().put("message", "Not Found").put("documentation_url", DOCS)
                .put("status", "404"));
    }

    private static Response validationFailed(String resource, String field, String message) {
        ArrayNode errors = JSON.createArrayNode().add(object().put("resource", resource).put("code", "custom")
                .put("field", field).put("message", message));
        return Response.json(422, object().put("message", "Validation Failed").put("documentation_url", DOCS)
                .set("errors", errors));
    }

    private ObjectNode userJson(Account user) {
        return object().put("login", user.login).put("id", user.id).put("node_id", "U_" + user.id)
                .put("type", user.organization ? "Organization" : "User").put("site_admin", false)
                .put("url", "https://127.0.0.1:" + port() + "/api/v3/users/" + user.login)
                .put("html_url", "https://127.0.0.1:" + port() + "/" + user.login);
    }

    private ObjectNode orgJson(Account org) {
        return object().put("login", org.login).put("id", org.id).put("node_id", "O_" + org.id)
                .put("url", "https://127.0.0.1:" + port() + "/api/v3/orgs/" + org.login)
                .put("repos_url", "https://127.0.0.1:" + port() + "/api/v3/orgs/" + org.login + "/repos")
                .put("description", "").put("type", "Organization");
    }

    private ObjectNode teamJson(Account org, Team team, String permission) {
        return object().put("id", team.id).put("node_id", "T_" + team.id).put("name", team.name).put("slug", team.slug)
                .put("description", "").put("privacy", "closed").put("notification_setting", "notifications_enabled")
                .put("permission", permission)
                .put("url", "https://127.0.0.1:" + port() + "/api/v3/organizations/" + org.id + "/team/" + team.id)
                .put("html_url", "https://127.0.0.1:" + port() + "/orgs/" + org.login + "/teams/" + team.slug)
                .put("members_url", "https://127.0.0.1:" + port() + "/api/v3/organizations/" + org.id + "/team/" + team.id + "/members{/member}")
                .put("repositories_url", "https://127.0.0.1:" + port() + "/api/v3/organizations/" + org.id + "/team/" + team.id + "/repos")
                .putNull("parent");
    }

    private ObjectNode repoJson(Repo repo) {
        String api = "https://127.0.0.1:" + port() + "/api/v3/repos/" + repo.fullName();
        ObjectNode json = object().put("id", repo.id).put("node_id", "R_" + repo.id).put("name", repo.name)
                .put("full_name", repo.fullName()).put("private", !repo.visibility.equals("public"))
                .put("html_url", "https://127.0.0.1:" + port() + "/" + repo.fullName())
                .put("description", repo.description).put("fork", false).put("url", api)
                .put("clone_url", "https://127.0.0.1:" + port() + "/" + repo.fullName() + ".git")
                .put("ssh_url", "git@127.0.0.1:" + repo.fullName() + ".git")
                .put("default_branch", repo.defaultBranch).put("visibility", repo.visibility)
                .put("archived", false).put("disabled", false)
                .put("created_at", "2024-01-01T00:00:00Z").put("updated_at", "2024-01-01T00:00:00Z");
        if (withoutVisibilityField) {
            json.remove("visibility");
        }
        json.set("owner", userJson(repo.owner));
        json.set("permissions", object().put("admin", true).put("maintain", true).put("push", true)
                .put("triage", true).put("pull", true));
        return json;
    }

    private ObjectNode keyJson(Repo repo, Key key) {
        return object().put("id", key.id).put("key", key.key)
                .put("url", "https://127.0.0.1:" + port() + "/api/v3/repos/" + repo.fullName() + "/keys/" + key.id)
                .put("title", key.title).put("verified", true).put("created_at", key.createdAt)
                .put("read_only", key.readOnly).put("added_by", repo.owner.login).putNull("last_used");
    }
}
