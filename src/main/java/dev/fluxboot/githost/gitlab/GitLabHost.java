package dev.fluxboot.githost.gitlab;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.DeployToken;
import dev.fluxboot.githost.DeployTokenHost;
import dev.fluxboot.githost.DeployTokenResult;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import org.gitlab4j.api.models.AccessLevel;
import org.gitlab4j.api.models.Group;
import org.gitlab4j.api.models.Namespace;
import org.gitlab4j.api.models.Project;
import org.gitlab4j.api.models.SharedGroup;
import org.gitlab4j.api.models.User;
import org.gitlab4j.api.models.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code bootstrap gitlab}: projects in a group, subgroup or the user's namespace, group shares
 * for {@code --team}, project deploy keys and (for {@code --deploy-token-auth}) deploy tokens,
 * through gitlab4j. Clone URL {@code https://<hostname>/<owner>/<name>.git}, sync URL
 * {@code ssh://git@<ssh-hostname>/<owner>/<name>}, as the Flux CLI writes them.
 */
public final class GitLabHost implements GitHost, DeployTokenHost, AutoCloseable {

    /** Flux's default {@code --hostname}. */
    public static final String DEFAULT_HOSTNAME = "gitlab.com";

    private final ForgeConnection connection;
    private final GitLabClient client;

    private GitLabHost(ForgeConnection connection, GitLabClient client) {
        this.connection = connection;
        this.client = client;
    }

    /** A host talking to {@code https://<hostname>/api/v4} (or {@code --api-url}); no request is made yet. */
    public static GitLabHost connect(ForgeConnection connection) {
        return connect(connection, RateLimitWaiter.of(GitLabClient.FORGE, connection));
    }

    /** With a given rate-limit waiter (tests use one with a fake clock). */
    public static GitLabHost connect(ForgeConnection connection, RateLimitWaiter rateLimits) {
        return new GitLabHost(connection, GitLabClient.connect(connection, rateLimits));
    }

    @Override
    public String name() {
        return "gitlab";
    }

    @Override
    public RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun) {
        GitLabProjectNames.check(spec.name());
        String path = spec.owner() + "/" + spec.name();
        List<HostChange> changes = new ArrayList<>();
        Optional<Project> existing = client.find("get project " + path,
                api -> api.getProjectApi().getProject(path));
        Project project;
        if (existing.isEmpty()) {
            Optional<Project> created = create(spec, path, dryRun);
            changes.add(HostChange.done("repository " + quote(webUrl(spec.owner(), spec.name()))
                    + (dryRun ? " would be created" : " created")));
            if (created.isEmpty()) {
                if (!spec.personal()) {
                    for (TeamAccess team : spec.teams()) {
                        GitLabPermissions.accessLevel(team.name(), team.permission());
                        changes.add(HostChange.done("would grant " + quote(GitLabPermissions.nameOrDefault(team.permission()))
                                + " permissions to " + quote(team.name())));
                    }
                }
                return new RepositoryResult(remote(spec.owner(), spec.name(), spec.defaultBranch()), changes);
            }
            project = created.get();
        } else {
            project = existing.get();
            if (spec.reconcile()) {
                changes.addAll(reconcileSettings(project, spec, path, dryRun));
            }
        }
        if (!spec.personal()) {
            for (TeamAccess team : spec.teams()) {
                changes.addAll(grant(project, path, team, spec.reconcile(), dryRun));
            }
        }
        String defaultBranch = project.getDefaultBranch() == null || project.getDefaultBranch().isBlank()
                ? spec.defaultBranch() : project.getDefaultBranch();
        return new RepositoryResult(remote(spec.owner(), spec.name(), defaultBranch), changes);
    }

    /** Creates the project (empty: GitLab needs no first commit); empty result in a dry run. */
    private Optional<Project> create(RepositorySpec spec, String path, boolean dryRun) {
        Project project = new Project().withName(spec.name());
        if (GitLabProjectNames.isPath(spec.name())) {
            project.setPath(spec.name());
        }
        if (spec.description() != null && !spec.description().isBlank()) {
            project.setDescription(spec.description());
        }
        project.setVisibility(visibility(spec.visibility()));
        if (spec.personal()) {
            User user = client.call("get the token's user", api -> api.getUserApi().getCurrentUser());
            if (!user.getUsername().equalsIgnoreCase(spec.owner())) {
                throw new FluxbootException("the specified owner '" + spec.owner()
                        + "' doesn't match the identity associated with the given token ('" + user.getUsername()
                        + "'): with --personal, --owner must be the token's user");
            }
        } else {
            Group group = client.find("get group " + spec.owner(), api -> api.getGroupApi().getGroup(spec.owner()))
                    .orElseThrow(() -> new FluxbootException("GitLab group '" + spec.owner() + "' not found (--owner): "
                            + "give the group's full path (e.g. group/subgroup), or --personal for a user's project"));
            project.setNamespace(new Namespace().withId(group.getId()));
        }
        if (dryRun) {
            return Optional.empty();
        }
        return Optional.of(client.call("create project " + path, api -> api.getProjectApi().createProject(project)));
    }

    /** {@code --reconcile}: visibility, description and default branch as asked. */
    private List<HostChange> reconcileSettings(Project project, RepositorySpec spec, String path, boolean dryRun) {
        List<HostChange> changes = new ArrayList<>();
        Project update = new Project().withId(project.getId());
        List<String> what = new ArrayList<>();
        Visibility wanted = visibility(spec.visibility());
        if (project.getVisibility() != wanted) {
            update.setVisibility(wanted);
            what.add("visibility " + wanted.toString().toLowerCase(Locale.ROOT));
        }
        if (spec.description() != null && !spec.description().isBlank()
                && !spec.description().equals(Objects.toString(project.getDescription(), ""))) {
            update.setDescription(spec.description());
            what.add("description");
        }
        boolean branch = spec.defaultBranch() != null && !spec.defaultBranch().isBlank()
                && project.getDefaultBranch() != null && !spec.defaultBranch().equals(project.getDefaultBranch());
        if (!what.isEmpty()) {
            if (!dryRun) {
                client.call("update project " + path, api -> api.getProjectApi().updateProject(update));
            }
            changes.add(HostChange.done("repository " + quote(webUrl(spec.owner(), spec.name()))
                    + (dryRun ? " would be reconciled (" : " reconciled (") + String.join(", ", what) + ")"));
        }
        if (branch) {
            // A branch that does not exist yet (pushed later by the bootstrap) cannot be the default: a warning.
            Project branchUpdate = new Project().withId(project.getId()).withDefaultBranch(spec.defaultBranch());
            try {
                if (!dryRun) {
                    client.call("set the default branch of " + path,
                            api -> api.getProjectApi().updateProject(branchUpdate));
                }
                changes.add(HostChange.done("repository " + quote(webUrl(spec.owner(), spec.name()))
                        + (dryRun ? " default branch would be set to " : " default branch set to ") + spec.defaultBranch()));
            } catch (FluxbootException e) {
                changes.add(HostChange.failed("default branch of " + quote(webUrl(spec.owner(), spec.name()))
                        + " not set to " + spec.defaultBranch() + ": " + e.getMessage()));
            }
        }
        return changes;
    }

    /** Shares the project with a group; failures are warnings. */
    private List<HostChange> grant(Project project, String path, TeamAccess team, boolean reconcile, boolean dryRun) {
        String permission = GitLabPermissions.nameOrDefault(team.permission());
        AccessLevel level = GitLabPermissions.accessLevel(team.name(), team.permission());
        String granted = quote(permission) + " permissions to " + quote(team.name());
        try {
            Optional<Group> group = client.find("get group " + team.name(), api -> api.getGroupApi().getGroup(team.name()));
            if (group.isEmpty()) {
                return List.of(HostChange.failed("failed to grant " + granted + ": GitLab group '" + team.name() + "' not found"));
            }
            long groupId = group.get().getId();
            Optional<SharedGroup> shared = sharedWith(project, groupId);
            if (shared.isPresent() && (!reconcile || GitLabPermissions.same(shared.get().getGroupAccessLevel(), level))) {
                return List.of();
            }
            if (!dryRun) {
                if (shared.isPresent()) {
                    client.call("unshare " + path + " from " + team.name(),
                            api -> {
                                api.getProjectApi().unshareProject(path, groupId);
                                return Boolean.TRUE;
                            });
                }
                client.call("share " + path + " with " + team.name(), api -> {
                    api.getProjectApi().shareProject(path, groupId, level, null);
                    return Boolean.TRUE;
                });
            }
            return List.of(HostChange.done((dryRun ? "would grant " : "granted ") + granted));
        } catch (FluxbootException e) {
            return List.of(HostChange.failed("failed to grant " + granted + ": " + e.getMessage()));
        }
    }

    private static Optional<SharedGroup> sharedWith(Project project, long groupId) {
        List<SharedGroup> groups = project.getSharedWithGroups();
        if (groups == null) {
            return Optional.empty();
        }
        return groups.stream().filter(g -> g.getGroupId() == groupId).findFirst();
    }

    @Override
    public List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun) {
        String path = repository.owner() + "/" + repository.name();
        // In a dry run the project may not exist yet: then it has no keys.
        List<org.gitlab4j.api.models.DeployKey> keys = client.find("list the deploy keys of " + path,
                        api -> api.getDeployKeysApi().getProjectDeployKeys(path))
                .or(() -> dryRun ? Optional.of(List.of()) : Optional.empty())
                .orElseThrow(() -> new FluxbootException("GitLab project " + path + " not found: cannot register its deploy key"));
        List<org.gitlab4j.api.models.DeployKey> titled = keys.stream().filter(k -> key.title().equals(k.getTitle())).toList();
        boolean canPush = !key.readOnly();
        if (titled.size() == 1 && PublicKeys.sameKey(titled.get(0).getKey(), key.publicKey())
                && canPush == Boolean.TRUE.equals(titled.get(0).getCanPush())) {
            return List.of();
        }
        String description = "deploy key " + quote(key.title()) + " for " + quote(webUrl(repository.owner(), repository.name()));
        if (dryRun) {
            return List.of(HostChange.done((titled.isEmpty() ? "would configure " : "would replace ") + description));
        }
        for (org.gitlab4j.api.models.DeployKey old : titled) {
            client.call("delete deploy key " + key.title() + " of " + path, api -> {
                api.getDeployKeysApi().deleteDeployKey(path, old.getId());
                return Boolean.TRUE;
            });
        }
        client.call("add deploy key " + key.title() + " to " + path,
                api -> api.getDeployKeysApi().addDeployKey(path, key.title(), PublicKeys.material(key.publicKey()), canPush));
        return List.of(HostChange.done("configured " + description));
    }

    @Override
    public List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun) {
        String path = repository.owner() + "/" + repository.name();
        List<org.gitlab4j.api.models.DeployKey> keys = client.call("list the deploy keys of " + path,
                api -> api.getDeployKeysApi().getProjectDeployKeys(path));
        List<HostChange> changes = new ArrayList<>();
        for (org.gitlab4j.api.models.DeployKey old : keys) {
            if (!title.equals(old.getTitle())) {
                continue;
            }
            if (!dryRun) {
                client.call("delete deploy key " + title + " of " + path, api -> {
                    api.getDeployKeysApi().deleteDeployKey(path, old.getId());
                    return Boolean.TRUE;
                });
            }
            changes.add(HostChange.done((dryRun ? "would delete " : "deleted ") + "deploy key " + quote(title)
                    + " of " + quote(webUrl(repository.owner(), repository.name()))));
        }
        return changes;
    }

    @Override
    public DeployTokenResult ensureDeployToken(RemoteRepository repository, String name, Optional<String> secretUsername,
                                               boolean dryRun) {
        String path = repository.owner() + "/" + repository.name();
        GitLabDeployTokensApi tokens = new GitLabDeployTokensApi(client.api());
        List<GitLabDeployTokensApi.TokenInfo> named = client.call("list the deploy tokens of " + path,
                api -> tokens.active(path)).stream().filter(t -> name.equals(t.name())).toList();
        if (named.size() == 1 && secretUsername.filter(named.get(0).username()::equals).isPresent()) {
            return new DeployTokenResult(Optional.empty(), List.of());
        }
        String description = "deploy token " + quote(name) + " for " + quote(webUrl(repository.owner(), repository.name()));
        if (dryRun) {
            return new DeployTokenResult(Optional.empty(),
                    List.of(HostChange.done((named.isEmpty() ? "would configure " : "would replace ") + description)));
        }
        for (GitLabDeployTokensApi.TokenInfo old : named) {
            client.call("revoke deploy token " + name + " of " + path, api -> {
                tokens.delete(path, old.id());
                return Boolean.TRUE;
            });
        }
        GitLabDeployTokensApi.TokenInfo created = client.call("create deploy token " + name + " for " + path,
                api -> tokens.create(path, name));
        if (created.token() == null || created.username().isEmpty()) {
            throw new FluxbootException("GitLab created deploy token " + quote(name) + " for " + path
                    + " but did not return its credentials");
        }
        return new DeployTokenResult(Optional.of(new DeployToken(name, created.username(), created.token())),
                List.of(HostChange.done("configured " + description)));
    }

    private RemoteRepository remote(String owner, String name, String defaultBranch) {
        return new RemoteRepository(owner, name,
                "https://" + connection.host() + "/" + owner + "/" + name + ".git",
                "ssh://git@" + connection.sshHost() + "/" + owner + "/" + name,
                defaultBranch);
    }

    private String webUrl(String owner, String name) {
        return "https://" + connection.host() + "/" + owner + "/" + name;
    }

    private static Visibility visibility(String visibility) {
        String value = visibility == null || visibility.isBlank() ? "private" : visibility.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "private" -> Visibility.PRIVATE;
            case "internal" -> Visibility.INTERNAL;
            case "public" -> Visibility.PUBLIC;
            default -> throw new dev.fluxboot.UsageException("invalid visibility \"" + visibility
                    + "\" (--visibility): use private, internal or public");
        };
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    @Override
    public void close() {
        client.close();
    }
}
