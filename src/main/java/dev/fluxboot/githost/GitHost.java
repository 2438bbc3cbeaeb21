package dev.fluxboot.githost;

import java.util.List;

/**
 * The one door to a Git hosting service's API (GitHub, GitLab, Gitea, Bitbucket Server), and
 * to a plain Git server that has none. The bootstrap calls it for step 1 (the repository)
 * and for the deploy-key half of step 6.
 */
public interface GitHost {

    /** e.g. "github", "gitlab", "gitea", "bitbucket-server", "git". */
    String name();

    /**
     * Gets the repository, creates it when missing, grants missing team access (a failure
     * there is a warning through the returned changes, not an exception) and, when
     * {@link RepositorySpec#reconcile()} is set, brings visibility, description and default
     * branch to what was asked. With {@code dryRun} nothing is changed and the changes that
     * would be made are returned.
     */
    RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun);

    /**
     * Makes sure the repository holds a deploy key with this title and public key: an
     * existing key with the title and the same key is kept, one with another key is replaced,
     * keys with other titles are never touched.
     */
    List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun);

    /** Deletes the deploy key with this title, if any (for {@code uninstall --from-git}). */
    List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun);
}
