package dev.fluxboot.githost;

import java.util.List;

/**
 * The repository a bootstrap wants.
 *
 * @param owner          user, organisation, group/subgroup path or Bitbucket project key
 * @param name           repository name
 * @param personal       owner is the authenticated user
 * @param visibility     "private", "internal" or "public"
 * @param description    used when creating (and reconciling)
 * @param defaultBranch  the bootstrap branch
 * @param teams          team or group access to grant
 * @param reconcile      bring an existing repository's settings to this spec
 */
public record RepositorySpec(String owner, String name, boolean personal, String visibility, String description,
                             String defaultBranch, List<TeamAccess> teams, boolean reconcile) {

    public RepositorySpec {
        teams = List.copyOf(teams);
    }
}
