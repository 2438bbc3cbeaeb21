package dev.fluxboot.testing.forge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
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
 * A stateful GitLab (API v4) on 127.0.0.1 over HTTPS, following GitLab's documented endpoints,
 * status codes and JSON: users, groups and subgroups (by id or URL-encoded full path), projects
 * (create, get, edit, {@code shared_with_groups}), group shares, deploy keys and deploy tokens;
 * {@code PRIVATE-TOKEN} or bearer auth with token scopes ({@code api}, {@code read_api}); offset
 * pagination ({@code page}/{@code per_page}, {@code X-Next-Page}, {@code X-Total-Pages}, ...);
 * {@code RateLimit-*} headers and 429 with {@code Retry-After} when told to throttle.
 *
 * <p>Git over HTTPS is served at the project URLs ({@code https://<host>/<path>.git}) by relaying to
 * the {@link HttpGitServer} after checking the Basic credentials: a personal access token (any user
 * name, read-write with {@code api}/{@code write_repository}) or a project deploy token (read-only).
 * Deploy keys are handed to the {@link SshGitServer} ({@code can_push} false: fetch only).
 */
public final class FakeGitLabServer implements AutoCloseable {

    public static final int RATE_LIMIT = 2000;

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-gitlab");
        thread.setDaemon(true);
        return thread;
    });
    private final GitRepositories repositories;
    private final GitHttpRelay relay;
    private final SshKeyGrants keys;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(100);

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final Map<Long, Group> groups = new ConcurrentHashMap<>();
    private final Map<Long, Project> projects = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    private volatile int maxPerPage = 100;

    public record User(long id, String username) {
    }

    public record Group(long id, String fullPath) {
        String name() {
            return fullPath.substring(fullPath.lastIndexOf('/') + 1);
        }
    }

    private record Token(User user, Set<String> scopes) {
    }

    /** A deploy key as stored. */
    public record StoredKey(long id, String title, String key, boolean canPush) {
    }

    /** A deploy token as stored. */
    public record StoredToken(long id, String name, String username, String token, Set<String> scopes, boolean revoked) {
    }

    /** A project: its settings and what hangs off it. */
    public static final class Project {
        final long id;
        final String namespace;
        final String namespaceKind;
        final long namespaceId;
        final String name;
        final String path;
        volatile String visibility;
        volatile String description;
        volatile String defaultBranch;
        final Map<Long, Integer> shares = new ConcurrentHashMap<>();
        final List<StoredKey> deployKeys = Collections.synchronizedList(new ArrayList<>());
        final List<StoredToken> deployTokens = Collections.synchronizedList(new ArrayList<>());

        Project(long id, String namespace, String namespaceKind, long namespaceId, String name, String path,
                String visibility, String description) {
            this.id = id;
            this.namespace = namespace;
            this.namespaceKind = namespaceKind;
            this.namespaceId = namespaceId;
            this.name = name;
            this.path = path;
            this.visibility = visibility;
            this.description = description;
        }

        public String fullPath() {
            return namespace + "/" + path;
        }

        public String visibility() {
            return visibility;
        }

        public String description() {
            return description;
        }

        public List<StoredKey> deployKeys() {
            synchronized (deployKeys) {
                return List.copyOf(deployKeys);
            }
        }

        public List<StoredToken> deployTokens() {
            synchronized (deployTokens) {
                return List.copyOf(deployTokens);
            }
        }

        /** Group id to access level. */
        public Map<Long, Integer> shares() {
            return Map.copyOf(shares);
        }
    }

    private FakeGitLabServer(TestCertificates certificates, GitRepositories repositories, HttpGitServer git,
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
                    // the answer was already (half) sent
                }
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts the fake. Projects' repositories live in {@code repositories} (which both Git servers serve).
     */
    public static FakeGitLabServer start(TestCertificates certificates, GitRepositories repositories, HttpGitServer git,
                                         SshGitServer ssh) {
        try {
            return new FakeGitLabServer(certificates, repositories, git, ssh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}: the {@code --hostname} of tests. */
    public String hostname() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- test setup and inspection ----

    public User addUser(String username) {
        User user = new User(ids.incrementAndGet(), username);
        users.put(user.id(), user);
        return user;
    }

    /** A personal access token of the user with these scopes ({@code api}, {@code read_api}, {@code write_repository}, ...). */
    public String addToken(User user, String... scopes) {
        String token = "glpat-" + randomText(20);
        tokens.put(token, new Token(user, Set.of(scopes)));
        return token;
    }

    /** A group or subgroup by full path ({@code org} or {@code org/team}); parents must exist. */
    public Group addGroup(String fullPath) {
        Group group = new Group(ids.incrementAndGet(), fullPath);
        groups.put(group.id(), group);
        return group;
    }

    /** An existing project with one commit on {@code branch}. */
    public Project addProject(String namespace, String name, String visibility, String branch) {
        Project project = createProject(namespace, name, name, visibility, "");
        repositories.commit(project.fullPath(), branch, Map.of("README.md", "# " + name + "\n"), "Initial commit");
        project.defaultBranch = branch;
        return project;
    }

    public Optional<Project> project(String fullPath) {
        return projects.values().stream().filter(p -> p.fullPath().equalsIgnoreCase(fullPath)).findFirst();
    }

    /** The next {@code count} API requests are answered 429 with {@code Retry-After}. */
    public void throttle(int count, Duration retryAfter) {
        this.retryAfter = retryAfter;
        throttled.set(count);
    }

    /** Caps {@code per_page}, so that short lists span pages. */
    public void maxPerPage(int max) {
        this.maxPerPage = max;
    }

    /** Deletes a deploy key behind the tool's back (as a user on the web UI would). */
    public void deleteDeployKey(Project project, String title) {
        synchronized (project.deployKeys) {
            project.deployKeys.removeIf(key -> {
                if (key.title().equals(title)) {
                    keys.revoke(grantId(project, key), key.key());
                    return true;
                }
                return false;
            });
        }
    }

    /** {@code METHOD /path?query} of every API request, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests that change something (not GET). */
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
        if (raw.startsWith("/api/v4/")) {
            requests.add(exchange.method() + " " + raw + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery()));
            api(exchange);
        } else if (GitHttpRelay.isGitRequest(raw)) {
            git(exchange);
        } else {
            exchange.respondText(404, "Not Found");
        }
    }

    private void api(ForgeExchange exchange) throws IOException {
        long reset = Instant.now().plus(retryAfter).getEpochSecond();
        exchange.setHeader("RateLimit-Limit", Integer.toString(RATE_LIMIT));
        exchange.setHeader("RateLimit-Reset", Long.toString(reset));
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.setHeader("RateLimit-Remaining", "0");
            exchange.setHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
            exchange.respondText(429, "Retry later");
            return;
        }
        exchange.setHeader("RateLimit-Remaining", Integer.toString(RATE_LIMIT - 1));
        Token token = authenticate(exchange);
        if (token == null) {
            exchange.respondJson(401, message("401 Unauthorized"));
            return;
        }
        boolean read = exchange.method().equals("GET");
        if (!(token.scopes().contains("api") || (read && token.scopes().contains("read_api")))) {
            String scope = "api";
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"Protected by OAuth 2.0\", error=\"insufficient_scope\", "
                    + "error_description=\"The request requires higher privileges than provided by the access token.\", "
                    + "scope=\"" + scope + "\"");
            ObjectNode body = ForgeExchange.JSON.createObjectNode();
            body.put("error", "insufficient_scope");
            body.put("error_description", "The request requires higher privileges than provided by the access token.");
            body.put("scope", scope);
            exchange.respondJson(403, body);
            return;
        }
        List<String> s = exchange.segments().subList(2, exchange.segments().size());
        String method = exchange.method();
        if (s.size() == 1 && s.get(0).equals("user") && read) {
            exchange.respondJson(200, userJson(token.user()));
        } else if (s.size() == 2 && s.get(0).equals("groups") && read) {
            Optional<Group> group = group(s.get(1));
            if (group.isEmpty()) {
                exchange.respondJson(404, message("404 Group Not Found"));
            } else {
                exchange.respondJson(200, groupJson(group.get()));
            }
        } else if (s.size() == 1 && s.get(0).equals("projects") && method.equals("POST")) {
            createProject(exchange, token.user());
        } else if (s.size() >= 2 && s.get(0).equals("projects")) {
            Optional<Project> project = projectByIdOrPath(s.get(1));
            if (project.isEmpty()) {
                exchange.respondJson(404, message("404 Project Not Found"));
                return;
            }
            projectRoutes(exchange, project.get(), s.subList(2, s.size()));
        } else {
            exchange.respondJson(404, message("404 Not Found"));
        }
    }

    private void projectRoutes(ForgeExchange exchange, Project project, List<String> rest) throws IOException {
        String method = exchange.method();
        if (rest.isEmpty() && method.equals("GET")) {
            exchange.respondJson(200, projectJson(project));
        } else if (rest.isEmpty() && method.equals("PUT")) {
            editProject(exchange, project);
        } else if (rest.size() == 1 && rest.get(0).equals("share") && method.equals("POST")) {
            share(exchange, project);
        } else if (rest.size() == 2 && rest.get(0).equals("share") && method.equals("DELETE")) {
            Integer removed = project.shares.remove(Long.parseLong(rest.get(1)));
            if (removed == null) {
                exchange.respondJson(404, message("404 Group Link Not Found"));
            } else {
                exchange.respondEmpty(204);
            }
        } else if (rest.size() == 1 && rest.get(0).equals("deploy_keys") && method.equals("GET")) {
            List<Object> items = new ArrayList<>();
            project.deployKeys().forEach(key -> items.add(keyJson(key)));
            page(exchange, items);
        } else if (rest.size() == 1 && rest.get(0).equals("deploy_keys") && method.equals("POST")) {
            addDeployKey(exchange, project);
        } else if (rest.size() == 2 && rest.get(0).equals("deploy_keys") && method.equals("DELETE")) {
            long id = Long.parseLong(rest.get(1));
            Optional<StoredKey> key = project.deployKeys().stream().filter(k -> k.id() == id).findFirst();
            if (key.isEmpty()) {
                exchange.respondJson(404, message("404 Deploy Key Not Found"));
                return;
            }
            project.deployKeys.remove(key.get());
            keys.revoke(grantId(project, key.get()), key.get().key());
            exchange.respondEmpty(204);
        } else if (rest.size() == 1 && rest.get(0).equals("deploy_tokens") && method.equals("GET")) {
            boolean activeOnly = exchange.param("active").map(Boolean::parseBoolean).orElse(false);
            List<Object> items = new ArrayList<>();
            project.deployTokens().stream().filter(t -> !activeOnly || !t.revoked())
                    .forEach(t -> items.add(tokenJson(t, false)));
            page(exchange, items);
        } else if (rest.size() == 1 && rest.get(0).equals("deploy_tokens") && method.equals("POST")) {
            addDeployToken(exchange, project);
        } else if (rest.size() == 2 && rest.get(0).equals("deploy_tokens") && method.equals("DELETE")) {
            long id = Long.parseLong(rest.get(1));
            synchronized (project.deployTokens) {
                for (int i = 0; i < project.deployTokens.size(); i++) {
                    StoredToken t = project.deployTokens.get(i);
                    if (t.id() == id) {
                        project.deployTokens.set(i, new StoredToken(t.id(), t.name(), t.username(), t.token(), t.scopes(), true));
                        exchange.respondEmpty(204);
                        return;
                    }
                }
            }
            exchange.respondJson(404, message("404 Deploy Token Not Found"));
        } else {
            exchange.respondJson(404, message("404 Not Found"));
        }
    }

    // ---- projects ----

    private void createProject(ForgeExchange exchange, User user) throws IOException {
        Optional<String> name = exchange.param("name");
        String path = exchange.param("path").orElse(name.map(n -> n.toLowerCase(Locale.ROOT).replace(' ', '-')).orElse(""));
        if (path.isEmpty()) {
            exchange.respondJson(400, message("name is missing, path is missing"));
            return;
        }
        String namespace;
        Optional<String> namespaceId = exchange.param("namespace_id");
        if (namespaceId.isPresent()) {
            Optional<Group> group = Optional.ofNullable(groups.get(Long.parseLong(namespaceId.get())));
            if (group.isEmpty()) {
                exchange.respondJson(404, message("404 Namespace Not Found"));
                return;
            }
            namespace = group.get().fullPath();
        } else {
            namespace = user.username();
        }
        if (project(namespace + "/" + path).isPresent()) {
            ObjectNode taken = ForgeExchange.JSON.createObjectNode();
            ObjectNode fields = taken.putObject("message");
            fields.putArray("name").add("has already been taken");
            fields.putArray("path").add("has already been taken");
            exchange.respondJson(400, taken);
            return;
        }
        String visibility = exchange.param("visibility").orElse("private");
        Project project = createProject(namespace, name.orElse(path), path, visibility, exchange.param("description").orElse(""));
        if (exchange.param("initialize_with_readme").map(Boolean::parseBoolean).orElse(false)) {
            String branch = exchange.param("default_branch").orElse("main");
            repositories.commit(project.fullPath(), branch, Map.of("README.md", "# " + project.name + "\n"), "Initial commit");
            project.defaultBranch = branch;
        }
        exchange.respondJson(201, projectJson(project));
    }

    private Project createProject(String namespace, String name, String path, String visibility, String description) {
        Optional<Group> group = groups.values().stream().filter(g -> g.fullPath().equalsIgnoreCase(namespace)).findFirst();
        long namespaceId = group.map(Group::id)
                .orElseGet(() -> users.values().stream().filter(u -> u.username().equalsIgnoreCase(namespace))
                        .findFirst().map(User::id).orElseThrow(() -> new IllegalArgumentException("no namespace " + namespace)));
        Project project = new Project(ids.incrementAndGet(), group.map(Group::fullPath).orElse(namespace),
                group.isPresent() ? "group" : "user", namespaceId, name, path, visibility, description);
        projects.put(project.id, project);
        repositories.create(project.fullPath());
        return project;
    }

    private void editProject(ForgeExchange exchange, Project project) throws IOException {
        Optional<String> branch = exchange.param("default_branch");
        if (branch.isPresent() && !branchExists(project, branch.get())) {
            ObjectNode body = ForgeExchange.JSON.createObjectNode();
            body.putObject("message").putArray("base").add("Could not change HEAD: branch '" + branch.get() + "' does not exist");
            exchange.respondJson(400, body);
            return;
        }
        exchange.param("visibility").ifPresent(v -> project.visibility = v);
        exchange.param("description").ifPresent(d -> project.description = d);
        branch.ifPresent(b -> project.defaultBranch = b);
        exchange.respondJson(200, projectJson(project));
    }

    private void share(ForgeExchange exchange, Project project) throws IOException {
        Optional<String> groupId = exchange.param("group_id");
        Optional<String> access = exchange.param("group_access");
        if (groupId.isEmpty() || access.isEmpty()) {
            exchange.respondJson(400, message("group_id is missing, group_access is missing"));
            return;
        }
        Group group = groups.get(Long.parseLong(groupId.get()));
        if (group == null) {
            exchange.respondJson(404, message("404 Group Not Found"));
            return;
        }
        if (project.shares.containsKey(group.id())) {
            exchange.respondJson(409, message("The project is already shared with this group"));
            return;
        }
        project.shares.put(group.id(), Integer.parseInt(access.get()));
        ObjectNode link = ForgeExchange.JSON.createObjectNode();
        link.put("id", ids.incrementAndGet());
        link.put("project_id", project.id);
        link.put("group_id", group.id());
        link.put("group_access", Integer.parseInt(access.get()));
        link.putNull("expires_at");
        exchange.respondJson(201, link);
    }

    // ---- deploy keys and tokens ----

    private void addDeployKey(ForgeExchange exchange, Project project) throws IOException {
        String title = exchange.param("title").orElse("");
        String key = exchange.param("key").orElse("");
        boolean canPush = exchange.param("can_push").map(Boolean::parseBoolean).orElse(false);
        if (title.isBlank() || !(key.startsWith("ssh-") || key.startsWith("ecdsa-"))) {
            ObjectNode body = ForgeExchange.JSON.createObjectNode();
            ObjectNode fields = body.putObject("message");
            if (title.isBlank()) {
                fields.putArray("title").add("can't be blank");
            } else {
                fields.putArray("deploy_key.key").add("is invalid");
            }
            exchange.respondJson(400, body);
            return;
        }
        String material = SshKeyGrants.material(key);
        if (project.deployKeys().stream().anyMatch(k -> SshKeyGrants.material(k.key()).equals(material))) {
            ObjectNode body = ForgeExchange.JSON.createObjectNode();
            body.putObject("message").putArray("deploy_key.fingerprint_sha256").add("has already been taken");
            exchange.respondJson(400, body);
            return;
        }
        StoredKey stored = new StoredKey(ids.incrementAndGet(), title, material, canPush);
        project.deployKeys.add(stored);
        keys.grant(grantId(project, stored), material, !canPush);
        exchange.respondJson(201, keyJson(stored));
    }

    private void addDeployToken(ForgeExchange exchange, Project project) throws IOException {
        String name = exchange.param("name").orElse("");
        List<String> scopes = exchange.params("scopes");
        if (name.isBlank() || scopes.isEmpty()) {
            exchange.respondJson(400, message(name.isBlank() ? "name is missing" : "scopes is missing"));
            return;
        }
        long id = ids.incrementAndGet();
        String username = exchange.param("username").orElse("gitlab+deploy-token-" + id);
        StoredToken token = new StoredToken(id, name, username, "gldt-" + randomText(20), new LinkedHashSet<>(scopes), false);
        project.deployTokens.add(token);
        exchange.respondJson(201, tokenJson(token, true));
    }

    // ---- Git over HTTPS ----

    private void git(ForgeExchange exchange) throws IOException {
        String repository = GitHttpRelay.repositoryOf(exchange.rawPath());
        Optional<Project> project = project(repository);
        Optional<String[]> basic = basic(exchange.header("Authorization"));
        if (basic.isEmpty()) {
            GitHttpRelay.challenge(exchange, "GitLab");
            return;
        }
        String user = basic.get()[0];
        String password = basic.get()[1];
        Token token = tokens.get(password);
        boolean canWrite;
        if (token != null && (token.scopes().contains("api") || token.scopes().contains("write_repository")
                || token.scopes().contains("read_repository"))) {
            canWrite = token.scopes().contains("api") || token.scopes().contains("write_repository");
        } else if (project.isPresent() && project.get().deployTokens().stream().anyMatch(t -> !t.revoked()
                && t.token().equals(password) && t.username().equals(user) && t.scopes().contains("read_repository"))) {
            canWrite = false;
        } else {
            GitHttpRelay.challenge(exchange, "GitLab");
            return;
        }
        if (project.isEmpty()) {
            exchange.respondText(404, "The project you were looking for could not be found.");
            return;
        }
        relay.forward(exchange, project.get().fullPath(), canWrite);
    }

    // ---- helpers ----

    private Token authenticate(ForgeExchange exchange) {
        String token = exchange.header("PRIVATE-TOKEN");
        String authorization = exchange.header("Authorization");
        if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
            token = authorization.substring("Bearer ".length()).strip();
        }
        return token == null ? null : tokens.get(token);
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), java.nio.charset.StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    private Optional<Group> group(String idOrPath) {
        if (idOrPath.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(groups.get(Long.parseLong(idOrPath)));
        }
        return groups.values().stream().filter(g -> g.fullPath().equalsIgnoreCase(idOrPath)).findFirst();
    }

    private Optional<Project> projectByIdOrPath(String idOrPath) {
        if (idOrPath.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(projects.get(Long.parseLong(idOrPath)));
        }
        return project(idOrPath);
    }

    private boolean branchExists(Project project, String branch) {
        try {
            return repositories.get(project.fullPath()).exactRef(Constants.R_HEADS + branch) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitLab's default branch: the one set, else the first pushed (HEAD's when it exists); null while empty. */
    private String defaultBranch(Project project) {
        if (project.defaultBranch != null) {
            return project.defaultBranch;
        }
        try {
            Repository repository = repositories.get(project.fullPath());
            List<Ref> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
            if (branches.isEmpty()) {
                return null;
            }
            // The first branch pushed becomes the default: pin it once seen.
            Ref head = repository.exactRef(Constants.HEAD);
            if (head != null && head.isSymbolic() && head.getObjectId() != null) {
                project.defaultBranch = Repository.shortenRefName(head.getTarget().getName());
            } else {
                project.defaultBranch = Repository.shortenRefName(branches.get(0).getName());
            }
            return project.defaultBranch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(ForgeExchange exchange, List<Object> items) throws IOException {
        int perPage = Math.max(1, Math.min(maxPerPage, exchange.param("per_page").map(Integer::parseInt).orElse(20)));
        int page = Math.max(1, exchange.param("page").map(Integer::parseInt).orElse(1));
        int total = items.size();
        int totalPages = Math.max(1, (total + perPage - 1) / perPage);
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        exchange.setHeader("X-Page", Integer.toString(page));
        exchange.setHeader("X-Per-Page", Integer.toString(perPage));
        exchange.setHeader("X-Total", Integer.toString(total));
        exchange.setHeader("X-Total-Pages", Integer.toString(totalPages));
        exchange.setHeader("X-Next-Page", page < totalPages ? Integer.toString(page + 1) : "");
        exchange.setHeader("X-Prev-Page", page > 1 ? Integer.toString(page - 1) : "");
        ArrayNode body = ForgeExchange.JSON.createArrayNode();
        items.subList(from, to).forEach(item -> body.add(ForgeExchange.JSON.valueToTree(item)));
        exchange.respondJson(200, body);
    }

    private ObjectNode projectJson(Project project) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("id", project.id);
        json.put("name", project.name);
        json.put("path", project.path);
        json.put("path_with_namespace", project.fullPath());
        json.put("name_with_namespace", project.namespace.replace("/", " / ") + " / " + project.name);
        json.put("description", project.description);
        json.put("visibility", project.visibility);
        String branch = defaultBranch(project);
        if (branch == null) {
            json.putNull("default_branch");
        } else {
            json.put("default_branch", branch);
        }
        json.put("empty_repo", branch == null);
        json.put("web_url", "https://" + hostname() + "/" + project.fullPath());
        json.put("http_url_to_repo", "https://" + hostname() + "/" + project.fullPath() + ".git");
        json.put("ssh_url_to_repo", "git@127.0.0.1:" + project.fullPath() + ".git");
        json.put("created_at", "2024-01-01T00:00:00.000Z");
        ObjectNode namespace = json.putObject("namespace");
        namespace.put("id", project.namespaceId);
        namespace.put("path", project.namespace.substring(project.namespace.lastIndexOf('/') + 1));
        namespace.put("full_path", project.namespace);
        namespace.put("kind", project.namespaceKind);
        ArrayNode shared = json.putArray("shared_with_groups");
        project.shares.forEach((groupId, level) -> {
            Group group = groups.get(groupId);
            ObjectNode link = shared.addObject();
            link.put("group_id", groupId);
            link.put("group_name", group.name());
            link.put("group_full_path", group.fullPath());
            link.put("group_access_level", level);
            link.putNull("expires_at");
        });
        return json;
    }

    private ObjectNode groupJson(Group group) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("id", group.id());
        json.put("name", group.name());
        json.put("path", group.name());
        json.put("full_name", group.fullPath().replace("/", " / "));
        json.put("full_path", group.fullPath());
        json.put("visibility", "private");
        json.put("web_url", "https://" + hostname() + "/groups/" + group.fullPath());
        return json;
    }

    private static ObjectNode userJson(User user) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("id", user.id());
        json.put("username", user.username());
        json.put("name", user.username());
        json.put("state", "active");
        return json;
    }

    private static ObjectNode keyJson(StoredKey key) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("id", key.id());
        json.put("title", key.title());
        json.put("key", key.key());
        json.put("can_push", key.canPush());
        json.put("created_at", "2024-01-01T00:00:00.000Z");
        return json;
    }

    private static ObjectNode tokenJson(StoredToken token, boolean withSecret) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("id", token.id());
        json.put("name", token.name());
        json.put("username", token.username());
        json.putNull("expires_at");
        json.put("revoked", token.revoked());
        json.put("expired", false);
        ArrayNode scopes = json.putArray("scopes");
        token.scopes().forEach(scopes::add);
        if (withSecret) {
            json.put("token", token.token());
        }
        return json;
    }

    private static ObjectNode message(String text) {
        ObjectNode json = ForgeExchange.JSON.createObjectNode();
        json.put("message", text);
        return json;
    }

    private static String grantId(Project project, StoredKey key) {
        return "gitlab:" + project.id + ":" + key.id();
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
