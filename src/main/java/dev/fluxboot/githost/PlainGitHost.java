package dev.fluxboot.githost;

import dev.fluxboot.git.GitUrl;

import java.util.List;

/**
 * {@code bootstrap git}: a Git server without an API. The repository is the one the URL names,
 * as it is; nothing is created, reconciled or registered (the user registers the public key
 * the bootstrap prints), so every call returns no changes.
 */
public final class PlainGitHost implements GitHost {

    private final String url;
    private final GitUrl parsed;

    /** @param url {@code --url}: {@code ssh://}, {@code https://} or {@code http://} */
    public PlainGitHost(String url) {
        this.parsed = GitUrl.parse(url);
        this.url = url.strip();
    }

    @Override
    public String name() {
        return "git";
    }

    /**
     * The repository at the URL: clone, push and sync all use the URL as given; owner and name
     * are read from its path ({@code /org/sub/repo.git} is owner {@code org/sub}, name {@code repo}).
     * The default branch is the one asked for: without an API there is no other to know.
     */
    @Override
    public RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun) {
        String path = parsed.path();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        int slash = path.lastIndexOf('/');
        String owner = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        return new RepositoryResult(new RemoteRepository(owner, name, url, url, spec.defaultBranch()), List.of());
    }

    /** Without an API nothing can be registered: no changes. */
    @Override
    public List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun) {
        return List.of();
    }

    /** Without an API nothing can be deleted: no changes. */
    @Override
    public List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun) {
        return List.of();
    }
}
