package dev.fluxboot.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An uninstall: Flux's controllers, custom resources (their finalizers first), CRDs and, unless kept,
 * namespace; and with {@link Builder#fromGit} the cluster's folder in the repository it was
 * bootstrapped from (on a forge, its deploy key too). Other clusters' folders and keys stay.
 */
public final class UninstallSpec {

    private final ClusterAccess cluster;
    private final String namespace;
    private final boolean keepNamespace;
    private final boolean silent;
    private final boolean dryRun;
    private final Duration timeout;
    private final Optional<FromGit> fromGit;

    private UninstallSpec(Builder builder) {
        this.cluster = builder.cluster;
        this.namespace = builder.namespace;
        this.keepNamespace = builder.keepNamespace;
        this.silent = builder.silent;
        this.dryRun = builder.dryRun;
        this.timeout = builder.timeout;
        this.fromGit = builder.fromGit;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClusterAccess cluster() {
        return cluster;
    }

    public String namespace() {
        return namespace;
    }

    public boolean keepNamespace() {
        return keepNamespace;
    }

    /** {@code --silent}: do not ask (without it, and without a terminal, the uninstall refuses to start). */
    public boolean silent() {
        return silent;
    }

    /** Every request as a server-side dry run, the Git removal as a diff: nothing changes. */
    public boolean dryRun() {
        return dryRun;
    }

    public Duration timeout() {
        return timeout;
    }

    public Optional<FromGit> fromGit() {
        return fromGit;
    }

    /**
     * Where the cluster was bootstrapped from: a plain Git URL or a forge repository, the branch and
     * path bootstrap was given, the source secret (its key reaches the repository when no key is given).
     */
    public static final class FromGit {
        private final Optional<String> url;
        private final Optional<ForgeRepository> forge;
        private final String branch;
        private final String path;
        private final String secretName;
        private final GitCredentials credentials;
        private final CommitOptions commits;
        private final boolean keepFolder;

        private FromGit(FromGitBuilder builder) {
            this.keepFolder = builder.keepFolder;
            this.url = builder.url;
            this.forge = builder.forge;
            this.branch = builder.branch;
            this.path = builder.path;
            this.secretName = builder.secretName;
            this.credentials = builder.credentials;
            this.commits = builder.commits;
        }

        public static FromGitBuilder builder() {
            return new FromGitBuilder();
        }

        public Optional<String> url() {
            return url;
        }

        public Optional<ForgeRepository> forge() {
            return forge;
        }

        public String branch() {
            return branch;
        }

        public String path() {
            return path;
        }

        public String secretName() {
            return secretName;
        }

        public GitCredentials credentials() {
            return credentials;
        }

        public CommitOptions commits() {
            return commits;
        }

        /** On a forge: delete only the cluster's deploy key and keep its folder in the repository. */
        public boolean keepFolder() {
            return keepFolder;
        }
    }

    public static final class FromGitBuilder {
        private Optional<String> url = Optional.empty();
        private Optional<ForgeRepository> forge = Optional.empty();
        private String branch = "main";
        private String path = "";
        private String secretName = "flux-system";
        private GitCredentials credentials = GitCredentials.defaults();
        private CommitOptions commits = CommitOptions.defaults();
        private boolean keepFolder;

        private FromGitBuilder() {
        }

        /** On a forge: delete only the cluster's deploy key, keep its folder (Terraform's {@code delete_git_manifests = false}). */
        public FromGitBuilder keepFolder(boolean value) {
            keepFolder = value;
            return this;
        }

        public FromGitBuilder url(String value) {
            url = Optional.ofNullable(value).map(String::strip).filter(u -> !u.isEmpty());
            return this;
        }

        public FromGitBuilder forge(ForgeRepository value) {
            forge = Optional.ofNullable(value);
            return this;
        }

        public FromGitBuilder branch(String value) {
            branch = Objects.requireNonNull(value, "branch");
            return this;
        }

        public FromGitBuilder path(String value) {
            path = value == null ? "" : value;
            return this;
        }

        public FromGitBuilder secretName(String value) {
            secretName = Objects.requireNonNull(value, "secretName");
            return this;
        }

        public FromGitBuilder credentials(GitCredentials value) {
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        public FromGitBuilder commits(CommitOptions value) {
            commits = Objects.requireNonNull(value, "commits");
            return this;
        }

        public FromGit build() {
            return new FromGit(this);
        }
    }

    public static final class Builder {
        private ClusterAccess cluster = ClusterAccess.defaults();
        private String namespace = "flux-system";
        private boolean keepNamespace;
        private boolean silent;
        private boolean dryRun;
        private Duration timeout = Duration.ofMinutes(5);
        private Optional<FromGit> fromGit = Optional.empty();

        private Builder() {
        }

        public Builder cluster(ClusterAccess value) {
            cluster = Objects.requireNonNull(value, "cluster");
            return this;
        }

        public Builder namespace(String value) {
            namespace = Objects.requireNonNull(value, "namespace");
            return this;
        }

        public Builder keepNamespace(boolean value) {
            keepNamespace = value;
            return this;
        }

        public Builder silent(boolean value) {
            silent = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        public Builder fromGit(FromGit value) {
            fromGit = Optional.ofNullable(value);
            return this;
        }

        public UninstallSpec build() {
            return new UninstallSpec(this);
        }
    }
}
