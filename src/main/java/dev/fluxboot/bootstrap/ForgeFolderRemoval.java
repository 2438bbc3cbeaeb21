package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code uninstall --from-git <forge>}: the repository is looked up on the forge (never created),
 * the cluster's Flux folder is removed in one commit over HTTPS with the token, as the bootstrap
 * clones, and the cluster's deploy key is deleted. Each part that fails is one line of the
 * returned list; the others still run.
 */
public final class ForgeFolderRemoval {

    /**
     * What to remove, and how the tool reaches the repository.
     *
     * @param spec           owner, name, personal and branch of the repository; never reconciled
     * @param gitUsername    user name of Git over HTTPS with the token
     * @param token          the forge token, also the Git password; never shown by {@link #toString()}
     * @param caPem          {@code --ca-file}'s certificates, or null
     * @param folder         {@code <path>/<namespace>}
     * @param commit         the removal commit's author and message
     * @param deployKeyTitle Flux's title of the cluster's deploy key
     */
    public record Target(RepositorySpec spec, String gitUsername, String token, String caPem, String folder,
                         CommitDetails commit, String deployKeyTitle) {

        public Target {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(gitUsername, "gitUsername");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(deployKeyTitle, "deployKeyTitle");
        }

        @Override
        public String toString() {
            return "Target[repository=" + spec.owner() + "/" + spec.name() + ", folder=" + folder
                    + ", deployKeyTitle=" + deployKeyTitle + ", token=***]";
        }
    }

    private ForgeFolderRemoval() {
    }

    /** @return the failures, one line each; empty when everything was (dry run: would be) removed */
    public static List<String> remove(GitHost host, Target target, boolean dryRun, Reporter reporter) {
        List<String> failures = new ArrayList<>();
        RemoteRepository repository;
        try {
            repository = existing(host, target.spec());
        } catch (FluxbootException e) {
            failures.add(e.getMessage());
            return failures;
        }
        try {
            GitRemote remote = new GitRemote(GitUrl.parse(repository.httpsCloneUrl()),
                    new GitAuth.Basic(target.gitUsername(), target.token()),
                    TransportOptions.defaults().withCaCertificates(target.caPem()));
            FluxFolderRemoval.remove(remote, target.spec().defaultBranch(), target.folder(), target.commit(), dryRun, reporter);
        } catch (FluxbootException e) {
            failures.add(e.getMessage());
        }
        try {
            deleteDeployKey(host, repository, target.deployKeyTitle(), dryRun, reporter);
        } catch (FluxbootException e) {
            failures.add(e.getMessage());
        }
        return failures;
    }

    /**
     * The repository as the host reports it. A dry run of step 1 without reconciling changes
     * nothing on an existing repository, so any change it lists means the repository is missing.
     */
    private static RemoteRepository existing(GitHost host, RepositorySpec spec) {
        RepositoryResult result = host.reconcileRepository(spec, true);
        if (!result.changes().isEmpty()) {
            throw new FluxbootException("repository " + spec.owner() + "/" + spec.name() + " was not found on the host: "
                    + "check --owner, --repository and --personal (nothing was removed from Git)");
        }
        return result.repository();
    }

    private static void deleteDeployKey(GitHost host, RemoteRepository repository, String title, boolean dryRun,
                                        Reporter reporter) {
        List<HostChange> changes = host.deleteDeployKey(repository, title, dryRun);
        if (changes.isEmpty()) {
            reporter.success("no deploy key \"" + title + "\" on \"" + repository.httpsCloneUrl() + "\": nothing to delete");
        }
        for (HostChange change : changes) {
            if (change.warning()) {
                throw new FluxbootException(change.description());
            }
            if (dryRun) {
                reporter.result(change.description());
            } else {
                reporter.success(change.description());
            }
        }
    }
}
