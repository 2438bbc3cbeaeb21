package dev.fluxboot.cli;

import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.bitbucket.BitbucketServerHost;
import dev.fluxboot.githost.bitbucket.BitbucketServerOptions;
import dev.fluxboot.githost.gitea.GiteaHost;
import dev.fluxboot.githost.github.GitHubHost;
import dev.fluxboot.githost.gitlab.GitLabHost;

import java.util.Arrays;
import java.util.Optional;

/**
 * The forges, as {@code uninstall --from-git} names them, with what reaching one takes: the label
 * and token variable the {@code bootstrap <forge>} commands use too, the default host, the host.
 */
enum ForgeProvider {
    GITHUB("github", "GitHub", "GITHUB_TOKEN", "github.com"),
    GITLAB("gitlab", "GitLab", "GITLAB_TOKEN", GitLabHost.DEFAULT_HOSTNAME),
    GITEA("gitea", "Gitea", "GITEA_TOKEN", "gitea.com"),
    BITBUCKET_SERVER("bitbucket-server", "Bitbucket", "BITBUCKET_TOKEN", "");

    private final String provider;
    private final String label;
    private final String tokenVariable;
    private final String defaultHostname;

    ForgeProvider(String provider, String label, String tokenVariable, String defaultHostname) {
        this.provider = provider;
        this.label = label;
        this.tokenVariable = tokenVariable;
        this.defaultHostname = defaultHostname;
    }

    static Optional<ForgeProvider> named(String provider) {
        return Arrays.stream(values()).filter(forge -> forge.provider.equals(provider)).findFirst();
    }

    String provider() {
        return provider;
    }

    /** As people write it, e.g. {@code GitHub}. */
    String label() {
        return label;
    }

    /** e.g. {@code GITHUB_TOKEN}. */
    String tokenVariable() {
        return tokenVariable;
    }

    /** The {@code --hostname} default of {@code bootstrap <forge>}; empty for Bitbucket Server, which has none. */
    String defaultHostname() {
        return defaultHostname;
    }

    /** The forge's host; no request is made yet. {@code username} is Bitbucket Server's {@code --username}. */
    GitHost connect(ForgeConnection connection, String username) {
        return switch (this) {
            case GITHUB -> GitHubHost.connect(connection);
            case GITLAB -> GitLabHost.connect(connection);
            case GITEA -> GiteaHost.connect(connection);
            case BITBUCKET_SERVER -> BitbucketServerHost.connect(new BitbucketServerOptions(connection, username));
        };
    }
}
