package dev.fluxboot.bootstrap;

import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.githost.RepositorySpec;

import java.util.Objects;
import java.util.Optional;

/**
 * What an uninstall was asked to do, checked already.
 *
 * @param namespace     the Flux namespace
 * @param keepNamespace {@code --keep-namespace}
 * @param silent        {@code -s/--silent}: do not ask
 * @param fromGit       {@code --from-git}: also remove the cluster's folder from the repository it was bootstrapped from
 */
public record UninstallRequest(String namespace, boolean keepNamespace, boolean silent, Optional<FromGit> fromGit) {

    public UninstallRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(fromGit, "fromGit");
    }

    /**
     * The cluster's folder in the repository, and the removal commit.
     *
     * @param folder {@code <path>/<namespace>}
     * @param branch the branch bootstrap was given
     * @param commit author and message of the removal commit
     * @param plain  {@code --from-git git}: how the tool reaches the repository; empty for a forge
     * @param forge  {@code --from-git <forge>}: the repository on the forge and the cluster's deploy key; empty for git
     */
    public record FromGit(String folder, String branch, CommitDetails commit, Optional<PlainRemote> plain,
                          Optional<ForgeRemoval> forge) {

        public FromGit {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(plain, "plain");
            Objects.requireNonNull(forge, "forge");
        }
    }

    /**
     * {@code --from-git git}: the repository URL and credentials; over SSH the key is
     * {@code --private-key-file}, else the source secret's (read before the uninstall deletes it).
     *
     * @param auth       user, password, key, CA, insecure http (the cluster-side fields are not used)
     * @param secretName the source secret whose key and known_hosts a missing key file falls back to
     */
    public record PlainRemote(String url, SourceAuth auth, String secretName) {

        public PlainRemote {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(secretName, "secretName");
        }
    }

    /**
     * {@code --from-git <forge>}: the forge finds the repository; the tool pushes over HTTPS with the token.
     *
     * @param spec           owner, name, personal and branch of the repository; never reconciled
     * @param gitUsername    user name of Git over HTTPS with the token
     * @param deployKeyTitle Flux's title of the cluster's deploy key
     * @param keepFolder     delete only the deploy key, keep the cluster's folder (Terraform's
     *                       {@code delete_git_manifests = false})
     */
    public record ForgeRemoval(RepositorySpec spec, String gitUsername, String deployKeyTitle, boolean keepFolder) {

        public ForgeRemoval {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(gitUsername, "gitUsername");
            Objects.requireNonNull(deployKeyTitle, "deployKeyTitle");
        }

        /** The folder and the deploy key, as {@code uninstall --from-git <forge>}. */
        public ForgeRemoval(RepositorySpec spec, String gitUsername, String deployKeyTitle) {
            this(spec, gitUsername, deployKeyTitle, false);
        }
    }
}
