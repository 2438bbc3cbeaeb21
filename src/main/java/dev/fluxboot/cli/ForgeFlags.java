package dev.fluxboot.cli;

import picocli.CommandLine.Option;

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

    /** {@code --api-url} as given (the engine checks it). */
    public String apiUrl() {
        return apiUrl;
    }
}
