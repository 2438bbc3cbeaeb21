package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The forge part of a {@code fluxboot_bootstrap_<forge>} resource, defaults applied: the flags of
 * {@code fluxboot bootstrap <forge>} of the same names. The API token is not here: it is a provider
 * setting ({@link ProviderConfig.Forge}), never part of a resource or its state.
 *
 * @param privateRepository {@code private}: false makes the repository public (also on GitLab)
 * @param visibility        GitLab's {@code visibility} ({@code private}, {@code internal}, {@code public})
 * @param hostname          the forge's host; empty is the forge's default host
 * @param teams             {@code team} (GitHub, GitLab, Gitea) or {@code group} (Bitbucket Server), each {@code name[:permission]}
 * @param caFile            {@code ca_file}: CA certificates for the forge's API and Git over HTTPS
 * @param deployTokenAuth   GitLab's {@code deploy_token_auth}
 * @param username          Bitbucket Server's {@code username}
 */
public record ForgeSettings(ForgeType type, String owner, String repository, boolean personal, boolean privateRepository,
                            String visibility, String hostname, List<String> teams, boolean readWriteKey,
                            boolean reconcile, Optional<String> apiUrl, Optional<String> caFile,
                            Optional<String> sshHostname, boolean tokenAuth, boolean deployTokenAuth, String username) {

    public ForgeSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(hostname, "hostname");
        teams = List.copyOf(teams);
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(sshHostname, "sshHostname");
        Objects.requireNonNull(username, "username");
    }
}
