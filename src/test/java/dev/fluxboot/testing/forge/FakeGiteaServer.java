package dev.fluxboot.testing.forge;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A stateful Gitea REST API ({@code /api/v1}) in the test JVM over HTTPS, with Gitea's
 * documented paths, status codes and JSON shapes: users, organizations, teams (permissions
 * belong to the team), repositories and deploy keys. Lists are paginated ({@code page},
 * {@code limit}, {@code Link}, {@code X-Total-Count}); token scopes are enforced as Gitea 1.19+
 * does (403 naming the required scope); a reverse proxy's rate limit can be switched on (429
 * with {@code Retry-After}). Repositories it creates exist in the shared {@link GitRepositories};
 * deploy keys it stores are authorized on the {@link SshGitServer} and revoked when deleted.
 */
public final class FakeGiteaServer extends FakeForgeHttps {

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final GitRepositories repositories;
    private final SshKeyGrants sshKeys;
    private final HttpGitServer gitHttp;
    private final AtomicLong ids = new AtomicLong(100);

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private int rateLimited;
    private int retryAfter;

    private FakeGiteaServer(TestCertificates certificates, GitRepositories repositories, SshGitServer ssh, HttpGitServer gitHttp) {
        super(certificates, "/api/v1");
        this.repositories = repositories;
        this.sshKeys = new SshKeyGrants(ssh);
        this.gitHttp = gitHttp;
    }

    public static FakeGiteaServer start(TestCertificates certificates, GitRepositories repositories, SshGitServer ssh,
                                        HttpGitServer gitHttp) {
        return new FakeGiteaServer(certificates, repositories, ssh, gitHttp);
    }

    private record Account(long id, String login, boolean organization, Map<String, Team> teams) {
    }

    private static final class Team {
        final long id;
        final String name;
        final String permission;
        final Set<String> repositories = new LinkedHashSet<>();

        Team(long id, String name, String permission) {
            this.id = id;
            this.name = name;
            this.permission = permission;
        }
    }

    private record Token(String login, Set<String> scopes) {
    }

    private static final class Repo {
        final long id;
        final Account owner;
        final String name;
        boolean isPrivate;
        String description;
        String defaultBranch;
        final List<Key> keys = new ArrayList<>();

        Repo(long id, Account owner, String name, boolean isPrivate, String description, String defaultBranch) {
            this.id = id;
            this.owner = owner;
            this.name = name;
            this.isPrivate = isPrivate;
            this.description = description;
            this.defaultBranch = defaultBranch;
        }

        String fullName() {
            return owner.login + "/" + name;
        }
    }

    private record Key(long id, String title, String key, boolean readOnly) {
    }

    // ---- setting the scene -------------------------------------------------------------------

    /** A user and a token of theirs with these scopes ({@code all}, {@code write:repository}, {@code read:user}, ...). */
    public synchronized void addUser(String login, String token, String... scopes) {
        Account user = accounts.computeIfAbsent(key(login), k -> new Account(ids.incrementAndGet(), login, false, Map.of()));
        tokens.put(token, new Token(user.login, new LinkedHashSet<>(List.of(scopes))));
        if (gitHttp != null) {
            gitHttp.authorizeBasic(login, token, false);
            gitHttp.authorizeBasic("git", token, false);
        }
    }

    public synchronized void addOrganization(String login) {
        accounts.computeIfAbsent(key(login), k -> new Account(ids.incrementAndGet(), login, true, new LinkedHashMap<>()));
    }

    /** A team with its own permission: {@code read}, {@code write} or {@code admin}. */
    public synchronized void addTeam(String organization, String name, String permission) {
        accounts.get(key(organization)).teams.put(key(name), new Team(ids.incrementAndGet(), name, permission));
    }

    /** An existing repository with one commit on {@code main}. */
    public synchronized void addRepository(String owner, String name, boolean isPrivate, String description) {
        Repo repo = newRepo(accounts.get(key(owner)), name, isPrivate, description, "main");
        repositories.commit(repo.fullName(), "main", Map.of("README.md", "# " + name + "\n"), "Initial commit");
    }

    public synchronized void addTeamToRepository(String owner, String name, String team) {
        accounts.get(key(owner)).teams.get(key(team)).repositories.add(key(owner + "/" + name));
    }

    /** The next {@code requests} requests are refused with 429 and {@code Retry-After}. */
    public synchronized void rateLimit(int requests, int retryAfterSeconds) {
        this.rateLimited = requests;
        this.retryAfter = retryAfterSeconds;
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

    public record RepositoryView(String fullName, boolean isPrivate, String description, String defaultBranch, List<String> teams) {
    }

    public record DeployKeyView(long id, String title, String key, boolean readOnly) {
    }

    public synchronized Optional<RepositoryView> repository(String owner, String name) {
        return repo(owner, name).map(r -> new RepositoryView(r.fullName(), r.isPrivate, r.description, r.defaultBranch,
                teamsOf(r).stream().map(t -> t.name).toList()));
    }

    public synchronized List<DeployKeyView> deployKeys(String owner, String name) {
        return repo(owner, name).orElseThrow().keys.stream().map(k -> new DeployKeyView(k.id, k.title, k.key, k.readOnly)).toList();
    }

    // ---- the API -----------------------------------------------------------------------------

    @Override
    protected synchronized Response route(Request request) {
        if (rateLimited > 0) {
            rateLimited--;
            return message(429, "Too Many Requests").withHeader("Retry-After", Integer.toString(retryAfter));
        }
        Optional<Token> token = token(request);
        if (token.isEmpty()) {
            return request.header("authorization").isPresent()
                    ? gitea(401, "user does not exist [uid: 0, name: ]", null)
                    : gitea(401, "token is required", null);
        }
        String[] p = request.path().replaceAll("/+$", "").split("/");
        String method = request.method();
        Account me = accounts.get(key(token.get().login));
        if (p.length == 2 && p[1].equals("user") && method.equals("GET")) {
            return scoped(token.get(), "read:user").orElseGet(() -> Response.json(200, userJson(me)));
        }
        if (p.length == 3 && p[1].equals("user") && p[2].equals("repos") && method.equals("POST")) {
            return scoped(token.get(), "write:repository").orElseGet(() -> createRepository(request, me));
        }
        if (p.length >= 3 && p[1].equals("orgs")) {
            return organization(request, token.get(), p);
        }
        if (p.length == 6 && p[1].equals("teams") && p[3].equals("repos") && method.equals("PUT")) {
            return scoped(token.get(), "write:organization").orElseGet(() -> addTeamRepository(p[2], p[4], p[5]));
        }
        if (p.length >= 4 && p[1].equals("repos")) {
            return repository(request, token.get(), p);
        }
        return notFound();
    }

    private Response organization(Request request, Token token, String[] p) {
        Account org = accounts.get(key(p[2]));
        if (org == null || !org.organization) {
            return gitea(404, "GetOrgByName", "org does not exist [id: 0, name: " + p[2] + "]");
        }
        if (p.length == 3 && request.method().equals("GET")) {
            return scoped(token, "read:organization").orElseGet(() -> Response.json(200, orgJson(org)));
        }
        if (p.length == 4 && p[3].equals("repos") && request.method().equals("POST")) {
            return scoped(token, "write:repository").orElseGet(() -> createRepository(request, org));
        }
        if (p.length == 5 && p[3].equals("teams") && p[4].equals("search") && request.method().equals("GET")) {
            return scoped(token, "read:organization").orElseGet(() -> {
                String q = request.query("q").orElse("").toLowerCase(Locale.ROOT);
                var data = JSON.createArrayNode();
                org.teams.values().stream().filter(t -> t.name.toLowerCase(Locale.ROOT).contains(q))
                        .forEach(t -> data.add(teamJson(org, t)));
                ObjectNode body = object().put("ok", true);
                body.set("data", data);
                return Response.json(200, body);
            });
        }
        return notFound();
    }

    private Response addTeamRepository(String teamId, String owner, String name) {
        Optional<Repo> repo = repo(owner, name);
        Optional<Team> team = repo.flatMap(r -> r.owner.teams.values().stream()
                .filter(t -> Long.toString(t.id).equals(teamId)).findFirst());
        if (team.isEmpty()) {
            return notFound();
        }
        team.get().repositories.add(key(repo.get().fullName()));
        return Response.empty(204);
    }

    private Response createRepository(Request request, Account owner) {
        JsonNode body = request.body();
        String name = body.path("name").asText("");
        if (!VALID_NAME.matcher(name).matches()) {
            return gitea(422, "[Name]: Name is invalid", null);
        }
        if (repo(owner.login, name).isPresent()) {
            return gitea(409, "The repository with the same name already exists.", null);
        }
        Repo repo = newRepo(owner, name, body.path("private").asBoolean(false), body.path("description").asText(""),
                body.path("default_branch").asText("main"));
        if (body.path("auto_init").asBoolean(false)) {
            repositories.commit(repo.fullName(), repo.defaultBranch, Map.of("README.md", "# " + name + "\n"), "Initial commit");
        }
        return Response.json(201, repoJson(repo));
    }

    private Response repository(Request request, Token token, String[] p) {
        Optional<Repo> found = repo(p[2], p[3]);
        if (found.isEmpty()) {
            return notFound();
        }
        Repo repo = found.get();
        String method = request.method();
        String scope = method.equals("GET") ? "read:repository" : "write:repository";
        Optional<Response> refused = scoped(token, scope);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (p.length == 4 && method.equals("GET")) {
            return Response.json(200, repoJson(repo));
        }
        if (p.length == 4 && method.equals("PATCH")) {
            JsonNode body = request.body();
            if (body.hasNonNull("private")) {
                repo.isPrivate = body.get("private").asBoolean();
            }
            if (body.hasNonNull("description")) {
                repo.description = body.get("description").asText();
            }
            // Gitea ignores a default branch that does not exist, unless the repository is empty.
            if (body.hasNonNull("default_branch") && (isEmpty(repo)
                    || repositories.tip(repo.fullName(), body.get("default_branch").asText()).isPresent())) {
                repo.defaultBranch = body.get("default_branch").asText();
            }
            return Response.json(200, repoJson(repo));
        }
        if (p.length == 5 && p[4].equals("teams") && method.equals("GET")) {
            if (!repo.owner.organization) {
                return gitea(404, "NotFound", null);
            }
            var teams = JSON.createArrayNode();
            teamsOf(repo).forEach(t -> teams.add(teamJson(repo.owner, t)));
            return Response.json(200, teams);
        }
        if (p.length == 5 && p[4].equals("keys") && method.equals("GET")) {
            return page(request, repo.keys.stream().map(k -> keyJson(repo, k)).toList(), "limit");
        }
        if (p.length == 5 && p[4].equals("keys") && method.equals("POST")) {
            return addKey(request, repo);
        }
        if (p.length == 6 && p[4].equals("keys")) {
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
        return notFound();
    }

    private Response addKey(Request request, Repo repo) {
        JsonNode body = request.body();
        String title = body.path("title").asText("");
        String[] parts = body.path("key").asText("").strip().split("\\s+");
        if (parts.length < 2 || !parts[0].matches("ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)")) {
            return gitea(422, "Invalid key content: no key found", null);
        }
        String material = parts[0] + " " + parts[1];
        if (repo.keys.stream().anyMatch(k -> k.title.equals(title))) {
            return gitea(422, "A key with the same name already exists", null);
        }
        if (repo.keys.stream().anyMatch(k -> k.key.equals(material))) {
            return gitea(422, "Key content has been used as non-deploy key", null);
        }
        Key key = new Key(ids.incrementAndGet(), title, material, body.path("read_only").asBoolean(false));
        repo.keys.add(key);
        sshKeys.grant(repo.id + "/" + key.id, material, key.readOnly);
        return Response.json(201, keyJson(repo, key));
    }

    private void removeKey(Repo repo, Key key) {
        repo.keys.remove(key);
        sshKeys.revoke(repo.id + "/" + key.id, key.key);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Repo newRepo(Account owner, String name, boolean isPrivate, String description, String defaultBranch) {
        Repo repo = new Repo(ids.incrementAndGet(), owner, name, isPrivate, description, defaultBranch);
        repos.put(key(repo.fullName()), repo);
        repositories.create(repo.fullName());
        return repo;
    }

    private boolean isEmpty(Repo repo) {
        try {
            return repositories.get(repo.fullName()).getRefDatabase().getRefsByPrefix("refs/heads/").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Team> teamsOf(Repo repo) {
        return repo.owner.teams.values().stream().filter(t -> t.repositories.contains(key(repo.fullName()))).toList();
    }

    private Optional<Repo> repo(String owner, String name) {
        return Optional.ofNullable(repos.get(key(owner + "/" + name)));
    }

    private Optional<Token> token(Request request) {
        return request.header("authorization").map(value -> {
            Matcher m = Pattern.compile("(?i)(?:token|bearer) (.+)").matcher(value.strip());
            return m.matches() ? tokens.get(m.group(1)) : null;
        });
    }

    /** Gitea 1.19+ scopes: {@code write:x} includes {@code read:x}, {@code all} includes everything. */
    private Optional<Response> scoped(Token token, String scope) {
        String category = scope.substring(scope.indexOf(':') + 1);
        if (token.scopes.contains("all") || token.scopes.contains(scope) || token.scopes.contains("write:" + category)) {
            return Optional.empty();
        }
        return Optional.of(gitea(403, "token does not have at least one of required scope(s), required=[" + scope
                + "], token scope=" + String.join(",", token.scopes), null));
    }

    private Response gitea(int status, String message, String error) {
        ObjectNode body = object().put("message", message).put("url", "https://127.0.0.1:" + port() + "/api/swagger");
        if (error != null) {
            body.set("errors", JSON.createArrayNode().add(error));
        }
        return Response.json(status, body);
    }

    private Response notFound() {
        ObjectNode body = object().putNull("errors").put("message", "The target couldn't be found.")
                .put("url", "https://127.0.0.1:" + port() + "/api/swagger");
        return Response.json(404, body);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private ObjectNode userJson(Account user) {
        return object().put("id", user.id).put("login", user.login).put("login_name", "").put("full_name", "")
                .put("email", user.login + "@example.com").put("avatar_url", "").put("is_admin", false)
                .put("active", true).put("visibility", "public").put("username", user.login);
    }

    private ObjectNode orgJson(Account org) {
        return object().put("id", org.id).put("name", org.login).put("username", org.login).put("full_name", "")
                .put("avatar_url", "").put("description", "").put("visibility", "public")
                .put("repo_admin_change_team_access", false);
    }

    private ObjectNode teamJson(Account org, Team team) {
        ObjectNode json = object().put("id", team.id).put("name", team.name).put("description", "")
                .put("includes_all_repositories", false).put("permission", team.permission).put("can_create_org_repo", false);
        json.set("organization", orgJson(org));
        json.set("units", JSON.createArrayNode().add("repo.code"));
        json.set("units_map", object().put("repo.code", team.permission));
        return json;
    }

    private ObjectNode repoJson(Repo repo) {
        String web = "https://127.0.0.1:" + port() + "/" + repo.fullName();
        ObjectNode json = object().put("id", repo.id).put("name", repo.name).put("full_name", repo.fullName())
                .put("description", repo.description).put("empty", isEmpty(repo)).put("private", repo.isPrivate)
                .put("fork", false).put("template", false).putNull("parent").put("mirror", false).put("size", 0)
                .put("html_url", web).put("url", "https://127.0.0.1:" + port() + "/api/v1/repos/" + repo.fullName())
                .put("ssh_url", "git@127.0.0.1:" + repo.fullName() + ".git").put("clone_url", web + ".git")
                .put("default_branch", repo.defaultBranch).put("archived", false).put("internal", false)
                .put("created_at", "2024-01-01T00:00:00Z").put("updated_at", "2024-01-01T00:00:00Z");
        json.set("owner", repo.owner.organization ? orgJson(repo.owner).put("login", repo.owner.login) : userJson(repo.owner));
        json.set("permissions", object().put("admin", true).put("push", true).put("pull", true));
        return json;
    }

    private ObjectNode keyJson(Repo repo, Key key) {
        return object().put("id", key.id).put("key_id", key.id).put("key", key.key)
                .put("url", "https://127.0.0.1:" + port() + "/api/v1/repos/" + repo.fullName() + "/keys/" + key.id)
                .put("title", key.title).put("fingerprint", "SHA256:fake" + key.id)
                .put("created_at", Instant.EPOCH.toString()).put("read_only", key.readOnly);
    }
}
