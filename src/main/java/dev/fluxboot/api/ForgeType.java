package dev.fluxboot.api;

import java.util.Arrays;
import java.util.Optional;

/** The forges fluxboot creates repositories and registers deploy keys on, with the Flux CLI's names for them. */
public enum ForgeType {
    GITHUB("github", "GitHub", "GITHUB_TOKEN", "github.com", "maintain"),
    GITLAB("gitlab", "GitLab", "GITLAB_TOKEN", "gitlab.com", "maintain"),
    GITEA("gitea", "Gitea", "GITEA_TOKEN", "gitea.com", "maintain"),
    /** Bitbucket Server (Data Center): no default host name, {@code --hostname} is required. */
    BITBUCKET_SERVER("bitbucket-server", "Bitbucket", "BITBUCKET_TOKEN", "", "push");

    private final String provider;
    private final String label;
    private final String tokenVariable;
    private final String defaultHostname;
    private final String defaultTeamPermission;

    ForgeType(String provider, String label, String tokenVariable, String defaultHostname,
              String defaultTeamPermission) {
        this.provider = provider;
        this.label = label;
        this.tokenVariable = tokenVariable;
        this.defaultHostname = defaultHostname;
        this.defaultTeamPermission = defaultTeamPermission;
    }

    /** By the name {@code bootstrap <forge>} and {@code uninstall --from-git} use, e.g. {@code bitbucket-server}. */
    public static Optional<ForgeType> named(String provider) {
        return Arrays.stream(values()).filter(forge -> forge.provider.equals(provider)).findFirst();
    }

    /** e.g. {@code bitbucket-server}. */
    public String provider() {
        return provider;
    }

    /** As people write it, e.g. {@code GitHub}. */
    public String label() {
        return label;
    }

    /** The variable the Flux CLI reads the token from, e.g. {@code GITHUB_TOKEN}. */
    public String tokenVariable() {
        return tokenVariable;
    }

    /** The {@code --hostname} default; empty for Bitbucket Server, which has none. */
    public String defaultHostname() {
        return defaultHostname;
    }

    /** The permission a team (group) gets when its entry names none. */
    public String defaultTeamPermission() {
        return defaultTeamPermission;
    }
}
