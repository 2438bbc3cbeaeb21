package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.githost.TeamAccess;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The flags the four {@code bootstrap <forge>} commands share with the same meaning and text
 * (a picocli mixin): {@code --private}, {@code --read-write-key}, {@code --reconcile} as in the
 * Flux CLI, and fluxboot's {@code --api-url}. The flags whose help names the forge
 * ({@code --owner}, {@code --hostname}, ...) live in each command.
 */
public final class ForgeFlags {

    @Option(names = "--private", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", defaultValue = "true",
            description = "if true, the repository is setup or configured as private (default: ${DEFAULT-VALUE})")
    private boolean privateRepository;

    @Option(names = "--read-write-key", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "if true, the deploy key is configured with read/write permissions")
    private boolean readWriteKey;

    @Option(names = "--reconcile", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "if true, the configured options are also reconciled if the repository already exists")
    private boolean reconcile;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "full base URL of the forge's API, when it is not the one --hostname implies "
                    + "(e.g. behind a proxy): https://<host>/api/v3 for GitHub Enterprise, /api/v4 for GitLab, "
                    + "/api/v1 for Gitea, /rest/api/1.0 for Bitbucket Server")
    private String apiUrl;

    public boolean privateRepository() {
        return privateRepository;
    }

    public boolean readWriteKey() {
        return readWriteKey;
    }

    public boolean reconcile() {
        return reconcile;
    }

    /** {@code --api-url}, checked: an absolute https URL without credentials in it. */
    public Optional<URI> apiUrl() {
        return apiUrl(apiUrl);
    }

    /** A {@code --api-url} value, checked: an absolute https URL without credentials in it; empty when not given. */
    static Optional<URI> apiUrl(String apiUrl) {
        if (apiUrl == null || apiUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(apiUrl.strip());
        } catch (URISyntaxException e) {
            throw new UsageException("--api-url " + apiUrl.strip() + " is not a URL: give the full API base URL, "
                    + "e.g. --api-url=https://git.example.com/api/v3");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https") || uri.getHost() == null) {
            throw new UsageException("--api-url " + uri + " is not an https URL: give the full API base URL, "
                    + "e.g. --api-url=https://git.example.com/api/v3");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("--api-url must not carry credentials: the token comes from the environment");
        }
        return Optional.of(uri);
    }

    /**
     * Flux's {@code mapTeamSlice}: each {@code name[:permission]} (comma-separated values too) with
     * {@code defaultPermission} when none is given; a later entry for a team wins.
     */
    public static List<TeamAccess> teams(List<String> values, String defaultPermission) {
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String value : InstallFlags.nonEmpty(values)) {
            String[] parts = value.split(":", -1);
            if (parts.length == 2) {
                byName.put(parts[0].strip(), parts[1].strip());
            } else {
                byName.put(value, defaultPermission);
            }
        }
        List<TeamAccess> teams = new ArrayList<>();
        byName.forEach((name, permission) -> {
            if (name.isEmpty()) {
                throw new UsageException("team name missing in \"" + name + ":" + permission + "\": use name[:permission]");
            }
            teams.add(new TeamAccess(name, permission.isEmpty() ? defaultPermission : permission));
        });
        return teams;
    }
}
