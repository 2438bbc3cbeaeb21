package dev.fluxboot.githost.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fluxboot.FluxbootException;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bootstrap bitbucket-server}: repositories in a project (found by name as Flux does, or by
 * key) or a user's personal space ({@code ~user}), repository group permissions for {@code --group},
 * and SSH access keys, over Bitbucket Server's REST API 1.0. Clone URL
 * {@code https://<hostname>/scm/<KEY>/<slug>.git}, sync URL {@code ssh://git@<ssh-hostname>/<KEY>/<slug>},
 * as the Flux CLI writes them.
 */
public final class BitbucketServerHost implements GitHost {

    private final BitbucketServerOptions options;
    private final BitbucketServerApi api;

    private BitbucketServerHost(BitbucketServerOptions options, BitbucketServerApi api) {
        this.options = options;
        this.api = api;
    }

    /** A host talking to {@code https://<hostname>/rest/api/1.0} (or {@code --api-url}); no request is made yet. */
    public static BitbucketServerHost connect(BitbucketServerOptions options) {
        return connect(options, RateLimitWaiter.of(BitbucketServerApi.FORGE, options.connection()));
    }

    /** With a given rate-limit waiter (tests use one with a fake clock). */
    public static BitbucketServerHost connect(BitbucketServerOptions options, RateLimitWaiter rateLimits) {
        return new BitbucketServerHost(options, BitbucketServerApi.connect(options.connection(), rateLimits));
    }

    @Override
    public String name() {
        return "bitbucket-server";
    }

    /**
     * The user name for Git over HTTPS with the token (and in a token-auth Secret): the owner for
     * personal repositories, else {@code --username}, as the Flux CLI does.
     */
    public String gitUsername(RepositorySpec spec) {
        return spec.personal() ? spec.owner() : options.username();
    }

    @Override
    public RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun) {
        String key = spec.personal() ? tilde(spec.owner()) : api.projectKey(spec.owner())
                .orElseThrow(() -> new FluxbootException("Bitbucket Server project '" + spec.owner() + "' not found (--owner): "
                        + "give the project's name or key, or --personal with a user name"));
        List<HostChange> changes = new ArrayList<>();
        // Flux looks the repository up by its name; Bitbucket's slug is the name in lower case (and dashes).
        String slugLike = spec.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        Optional<JsonNode> existing = api.repository(key, spec.name())
                .or(() -> slugLike.equals(spec.name()) ? Optional.empty() : api.repository(key, slugLike));
        JsonNode repository;
        if (existing.isEmpty()) {
            changes.add(HostChange.done("repository " + quote(webUrl(key, spec.name())) + (dryRun ? " would be created" : " created")));
            if (dryRun) {
                if (!spec.personal()) {
                    for (TeamAccess group : spec.teams()) {
                        BitbucketPermissions.repositoryPermission(group.name(), group.permission());
                        changes.add(HostChange.done("would grant " + quote(BitbucketPermissions.nameOrDefault(group.permission()))
                                + " permissions to " + quote(group.name())));
                    }
                }
                return new RepositoryResult(remote(key, spec.name(), spec.defaultBranch()), changes);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", spec.name());
            body.put("scmId", "git");
            if (spec.description() != null && !spec.description().isBlank()) {
                body.put("description", spec.description());
            }
            body.put("public", isPublic(spec.visibility()));
            repository = api.createRepository(key, body);
        } else {
            repository = existing.get();
        }
        String slug = repository.path("slug").asText(spec.name());
        String repositoryKey = repository.path("project").path("key").asText(key);
        Optional<String> defaultBranch = api.defaultBranch(repositoryKey, slug);
        if (existing.isPresent() && spec.reconcile()) {
            changes.addAll(reconcileSettings(repositoryKey, slug, repository, defaultBranch, spec, dryRun));
        }
        if (!spec.personal()) {
            for (TeamAccess group : spec.teams()) {
                changes.addAll(grant(repositoryKey, slug, group, spec.reconcile(), dryRun));
            }
        }
        return new RepositoryResult(remote(repositoryKey, slug, defaultBranch.orElse(spec.defaultBranch())), changes);
    }

    private List<HostChange> reconcileSettings(String key, String slug, JsonNode repository, Optional<String> defaultBranch,
                                               RepositorySpec spec, boolean dryRun) {
        List<HostChange> changes = new ArrayList<>();
        Map<String, Object> update = new LinkedHashMap<>();
        List<String> what = new ArrayList<>();
        boolean wantPublic = isPublic(spec.visibility());
        if (repository.path("public").asBoolean(false) != wantPublic) {
            update.put("public", wantPublic);
            what.add(wantPublic ? "visibility public" : "visibility private");
        }
        if (spec.description() != null && !spec.description().isBlank()
                && !spec.description().equals(repository.path("description").asText(""))) {
            update.put("description", spec.description());
            what.add("description");
        }
        String web = quote(webUrl(key, slug));
        if (!update.isEmpty()) {
            if (!dryRun) {
                api.updateRepository(key, slug, update);
            }
            changes.add(HostChange.done("repository " + web + (dryRun ? " would be reconciled (" : " reconciled (")
                    + String.join(", ", what) + ")"));
        }
        String wantedBranch = spec.defaultBranch();
        if (wantedBranch != null && !wantedBranch.isBlank() && defaultBranch.isPresent() && !wantedBranch.equals(defaultBranch.get())) {
            try {
                if (!dryRun) {
                    api.setDefaultBranch(key, slug, wantedBranch);
                }
                changes.add(HostChange.done("repository " + web
                        + (dryRun ? " default branch would be set to " : " default branch set to ") + wantedBranch));
            } catch (FluxbootException e) {
                changes.add(HostChange.failed("default branch of " + web + " not set to " + wantedBranch + ": " + e.getMessage()));
            }
        }
        return changes;
    }

    /** Grants a group access to the repository; failures are warnings. */
    private List<HostChange> grant(String key, String slug, TeamAccess group, boolean reconcile, boolean dryRun) {
        String permissionName = BitbucketPermissions.nameOrDefault(group.permission());
        String permission = BitbucketPermissions.repositoryPermission(group.name(), group.permission());
        String granted = quote(permissionName) + " permissions to " + quote(group.name());
        try {
            Optional<String> current = api.groupPermission(key, slug, group.name());
            if (current.isPresent()
                    && (!reconcile || BitbucketPermissions.rank(current.get()) == BitbucketPermissions.rank(permission))) {
                return List.of();
            }
            if (!dryRun) {
                api.grantGroup(key, slug, group.name(), permission);
            }
            return List.of(HostChange.done((dryRun ? "would grant " : "granted ") + granted));
        } catch (FluxbootException e) {
            return List.of(HostChange.failed("failed to grant " + granted + ": " + e.getMessage()));
        }
    }

    @Override
    public List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun) {
        String project = repository.owner();
        String slug = repository.name();
        // In a dry run the repository may not exist yet: then it has no keys.
        List<JsonNode> keys = dryRun
                ? api.accessKeysIfRepositoryExists(project, slug).orElse(List.of())
                : api.accessKeys(project, slug);
        List<JsonNode> titled = keys.stream().filter(k -> key.title().equals(k.path("key").path("label").asText())).toList();
        String permission = key.readOnly() ? "REPO_READ" : "REPO_WRITE";
        if (titled.size() == 1 && PublicKeys.sameKey(titled.get(0).path("key").path("text").asText(), key.publicKey())
                && permission.equals(titled.get(0).path("permission").asText())) {
            return List.of();
        }
        String description = "deploy key " + quote(key.title()) + " for " + quote(webUrl(project, slug));
        if (dryRun) {
            return List.of(HostChange.done((titled.isEmpty() ? "would configure " : "would replace ") + description));
        }
        for (JsonNode old : titled) {
            api.deleteAccessKey(project, slug, old.path("key").path("id").asLong(), key.title());
        }
        // Flux stitches the title into the key text as its comment; Bitbucket shows it as the label.
        api.addAccessKey(project, slug, PublicKeys.material(key.publicKey()) + " " + key.title(), key.title(), permission);
        return List.of(HostChange.done("configured " + description));
    }

    @Override
    public List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun) {
        List<HostChange> changes = new ArrayList<>();
        for (JsonNode old : api.accessKeys(repository.owner(), repository.name())) {
            if (!title.equals(old.path("key").path("label").asText())) {
                continue;
            }
            if (!dryRun) {
                api.deleteAccessKey(repository.owner(), repository.name(), old.path("key").path("id").asLong(), title);
            }
            changes.add(HostChange.done((dryRun ? "would delete " : "deleted ") + "deploy key " + quote(title)
                    + " of " + quote(webUrl(repository.owner(), repository.name()))));
        }
        return changes;
    }

    private RemoteRepository remote(String key, String slug, String defaultBranch) {
        ForgeConnection connection = options.connection();
        return new RemoteRepository(key, slug,
                "https://" + connection.host() + "/scm/" + key + "/" + slug + ".git",
                "ssh://git@" + connection.sshHost() + "/" + key + "/" + slug,
                defaultBranch);
    }

    private String webUrl(String key, String slug) {
        return "https://" + options.connection().host() + "/" + key + "/" + slug;
    }

    private static boolean isPublic(String visibility) {
        return visibility != null && visibility.strip().toLowerCase(Locale.ROOT).equals("public");
    }

    private static String tilde(String user) {
        return user.startsWith("~") ? user : "~" + user;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
