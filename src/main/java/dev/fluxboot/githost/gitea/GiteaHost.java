package dev.fluxboot.githost.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.ForgeHttp;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.fluxboot.githost.ForgeHttp.encode;

/**
 * Gitea through its REST API ({@code /api/v1}) on the JDK HTTP client, doing what
 * {@code flux bootstrap gitea} does: get the repository or create it (empty, its default branch
 * set to the bootstrap branch: Gitea needs no initial commit), with {@code --reconcile} bring
 * visibility, description and default branch to the spec, add teams to the repository
 * (failures are warnings), and keep the cluster's deploy key registered under Flux's title.
 *
 * <p>Gitea sets permissions per team, not per repository: {@code --team name:permission} adds
 * the team to the repository; with {@code --reconcile}, a team whose own access mode (read:
 * pull/triage, write: push/maintain, admin) differs is reported as a warning, not changed.
 */
public final class GiteaHost implements GitHost {

    /** Flux's default team permission for Gitea. */
    public static final String DEFAULT_TEAM_PERMISSION = "maintain";
    /** What Flux accepts after {@code --team name:}. */
    public static final Set<String> TEAM_PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");

    private static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> RESERVED_NAMES = Set.of(".", "..", "-", "assets", "api", "avatars", "user", "org",
            "explore", "repo", "admin", "new", "issues", "pulls", "commits", "releases", "wiki", "stars", "forks", "tags");

    private final ForgeConnection connection;
    private final GiteaApi api;

    /** A host with the real clock: rate-limit waits sleep. */
    public static GiteaHost connect(ForgeConnection connection) {
        return new GiteaHost(connection, RateLimitWaiter.of(GiteaApi.FORGE, connection));
    }

    /** Makes no request yet. */
    public GiteaHost(ForgeConnection connection, RateLimitWaiter rateLimits) {
        this.connection = connection;
        // No automatic redirects: the token header must not follow a redirect to another host.
        HttpClient client = connection.httpClients().newClient(HttpClient.Redirect.NEVER);
        ForgeHttp http = new ForgeHttp(GiteaApi.FORGE, apiUrl(connection), client,
                Map.of("Authorization", "token " + connection.token()), connection.timeout(), rateLimits);
        this.api = new GiteaApi(http, connection.token());
    }

    /** {@code --api-url} when given, else {@code https://<hostname>/api/v1}. */
    public static URI apiUrl(ForgeConnection connection) {
        return connection.apiBase("/api/v1");
    }

    @Override
    public String name() {
        return "gitea";
    }

    @Override
    public RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun) {
        checkSpec(spec);
        String fullName = spec.owner() + "/" + spec.name();
        String url = webUrl(spec.owner(), spec.name());
        List<HostChange> changes = new ArrayList<>();
        Optional<JsonNode> existing = api.find("get repository " + fullName, repoPath(spec.owner(), spec.name()));
        JsonNode repository = existing.orElse(null);
        if (existing.isEmpty()) {
            String createPath = spec.personal() ? checkTokenUser(spec.owner()) : checkOrganization(spec.owner());
            if (dryRun) {
                changes.add(HostChange.done("repository \"" + url + "\" would be created"));
            } else {
                ObjectNode body = ForgeHttp.json().createObjectNode()
                        .put("name", spec.name())
                        .put("private", !spec.visibility().equals("public"))
                        .put("auto_init", false);
                if (spec.description() != null && !spec.description().isEmpty()) {
                    body.put("description", spec.description());
                }
                if (spec.defaultBranch() != null && !spec.defaultBranch().isEmpty()) {
                    body.put("default_branch", spec.defaultBranch());
                }
                repository = api.post("create repository " + fullName, createPath, body);
                changes.add(HostChange.done("repository \"" + url + "\" created"));
            }
        } else if (spec.reconcile()) {
            reconcileSettings(repository, spec, url, dryRun).ifPresent(changes::add);
        }
        if (!spec.personal() && !spec.teams().isEmpty()) {
            changes.addAll(addTeams(spec, repository != null, dryRun));
        }
        String owner = repository != null ? login(repository.path("owner")) : spec.owner();
        String name = repository != null ? repository.path("name").asText(spec.name()) : spec.name();
        String defaultBranch = repository != null ? repository.path("default_branch").asText(spec.defaultBranch())
                : spec.defaultBranch();
        return new RepositoryResult(new RemoteRepository(owner, name, webUrl(spec.owner(), spec.name()) + ".git",
                "ssh://git@" + connection.sshHost() + "/" + spec.owner() + "/" + spec.name(), defaultBranch), changes);
    }

    @Override
    public List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun) {
        String fullName = repository.owner() + "/" + repository.name();
        String url = webUrl(repository.owner(), repository.name());
        String keysPath = repoPath(repository.owner(), repository.name()) + "/keys";
        List<JsonNode> titled = api.list("list the deploy keys of " + fullName, keysPath).stream()
                .filter(k -> key.title().equals(k.path("title").asText())).toList();
        Optional<JsonNode> kept = titled.stream()
                .filter(k -> PublicKeys.sameKey(k.path("key").asText(), key.publicKey())
                        && k.path("read_only").asBoolean(false) == key.readOnly())
                .findFirst();
        if (kept.isPresent() && titled.size() == 1) {
            return List.of();
        }
        List<HostChange> changes = new ArrayList<>();
        for (JsonNode stale : titled) {
            if (kept.isPresent() && stale == kept.get()) {
                continue;
            }
            if (!dryRun) {
                api.delete("delete deploy key \"" + key.title() + "\" of " + fullName, keysPath + "/" + stale.path("id").asLong());
            }
            changes.add(HostChange.done("deploy key \"" + key.title() + "\" with another key "
                    + (dryRun ? "would be removed from" : "removed from") + " \"" + url + "\""));
        }
        if (kept.isEmpty()) {
            if (!dryRun) {
                ObjectNode body = ForgeHttp.json().createObjectNode()
                        .put("title", key.title())
                        .put("key", PublicKeys.material(key.publicKey()))
                        .put("read_only", key.readOnly());
                api.post("add deploy key \"" + key.title() + "\" to " + fullName, keysPath, body);
            }
            changes.add(HostChange.done((dryRun ? "deploy key \"" + key.title() + "\" would be configured for \""
                    : "configured deploy key \"" + key.title() + "\" for \"") + url + "\""));
        }
        return changes;
    }

    @Override
    public List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun) {
        String fullName = repository.owner() + "/" + repository.name();
        String keysPath = repoPath(repository.owner(), repository.name()) + "/keys";
        List<HostChange> changes = new ArrayList<>();
        for (JsonNode key : api.list("list the deploy keys of " + fullName, keysPath)) {
            if (!title.equals(key.path("title").asText())) {
                continue;
            }
            if (!dryRun) {
                api.delete("delete deploy key \"" + title + "\" of " + fullName, keysPath + "/" + key.path("id").asLong());
            }
            changes.add(HostChange.done("deploy key \"" + title + "\" " + (dryRun ? "would be deleted from" : "deleted from")
                    + " \"" + webUrl(repository.owner(), repository.name()) + "\""));
        }
        return changes;
    }

    // ---- repository --------------------------------------------------------------------------

    private void checkSpec(RepositorySpec spec) {
        if (spec.owner() == null || spec.owner().isBlank()) {
            throw new UsageException("no Gitea owner given: pass --owner (a user with --personal, or an organization)");
        }
        String name = spec.name() == null ? "" : spec.name();
        if (!REPOSITORY_NAME.matcher(name).matches() || RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))
                || name.endsWith(".git") || name.endsWith(".wiki")) {
            throw new UsageException("--repository '" + name + "' is not a valid Gitea repository name: use at most "
                    + "100 letters, digits, '-', '_' and '.', not a reserved name, not ending in .git or .wiki");
        }
        if (!spec.visibility().equals("private") && !spec.visibility().equals("public")) {
            throw new UsageException("Gitea has no repository visibility '" + spec.visibility() + "': use private or public");
        }
        for (TeamAccess team : spec.teams()) {
            String permission = permission(team);
            if (!TEAM_PERMISSIONS.contains(permission)) {
                throw new UsageException("invalid permission \"" + permission + "\" for team \"" + team.name()
                        + "\" in --team: use pull, triage, push, maintain or admin");
            }
        }
    }

    /** A personal repository is created for the token's user, so the owner must be that user. Returns the create path. */
    private String checkTokenUser(String owner) {
        String login = login(api.get("get the token's user", "/user"));
        if (!login.equalsIgnoreCase(owner)) {
            throw new FluxbootException("--owner " + owner + " is not the user the token in " + GiteaApi.TOKEN_VARIABLE
                    + " belongs to (" + login + "): pass --owner=" + login
                    + ", or leave out --personal for an organization's repository");
        }
        return "/user/repos";
    }

    /** Returns the create path of the organization's repositories. */
    private String checkOrganization(String owner) {
        api.find("get organization " + owner, "/orgs/" + encode(owner))
                .orElseThrow(() -> new FluxbootException("Gitea organization '" + owner + "' not found: check --owner, "
                        + "or pass --personal for a repository of the token's user"));
        return "/orgs/" + encode(owner) + "/repos";
    }

    /** {@code --reconcile}: visibility always, description and default branch when asked for. */
    private Optional<HostChange> reconcileSettings(JsonNode repository, RepositorySpec spec, String url, boolean dryRun) {
        ObjectNode edit = ForgeHttp.json().createObjectNode();
        List<String> what = new ArrayList<>();
        boolean wantPrivate = !spec.visibility().equals("public");
        if (repository.path("private").asBoolean(false) != wantPrivate) {
            edit.put("private", wantPrivate);
            what.add("visibility " + spec.visibility());
        }
        if (spec.description() != null && !spec.description().isEmpty()
                && !spec.description().equals(repository.path("description").asText(""))) {
            edit.put("description", spec.description());
            what.add("description " + spec.description());
        }
        if (spec.defaultBranch() != null && !spec.defaultBranch().isEmpty()
                && !spec.defaultBranch().equals(repository.path("default_branch").asText(""))) {
            edit.put("default_branch", spec.defaultBranch());
            what.add("default branch " + spec.defaultBranch());
        }
        if (what.isEmpty()) {
            return Optional.empty();
        }
        if (!dryRun) {
            api.patch("reconcile repository " + spec.owner() + "/" + spec.name(), repoPath(spec.owner(), spec.name()), edit);
        }
        return Optional.of(HostChange.done("repository \"" + url + "\" " + (dryRun ? "would be reconciled" : "reconciled")
                + " (" + String.join(", ", what) + ")"));
    }

    // ---- teams -------------------------------------------------------------------------------

    /**
     * Adds each team to the repository unless it has access already. Gitea permissions belong
     * to the team: with {@code --reconcile}, a team whose permission differs is a warning.
     * Failures are warnings, as in Flux.
     */
    private List<HostChange> addTeams(RepositorySpec spec, boolean repositoryExists, boolean dryRun) {
        List<HostChange> changes = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        if (repositoryExists) {
            try {
                for (JsonNode team : api.get("list the teams of " + spec.owner() + "/" + spec.name(),
                        repoPath(spec.owner(), spec.name()) + "/teams")) {
                    current.put(team.path("name").asText().toLowerCase(Locale.ROOT), team.path("permission").asText());
                }
            } catch (FluxbootException e) {
                changes.add(HostChange.failed("failed to read the teams of \"" + webUrl(spec.owner(), spec.name())
                        + "\": " + e.getMessage()));
            }
        }
        for (TeamAccess team : spec.teams()) {
            String permission = permission(team);
            String has = current.get(team.name().toLowerCase(Locale.ROOT));
            if (has != null) {
                if (spec.reconcile() && !accessMode(has).equals(accessMode(permission))) {
                    changes.add(HostChange.failed("team \"" + team.name() + "\" has \"" + has + "\" access, not \""
                            + accessMode(permission) + "\" (for \"" + permission + "\"): Gitea sets permissions per team; "
                            + "change the team's permission in Gitea"));
                }
                continue;
            }
            try {
                long id = teamId(spec.owner(), team.name());
                if (!dryRun) {
                    api.put("add team " + team.name() + " to " + spec.owner() + "/" + spec.name(),
                            "/teams/" + id + "/repos/" + encode(spec.owner()) + "/" + encode(spec.name()));
                }
                changes.add(HostChange.done((dryRun ? "would grant \"" : "granted \"") + permission
                        + "\" permissions to \"" + team.name() + "\""));
            } catch (FluxbootException e) {
                changes.add(HostChange.failed("failed to grant \"" + permission + "\" permissions to \"" + team.name()
                        + "\": " + e.getMessage()));
            }
        }
        return changes;
    }

    private long teamId(String organization, String name) {
        JsonNode found = api.get("find team " + name, "/orgs/" + encode(organization) + "/teams/search?q=" + encode(name));
        for (JsonNode team : found.path("data")) {
            if (team.path("name").asText().equalsIgnoreCase(name)) {
                return team.path("id").asLong();
            }
        }
        throw new FluxbootException("no team '" + name + "' in organization '" + organization + "'");
    }

    /** A Flux permission or a Gitea team permission as Gitea's access mode: read, write or admin. */
    private static String accessMode(String permission) {
        return switch (permission) {
            case "owner", "admin" -> "admin";
            case "write", "push", "maintain" -> "write";
            default -> "read";
        };
    }

    private static String permission(TeamAccess team) {
        return team.permission() == null || team.permission().isBlank() ? DEFAULT_TEAM_PERMISSION
                : team.permission().strip().toLowerCase(Locale.ROOT);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** {@code login} ({@code username} on old Gitea). */
    private static String login(JsonNode user) {
        return user.hasNonNull("login") ? user.get("login").asText() : user.path("username").asText();
    }

    private static String repoPath(String owner, String name) {
        return "/repos/" + encode(owner) + "/" + encode(name);
    }

    private String webUrl(String owner, String name) {
        return "https://" + connection.host() + "/" + owner + "/" + name;
    }
}
