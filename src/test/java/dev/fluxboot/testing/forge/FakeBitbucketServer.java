package dev.fluxboot.testing.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful Bitbucket Server (Data Center) on 127.0.0.1 over HTTPS, following its REST API 1.0:
 * projects (by key, or listed with {@code ?name=}), personal projects {@code ~user}, repositories
 * (create, get, update, default branch), repository and project group permissions, and SSH access
 * keys under {@code /rest/keys/1.0}; bearer tokens with a permission level; paged lists
 * ({@code start}/{@code limit}, {@code isLastPage}/{@code nextPageStart}); 429 with {@code Retry-After}
 * when told to throttle; errors as {@code {"errors":[{"context","message","exceptionName"}]}}.
 *
 * <p>Git over HTTPS is served at {@code https://<host>/scm/<KEY>/<slug>.git} by relaying to the
 * {@link HttpGitServer} (Basic auth, any user name, the token as password); access keys are handed to
 * the {@link SshGitServer}, which serves the repositories as {@code ssh://git@<host>/<KEY>/<slug>}.
 */
public final class FakeBitbucketServer implements AutoCloseable {

    /** Token permission levels, lowest first. */
    public static final List<String> LEVELS = List.of("REPO_READ", "REPO_WRITE", "REPO_ADMIN", "PROJECT_ADMIN");

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-bitbucket");
        thread.setDaemon(true);
        return thread;
    });
    private final GitRepositories repositories;
    private final GitHttpRelay relay;
    private final SshKeyGrants keys;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(10);

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Project> projects = new ConcurrentHashMap<>();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    private volatile int maxLimit = 1000;
    private volatile String systemDefaultBranch = "master";

    private record Token(String user, String level) {
    }

    /** A project (or a user's personal space, key {@code ~user}). */
    public static final class Project {
        final long id;
        final String key;
        final String name;
        final Map<String, Repo> repos = new ConcurrentHashMap<>();
        final Map<String, String> groupPermissions = new ConcurrentHashMap<>();

        Project(long id, String key, String name) {
            this.id = id;
            this.key = key;
            this.name = name;
        }

        public String key() {
            return key;
        }

        public Optional<Repo> repo(String slug) {
            return Optional.ofNullable(repos.get(slug));
        }

        /** Project-level group permissions ({@code PROJECT_READ}, ...). */
        public void grantGroup(String group, String permission) {
            groupPermissions.put(group, permission);
        }
    }

    /** A repository: its settings, access keys and group permissions. */
    public static final class Repo {
        final long id;
        final Project project;
        final String slug;
        final String name;
        volatile String description;
        volatile boolean isPublic;
        volatile String defaultBranch;
        final List<AccessKey> accessKeys = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> groupPermissions = new ConcurrentHashMap<>();

        Repo(long id, Project project, String slug, String name, String description, boolean isPublic, String defaultBranch) {
            this.id = id;
            this.project = project;
            this.slug = slug;
            this.name = name;
            this.description = description;
            this.isPublic = isPublic;
            this.defaultBranch = defaultBranch;
        }

        public String gitName() {
            return project.key + "/" + slug;
        }

        public boolean isPublic() {
            return isPublic;
        }

        public String description() {
            return description;
        }

        public String defaultBranch() {
            return defaultBranch;
        }

        public List<AccessKey> accessKeys() {
            synchronized (accessKeys) {
                return List.copyOf(accessKeys);
            }
        }

        public Map<String, String> groupPermissions() {
            return Map.copyOf(groupPermissions);
        }
    }

    /** An access key as stored: {@code text} as sent (with the label as comment), {@code REPO_READ} or {@code REPO_WRITE}. */
    public record AccessKey(long id, String label, String text, String permission) {
    }

    private FakeBitbucketServer(TestCertificates certificates, GitRepositories repositories, HttpGitServer git,
                                SshGitServer ssh) throws IOException {
        this.repositories = repositories;
        this.relay = new GitHttpRelay(git, certificates);
        this.keys = new SshKeyGrants(ssh);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        server.createContext("/", exchange -> {
            try {
                handle(new ForgeExchange(exchange));
            } catch (Exception e) {
                try {
                    exchange.sendResponseHeaders(500, -1);
                } catch (IOException ignored) {
                    // already answered
                }
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public static FakeBitbucketServer start(TestCertificates certificates, GitRepositories repositories, HttpGitServer git,
                                            SshGitServer ssh) {
        try {
            return new FakeBitbucketServer(certificates, repositories, git, ssh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}: the {@code --hostname} of tests. */
    public String hostname() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- setup and inspection ----

    /** A user (with a personal project {@code ~user}) and an HTTP access token at {@code level} (see {@link #LEVELS}). */
    public String addUserWithToken(String user, String level) {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException(level);
        }
        String personal = "~" + user.toLowerCase(Locale.ROOT);
        projects.computeIfAbsent(personal.toUpperCase(Locale.ROOT), k -> new Project(ids.incrementAndGet(), personal, user));
        String token = "BBDC-" + randomText(24);
        tokens.put(token, new Token(user, level));
        return token;
    }

    public Project addProject(String key, String name) {
        Project project = new Project(ids.incrementAndGet(), key, name);
        projects.put(key.toUpperCase(Locale.ROOT), project);
        return project;
    }

    public void addGroup(String name) {
        groups.add(name);
    }

    /** An existing repository with one commit on {@code branch}, which is its default branch. */
    public Repo addRepo(Project project, String name, boolean isPublic, String branch) {
        Repo repo = createRepo(project, name, "", isPublic);
        repo.defaultBranch = branch;
        repositories.commit(repo.gitName(), branch, Map.of("README.md", "# " + name + "\n"), "Initial commit");
        return repo;
    }

    public Optional<Project> project(String key) {
        return Optional.ofNullable(projects.get(key.toUpperCase(Locale.ROOT)));
    }

    /** The default branch new repositories get (Bitbucket's system setting). */
    public void systemDefaultBranch(String branch) {
        this.systemDefaultBranch = branch;
    }

    public void throttle(int count, Duration retryAfter) {
        this.retryAfter = retryAfter;
        throttled.set(count);
    }

    /** Caps {@code limit}, so short lists span pages. */
    public void maxLimit(int max) {
        this.maxLimit = max;
    }

    /** Deletes an access key behind the tool's back. */
    public void deleteAccessKey(Repo repo, String label) {
        synchronized (repo.accessKeys) {
            repo.accessKeys.removeIf(key -> {
                if (key.label().equals(label)) {
                    keys.revoke(grantId(repo, key), key.text());
                    return true;
                }
                return false;
            });
        }
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<String> writes() {
        return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- dispatch ----

    private void handle(ForgeExchange exchange) throws IOException {
        String raw = exchange.rawPath();
        if (raw.startsWith("/rest/")) {
            requests.add(exchange.method() + " " + raw + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery()));
            rest(exchange);
        } else if (raw.startsWith("/scm/") && GitHttpRelay.isGitRequest(raw)) {
            git(exchange);
        } else {
            exchange.respondText(404, "Not Found");
        }
    }

    private void rest(ForgeExchange exchange) throws IOException {
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.setHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
            exchange.setHeader("X-RateLimit-Limit", "60");
            exchange.setHeader("X-RateLimit-Interval-Seconds", "1");
            exchange.setHeader("X-RateLimit-FillRate", "5");
            errors(exchange, 429, null, "You have been rate limited. Try again later.",
                    "com.atlassian.bitbucket.throttle.ThrottledException");
            return;
        }
        Token token = authenticate(exchange);
        if (token == null) {
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"Bitbucket\"");
            errors(exchange, 401, null, "Authentication failed. Please check your credentials and try again.",
                    "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException");
            return;
        }
        List<String> s = exchange.segments();
        String method = exchange.method();
        boolean keysApi = s.size() >= 3 && s.get(1).equals("keys");
        List<String> rest = s.subList(Math.min(3, s.size()), s.size());
        if (!(s.size() >= 3 && (s.get(1).equals("api") || keysApi) && s.get(2).equals("1.0"))) {
            errors(exchange, 404, null, "Not found", null);
            return;
        }
        if (rest.size() == 1 && rest.get(0).equals("projects") && method.equals("GET")) {
            String name = exchange.param("name").orElse("").toLowerCase(Locale.ROOT);
            List<Object> values = new ArrayList<>();
            projects.values().stream().filter(p -> !p.key.startsWith("~"))
                    .filter(p -> p.name.toLowerCase(Locale.ROOT).contains(name))
                    .sorted((a, b) -> a.key.compareTo(b.key))
                    .forEach(p -> values.add(projectJson(p)));
            page(exchange, values);
            return;
        }
        if (rest.size() < 2 || !rest.get(0).equals("projects")) {
            errors(exchange, 404, null, "Not found", null);
            return;
        }
        Project project = projects.get(rest.get(1).toUpperCase(Locale.ROOT));
        if (project == null) {
            errors(exchange, 404, null, "Project " + rest.get(1) + " does not exist.", "com.atlassian.bitbucket.project.NoSuchProjectException");
            return;
        }
        List<String> r = rest.subList(2, rest.size());
        if (r.isEmpty() && method.equals("GET") && !keysApi) {
            exchange.respondJson(200, projectJson(project));
        } else if (r.size() == 2 && r.get(0).equals("permissions") && r.get(1).equals("groups") && method.equals("GET") && !keysApi) {
            page(exchange, groupPermissionValues(project.groupPermissions, exchange.param("filter").orElse("")));
        } else if (r.size() == 1 && r.get(0).equals("repos") && method.equals("POST") && !keysApi) {
            if (!allowed(exchange, token, "PROJECT_ADMIN", project)) {
                return;
            }
            createRepo(exchange, project);
        } else if (r.size() >= 2 && r.get(0).equals("repos")) {
            Optional<Repo> repo = project.repo(r.get(1));
            if (repo.isEmpty()) {
                errors(exchange, 404, null, "Repository " + project.key + "/" + r.get(1) + " does not exist.",
                        "com.atlassian.bitbucket.repository.NoSuchRepositoryException");
                return;
            }
            List<String> tail = r.subList(2, r.size());
            if (keysApi) {
                accessKeys(exchange, token, repo.get(), tail);
            } else {
                repoRoutes(exchange, token, repo.get(), tail);
            }
        } else {
            errors(exchange, 404, null, "Not found", null);
        }
    }

    private void repoRoutes(ForgeExchange exchange, Token token, Repo repo, List<String> tail) throws IOException {
        String method = exchange.method();
        if (tail.isEmpty() && method.equals("GET")) {
            exchange.respondJson(200, repoJson(repo));
        } else if (tail.isEmpty() && method.equals("PUT")) {
            if (!allowed(exchange, token, "REPO_ADMIN", repo.project)) {
                return;
            }
            JsonNode body = exchange.json();
            if (body != null && body.has("description")) {
                repo.description = body.path("description").asText();
            }
            if (body != null && body.has("public")) {
                repo.isPublic = body.path("public").asBoolean();
            }
            exchange.respondJson(200, repoJson(repo));
        } else if (tail.equals(List.of("branches", "default")) && method.equals("GET")) {
            if (repo.defaultBranch == null) {
                errors(exchange, 404, null, "Repository " + repo.gitName() + " does not have a default branch",
                        "com.atlassian.bitbucket.repository.NoDefaultBranchException");
                return;
            }
            ObjectNode branch = ForgeExchange.JSON.createObjectNode();
            branch.put("id", "refs/heads/" + repo.defaultBranch);
            branch.put("displayId", repo.defaultBranch);
            branch.put("type", "BRANCH");
            branch.put("isDefault", true);
            exchange.respondJson(200, branch);
        } else if (tail.equals(List.of("branches", "default")) && method.equals("PUT")) {
            if (!allowed(exchange, token, "REPO_ADMIN", repo.project)) {
                return;
            }
            String id = exchange.json() == null ? "" : exchange.json().path("id").asText();
            repo.defaultBranch = id.startsWith("refs/heads/") ? id.substring("refs/heads/".length()) : id;
            exchange.respondEmpty(204);
        } else if (tail.equals(List.of("permissions", "groups")) && method.equals("GET")) {
            if (!allowed(exchange, token, "REPO_ADMIN", repo.project)) {
                return;
            }
            page(exchange, groupPermissionValues(repo.groupPermissions, exchange.param("filter").orElse("")));
        } else if (tail.equals(List.of("permissions", "groups")) && method.equals("PUT")) {
            if (!allowed(exchange, token, "REPO_ADMIN", repo.project)) {
                return;
            }
            String name = exchange.param("name").orElse("");
            String permission = exchange.param("permission").orElse("");
            if (!groups.contains(name)) {
                errors(exchange, 404, null, "No group exists with the name " + name + ".", "com.atlassian.bitbucket.user.NoSuchGroupException");
                return;
            }
            if (!Set.of("REPO_READ", "REPO_WRITE", "REPO_ADMIN").contains(permission)) {
                errors(exchange, 400, "permission", "The permission " + permission + " is not a repository permission.", null);
                return;
            }
            repo.groupPermissions.put(name, permission);
            exchange.respondEmpty(204);
        } else {
            errors(exchange, 404, null, "Not found", null);
        }
    }

    private void createRepo(ForgeExchange exchange, Project project) throws IOException {
        JsonNode body = exchange.json();
        String name = body == null ? "" : body.path("name").asText("");
        if (name.isBlank() || !name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]*")) {
            errors(exchange, 400, "name", "Repository names must start with a letter or number and may contain only letters, "
                    + "numbers, spaces, underscores, dashes and periods.", null);
            return;
        }
        if (project.repo(slug(name)).isPresent()) {
            errors(exchange, 409, "name", "This repository name is already taken.", "com.atlassian.bitbucket.repository.DuplicateRepositoryNameException");
            return;
        }
        Repo repo = createRepo(project, name, body.path("description").asText(""), body.path("public").asBoolean(false));
        exchange.respondJson(201, repoJson(repo));
    }

    private Repo createRepo(Project project, String name, String description, boolean isPublic) {
        Repo repo = new Repo(ids.incrementAndGet(), project, slug(name), name, description, isPublic, systemDefaultBranch);
        project.repos.put(repo.slug, repo);
        repositories.create(repo.gitName());
        return repo;
    }

    // ---- access keys ----

    private void accessKeys(ForgeExchange exchange, Token token, Repo repo, List<String> tail) throws IOException {
        if (!allowed(exchange, token, "REPO_ADMIN", repo.project)) {
            return;
        }
        String method = exchange.method();
        if (tail.equals(List.of("ssh")) && method.equals("GET")) {
            List<Object> values = new ArrayList<>();
            repo.accessKeys().forEach(key -> values.add(accessKeyJson(repo, key)));
            page(exchange, values);
        } else if (tail.equals(List.of("ssh")) && method.equals("POST")) {
            JsonNode body = exchange.json();
            String text = body == null ? "" : body.path("key").path("text").asText("");
            String permission = body == null ? "" : body.path("permission").asText("");
            String[] fields = text.strip().split("\\s+");
            if (fields.length < 2 || !(fields[0].startsWith("ssh-") || fields[0].startsWith("ecdsa-"))) {
                errors(exchange, 400, "text", "The public key is not valid.", null);
                return;
            }
            if (!Set.of("REPO_READ", "REPO_WRITE").contains(permission)) {
                errors(exchange, 400, "permission", "Permission must be REPO_READ or REPO_WRITE.", null);
                return;
            }
            String material = SshKeyGrants.material(text);
            if (repo.accessKeys().stream().anyMatch(k -> SshKeyGrants.material(k.text()).equals(material))) {
                errors(exchange, 409, null, "This key already has access to the repository.", "com.atlassian.bitbucket.ssh.DuplicateAccessKeyException");
                return;
            }
            String label = body.path("key").path("label").asText(fields.length > 2 ? fields[2] : "");
            AccessKey key = new AccessKey(ids.incrementAndGet(), label, text.strip(), permission);
            repo.accessKeys.add(key);
            keys.grant(grantId(repo, key), material, permission.equals("REPO_READ"));
            exchange.respondJson(201, accessKeyJson(repo, key));
        } else if (tail.size() == 2 && tail.get(0).equals("ssh") && method.equals("DELETE")) {
            long id = Long.parseLong(tail.get(1));
            Optional<AccessKey> key = repo.accessKeys().stream().filter(k -> k.id() == id).findFirst();
            if (key.isEmpty()) {
                errors(exchange, 404, null, "No access key with ID " + id + " on " + repo.gitName(), null);
                return;
            }
            repo.accessKeys.remove(key.get());
            keys.revoke(grantId(repo, key.get()), key.get().text());
            exchange.respondEmpty(204);
        } else {
            errors(exchange, 404, null, "Not found", null);
        }
    }

    // ---- Git over HTTPS ----

    private void git(ForgeExchange exchange) throws IOException {
        String repository = GitHttpRelay.repositoryOf(exchange.rawPath().substring("/scm".length()));
        String[] parts = repository.split("/", 2);
        Optional<Repo> repo = parts.length < 2 ? Optional.empty()
                : project(parts[0]).flatMap(p -> p.repo(parts[1]));
        String authorization = exchange.header("Authorization");
        Token token = null;
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            token = tokens.get(decoded.substring(decoded.indexOf(':') + 1));
        }
        if (token == null) {
            GitHttpRelay.challenge(exchange, "Atlassian Bitbucket");
            return;
        }
        if (repo.isEmpty()) {
            exchange.respondText(404, "Repository not found");
            return;
        }
        relay.forward(exchange, repo.get().gitName(), LEVELS.indexOf(token.level()) >= LEVELS.indexOf("REPO_WRITE"));
    }

    // ---- helpers ----

    private Token authenticate(ForgeExchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        return tokens.get(authorization.substring("Bearer ".length()).strip());
    }

    /** Personal projects belong to their user; elsewhere the token's level decides. */
    private boolean allowed(ForgeExchange exchange, Token token, String needed, Project project) throws IOException {
        boolean own = project.key.equalsIgnoreCase("~" + token.user());
        if (project.key.startsWith("~") && !own) {
            errors(exchange, 403, null, "You are not permitted to access this resource", "com.atlassian.bitbucket.AuthorisationException");
            return false;
        }
        if (!own && LEVELS.indexOf(token.level()) < LEVELS.indexOf(needed)) {
            errors(exchange, 403, null, "You are not permitted to access this resource", "com.atlassian.bitbucket.AuthorisationException");
            return false;
        }
        return true;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    private List<Object> groupPermissionValues(Map<String, String> permissions, String filter) {
        List<Object> values = new ArrayList<>();
        permissions.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    ObjectNode value = ForgeExchange.JSON.createObjectNode();
                    value.putObject("group").put("name", e.getKey());
                    value.put("permission", e.getValue());
                    values.add(value);
                });
        return values;
    }

    private void page(ForgeExchange exchange, List<Object> values) throws IOException {
        int start = Math.max(0, exchange.param("start").map(Integer::parseInt).orElse(0));
        int limit = Math.max(1, Math.min(maxLimit, exchange.param("limit").map(Integer::parseInt).orElse(25)));
        int end = Math.min(values.size(), start + limit);
        ObjectNode page = ForgeExchange.JSON.createObjectNode();
        page.put("size", Math.max(0, end - start));
        page.put("limit", limit);
        page.put("start", start);
        page.put("isLastPage", end >= values.size());
        if (end < values.size()) {
            page.put("nextPageStart", end);
        }
        ArrayNode array = page.putArray("values");
        if (start < values.size()) {
            values.subList(start, end).forEach(v -> array.add(ForgeExchange.JSON.valueToTree(v)));
        }
        exchange.respondJson(200, page);
    }

    private ObjectNode projectJson(Project project) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("key", project.key);
        json.put("id", project.id);
        json.put("name", project.name);
        json.put("public", false);
        json.put("type", project.key.startsWith("~") ? "PERSONAL" : "NORMAL");
        json.putObject("links").putArray("self").addObject().put("href", "https://" + hostname() + "/projects/" + project.key);
        return json;
    }

    private ObjectNode repoJson(Repo repo) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("slug", repo.slug);
        json.put("id", repo.id);
        json.put("name", repo.name);
        json.put("description", repo.description);
        json.put("hierarchyId", Long.toHexString(repo.id));
        json.put("scmId", "git");
        json.put("state", "AVAILABLE");
        json.put("statusMessage", "Available");
        json.put("forkable", true);
        json.put("public", repo.isPublic);
        json.set("project", projectJson(repo.project));
        ObjectNode links = json.putObject("links");
        ArrayNode clone = links.putArray("clone");
        clone.addObject().put("href", "ssh://git@127.0.0.1:7999/" + repo.gitName().toLowerCase(Locale.ROOT) + ".git").put("name", "ssh");
        clone.addObject().put("href", "https://" + hostname() + "/scm/" + repo.gitName().toLowerCase(Locale.ROOT) + ".git").put("name", "http");
        links.putArray("self").addObject().put("href", "https://" + hostname() + "/projects/" + repo.project.key + "/repos/" + repo.slug + "/browse");
        return json;
    }

    private ObjectNode accessKeyJson(Repo repo, AccessKey key) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        ObjectNode k = json.putObject("key");
        k.put("id", key.id());
        k.put("text", key.text());
        k.put("label", key.label());
        json.set("repository", repoJson(repo));
        json.put("permission", key.permission());
        return json;
    }

    private static void errors(ForgeExchange exchange, int status, String context, String message, String exceptionName)
            throws IOException {
        ObjectNode body = ForgeExchange.JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        if (context == null) {
            error.putNull("context");
        } else {
            error.put("context", context);
        }
        error.put("message", message);
        if (exceptionName == null) {
            error.putNull("exceptionName");
        } else {
            error.put("exceptionName", exceptionName);
        }
        exchange.respondJson(status, body);
    }

    private static String grantId(Repo repo, AccessKey key) {
        return "bitbucket:" + repo.id + ":" + key.id();
    }

    private String randomText(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
