package dev.fluxboot.githost.github;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import org.kohsuke.github.GHCreateRepositoryBuilder;
import org.kohsuke.github.GHDeployKey;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTeam;
import org.kohsuke.github.GitHub;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub and GitHub Enterprise Server through the kohsuke github-api library, doing what
 * {@code flux bootstrap github} does through go-git-providers: get the repository or create it
 * (empty: GitHub needs no initial commit), with {@code --reconcile} bring visibility,
 * description and default branch to the spec, grant team access (failures are warnings), and
 * keep the cluster's deploy key registered under Flux's title.
 *
 * <p>Clone and sync URLs are built from {@code --hostname}, {@code --owner} and
 * {@code --repository} as Flux builds them ({@code https://<host>/<owner>/<repo>.git},
 * {@code ssh://git@<ssh-host>/<owner>/<repo>}), so the generated sync manifests match Flux's.
 */
public final class GitHubHost implements GitHost {

    /** Flux's default team permission for GitHub ({@code --team name} without {@code :permission}). */
    public static final String DEFAULT_TEAM_PERMISSION = "maintain";
    /** The permissions GitHub knows for a team on a repository. */
    public static final Set<String> TEAM_PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");

    private static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> VISIBILITIES = Set.of("private", "public", "internal");

    private final ForgeConnection connection;
    private final GitHub github;
    private final GitHubCalls calls;

    /** A host with the real clock: rate-limit waits sleep. */
    public static GitHubHost connect(ForgeConnection connection) {
        return new GitHubHost(connection, RateLimitWaiter.of(GitHubCalls.FORGE, connection));
    }

    /** Makes no request yet: the first one goes out with the first call. */
    public GitHubHost(ForgeConnection connection, RateLimitWaiter rateLimits) {
        this.connection = connection;
        URI api = apiUrl(connection);
        this.github = GitHubApi.client(api, connection);
        this.calls = new GitHubCalls(api, connection.token(), rateLimits);
    }

    /**
     * {@code --api-url} when given; {@code https://api.github.com} for github.com; else GitHub
     * Enterprise Server's {@code https://<hostname>/api/v3}.
     */
    public static URI apiUrl(ForgeConnection connection) {
        if (connection.apiUrl().isEmpty() && connection.host().equalsIgnoreCase("github.com")) {
            return URI.create("https://api.github.com");
        }
        return connection.apiBase("/api/v3");
    }

    @Override
    public String name() {
        return "github";
    }

    @Override
    public RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun) {
        checkSpec(spec);
        String fullName = spec.owner() + "/" + spec.name();
        String url = webUrl(spec.owner(), spec.name());
        List<HostChange> changes = new ArrayList<>();
        Optional<GHRepository> existing = calls.find("get repository " + fullName, () -> github.getRepository(fullName));
        GHOrganization organization = null;
        if (existing.isEmpty()) {
            if (spec.personal()) {
                checkTokenUser(spec.owner());
            } else {
                organization = organization(spec.owner());
            }
        }
        GHRepository repository = null;
        if (existing.isPresent()) {
            repository = existing.get();
            if (spec.reconcile()) {
                reconcileSettings(repository, spec, url, dryRun).ifPresent(changes::add);
            }
        } else if (dryRun) {
            changes.add(HostChange.done("repository \"" + url + "\" would be created"));
        } else {
            repository = create(spec, organization, fullName);
            changes.add(HostChange.done("repository \"" + url + "\" created"));
        }
        if (!spec.personal() && !spec.teams().isEmpty()) {
            changes.addAll(grantTeams(spec, repository, dryRun));
        }
        String defaultBranch = repository != null ? repository.getDefaultBranch() : spec.defaultBranch();
        String owner = repository != null ? repository.getOwnerName() : spec.owner();
        String name = repository != null ? repository.getName() : spec.name();
        return new RepositoryResult(new RemoteRepository(owner, name, httpsUrl(spec.owner(), spec.name()),
                sshUrl(spec.owner(), spec.name()), defaultBranch), changes);
    }

    @Override
    public List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun) {
        GHRepository repo = repository(repository);
        String url = webUrl(repository.owner(), repository.name());
        List<GHDeployKey> titled = deployKeys(repo).stream().filter(k -> key.title().equals(k.getTitle())).toList();
        Optional<GHDeployKey> kept = titled.stream()
                .filter(k -> PublicKeys.sameKey(k.getKey(), key.publicKey()) && k.isRead_only() == key.readOnly())
                .findFirst();
        if (kept.isPresent() && titled.size() == 1) {
            return List.of();
        }
        List<HostChange> changes = new ArrayList<>();
        for (GHDeployKey stale : titled) {
            if (kept.isPresent() && stale == kept.get()) {
                continue;
            }
            if (!dryRun) {
                calls.perform("delete deploy key \"" + key.title() + "\" of " + repo.getFullName(), stale::delete);
            }
            changes.add(HostChange.done("deploy key \"" + key.title() + "\" with another key "
                    + (dryRun ? "would be removed from" : "removed from") + " \"" + url + "\""));
        }
        if (kept.isEmpty()) {
            if (!dryRun) {
                calls.run("add deploy key \"" + key.title() + "\" to " + repo.getFullName(),
                        () -> repo.addDeployKey(key.title(), PublicKeys.material(key.publicKey()), key.readOnly()));
            }
            changes.add(HostChange.done((dryRun ? "deploy key \"" + key.title() + "\" would be configured for \""
                    : "configured deploy key \"" + key.title() + "\" for \"") + url + "\""));
        }
        return changes;
    }

    @Override
    public List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun) {
        GHRepository repo = repository(repository);
        String url = webUrl(repository.owner(), repository.name());
        List<HostChange> changes = new ArrayList<>();
        for (GHDeployKey key : deployKeys(repo)) {
            if (!title.equals(key.getTitle())) {
                continue;
            }
            if (!dryRun) {
                calls.perform("delete deploy key \"" + title + "\" of " + repo.getFullName(), key::delete);
            }
            changes.add(HostChange.done("deploy key \"" + title + "\" " + (dryRun ? "would be deleted from" : "deleted from")
                    + " \"" + url + "\""));
        }
        return changes;
    }

    // ---- repository --------------------------------------------------------------------------

    private void checkSpec(RepositorySpec spec) {
        if (spec.owner() == null || spec.owner().isBlank()) {
            throw new UsageException("no GitHub owner given: pass --owner (a user with --personal, or an organization)");
        }
        String name = spec.name() == null ? "" : spec.name();
        if (!REPOSITORY_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new UsageException("--repository '" + name + "' is not a valid GitHub repository name: use at most "
                    + "100 letters, digits, '-', '_' and '.'");
        }
        if (!VISIBILITIES.contains(spec.visibility())) {
            throw new UsageException("GitHub has no repository visibility '" + spec.visibility() + "': use private or public");
        }
        if (spec.personal() && spec.visibility().equals("internal")) {
            throw new UsageException("internal visibility is for organization repositories only: drop --personal or "
                    + "choose private or public");
        }
        for (TeamAccess team : spec.teams()) {
            String permission = permission(team);
            if (!TEAM_PERMISSIONS.contains(permission)) {
                throw new UsageException("invalid permission \"" + permission + "\" for team \"" + team.name()
                        + "\" in --team: use pull, triage, push, maintain or admin");
            }
        }
    }

    /** For a personal repository, the token must be the owner's: a repository is created for the token's user. */
    private void checkTokenUser(String owner) {
        GHMyself me = calls.run("get the token's user", github::getMyself);
        if (!me.getLogin().equalsIgnoreCase(owner)) {
            throw new FluxbootException("--owner " + owner + " is not the user the token in " + GitHubCalls.TOKEN_VARIABLE
                    + " belongs to (" + me.getLogin() + "): pass --owner=" + me.getLogin()
                    + ", or leave out --personal for an organization's repository");
        }
    }

    private GHOrganization organization(String owner) {
        return calls.find("get organization " + owner, () -> github.getOrganization(owner))
                .orElseThrow(() -> new FluxbootException("GitHub organization '" + owner + "' not found: check --owner, "
                        + "or pass --personal for a repository of the token's user"));
    }

    private GHRepository create(RepositorySpec spec, GHOrganization organization, String fullName) {
        return calls.run("create repository " + fullName, () -> {
            GHCreateRepositoryBuilder builder = organization == null
                    ? github.createRepository(spec.name())
                    : organization.createRepository(spec.name());
            builder.private_(!spec.visibility().equals("public"));
            if (spec.visibility().equals("internal")) {
                builder.visibility(GHRepository.Visibility.INTERNAL);
            }
            if (spec.description() != null && !spec.description().isEmpty()) {
                builder.description(spec.description());
            }
            return builder.create();
        });
    }

    /** {@code --reconcile}: visibility always, description and default branch when asked for. */
    private Optional<HostChange> reconcileSettings(GHRepository repository, RepositorySpec spec, String url, boolean dryRun) {
        Map<String, String> wanted = new LinkedHashMap<>();
        String visibility = calls.run("get the visibility of " + repository.getFullName(), () -> visibility(repository));
        if (!visibility.equals(spec.visibility())) {
            wanted.put("visibility", spec.visibility());
        }
        if (spec.description() != null && !spec.description().isEmpty()
                && !spec.description().equals(repository.getDescription())) {
            wanted.put("description", spec.description());
        }
        if (spec.defaultBranch() != null && !spec.defaultBranch().isEmpty()
                && !spec.defaultBranch().equals(repository.getDefaultBranch())) {
            wanted.put("default branch", spec.defaultBranch());
        }
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (!dryRun) {
            calls.run("reconcile repository " + repository.getFullName(), () -> {
                GHRepository.Updater update = repository.update();
                if (wanted.containsKey("visibility")) {
                    update.visibility(GHRepository.Visibility.valueOf(spec.visibility().toUpperCase(Locale.ROOT)));
                }
                if (wanted.containsKey("description")) {
                    update.description(spec.description());
                }
                if (wanted.containsKey("default branch")) {
                    update.defaultBranch(spec.defaultBranch());
                }
                return update.done();
            });
        }
        List<String> what = new ArrayList<>();
        wanted.forEach((field, value) -> what.add(field + " " + value));
        return Optional.of(HostChange.done("repository \"" + url + "\" " + (dryRun ? "would be reconciled" : "reconciled")
                + " (" + String.join(", ", what) + ")"));
    }

    /** GitHub Enterprise Server releases without a {@code visibility} field only say whether it is private. */
    private static String visibility(GHRepository repository) {
        GHRepository.Visibility visibility = repository.getVisibility();
        if (visibility == null || visibility == GHRepository.Visibility.UNKNOWN) {
            return repository.isPrivate() ? "private" : "public";
        }
        return visibility.toString();
    }

    // ---- teams -------------------------------------------------------------------------------

    /**
     * Grants each team its permission unless it has access already (with {@code --reconcile},
     * unless it has exactly that permission). Failures are warnings, as in Flux.
     *
     * @param repository null in a dry run that would create the repository
     */
    private List<HostChange> grantTeams(RepositorySpec spec, GHRepository repository, boolean dryRun) {
        List<HostChange> changes = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        if (repository != null) {
            try {
                for (GHTeam team : calls.run("list the teams of " + repository.getFullName(), repository::getTeams)) {
                    current.put(team.getSlug().toLowerCase(Locale.ROOT), team.getPermission());
                }
            } catch (FluxbootException e) {
                changes.add(HostChange.failed("failed to read the team permissions of \"" + webUrl(spec.owner(), spec.name())
                        + "\": " + e.getMessage()));
            }
        }
        GHOrganization organization = null;
        for (TeamAccess team : spec.teams()) {
            String permission = permission(team);
            String has = current.get(team.name().toLowerCase(Locale.ROOT));
            if (has != null && (!spec.reconcile() || has.equals(permission))) {
                continue;
            }
            try {
                if (organization == null) {
                    organization = organization(spec.owner());
                }
                GHOrganization org = organization;
                GHTeam found = calls.find("get team " + team.name(), () -> org.getTeamBySlug(team.name()))
                        .orElseThrow(() -> new FluxbootException("no team '" + team.name() + "' in organization '"
                                + spec.owner() + "' (--team takes the team's slug)"));
                if (!dryRun) {
                    calls.perform("grant team " + team.name() + " access to " + repository.getFullName(),
                            () -> found.add(repository, GHOrganization.RepositoryRole.custom(permission)));
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

    private static String permission(TeamAccess team) {
        return team.permission() == null || team.permission().isBlank() ? DEFAULT_TEAM_PERMISSION
                : team.permission().strip().toLowerCase(Locale.ROOT);
    }

    // ---- deploy keys -------------------------------------------------------------------------

    private GHRepository repository(RemoteRepository repository) {
        String fullName = repository.owner() + "/" + repository.name();
        return calls.run("get repository " + fullName, () -> github.getRepository(fullName));
    }

    private List<GHDeployKey> deployKeys(GHRepository repo) {
        return calls.run("list the deploy keys of " + repo.getFullName(), repo::getDeployKeys);
    }

    // ---- URLs --------------------------------------------------------------------------------

    private String webUrl(String owner, String name) {
        return "https://" + connection.host() + "/" + owner + "/" + name;
    }

    private String httpsUrl(String owner, String name) {
        return webUrl(owner, name) + ".git";
    }

    private String sshUrl(String owner, String name) {
        return "ssh://git@" + connection.sshHost() + "/" + owner + "/" + name;
    }
}
