package dev.fluxboot.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bootstrap: Flux's manifests into {@code <path>/<namespace>/} of a branch, the controllers into the
 * cluster, the source secret and (on a forge) the deploy key, then a wait until Flux reconciles itself.
 * The repository is either a plain Git URL ({@link Builder#url}) or a repository on a forge
 * ({@link Builder#forge}).
 */
public final class BootstrapSpec {

    private final InstallSpec install;
    private final Optional<String> url;
    private final Optional<ForgeRepository> forge;
    private final String branch;
    private final String path;
    private final Duration interval;
    private final boolean recurseSubmodules;
    private final List<String> sparseCheckout;
    private final String secretName;
    private final GitCredentials credentials;
    private final CommitOptions commits;
    private final boolean silent;
    private final Optional<Path> kustomizeBinary;
    private final Optional<String> kustomizationOverride;
    private final boolean sourceSecretProvided;

    private BootstrapSpec(Builder builder) {
        this.install = builder.install;
        this.url = builder.url;
        this.forge = builder.forge;
        this.branch = builder.branch;
        this.path = builder.path;
        this.interval = builder.interval;
        this.recurseSubmodules = builder.recurseSubmodules;
        this.sparseCheckout = builder.sparseCheckout;
        this.secretName = builder.secretName;
        this.credentials = builder.credentials;
        this.commits = builder.commits;
        this.silent = builder.silent;
        this.kustomizeBinary = builder.kustomizeBinary;
        this.kustomizationOverride = builder.kustomizationOverride;
        this.sourceSecretProvided = builder.sourceSecretProvided;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Cluster, namespace, release and install options, timeout, {@code --force}. */
    public InstallSpec install() {
        return install;
    }

    /** {@code --url} of {@code bootstrap git}; empty for a forge. */
    public Optional<String> url() {
        return url;
    }

    /** The repository on a forge; empty for plain Git. */
    public Optional<ForgeRepository> forge() {
        return forge;
    }

    public String branch() {
        return branch;
    }

    /** {@code --path}: the folder of the cluster, relative to the repository root. */
    public String path() {
        return path;
    }

    /** {@code --interval} of the GitRepository. */
    public Duration interval() {
        return interval;
    }

    public boolean recurseSubmodules() {
        return recurseSubmodules;
    }

    /**
     * {@code --sparse-checkout}: the folders the GitRepository checks out (its {@code spec.sparseCheckout});
     * empty: the whole repository. {@link #path()} must be one of them or inside one.
     */
    public List<String> sparseCheckout() {
        return sparseCheckout;
    }

    /** {@code --secret-name}: the source secret the GitRepository authenticates with. */
    public String secretName() {
        return secretName;
    }

    public GitCredentials credentials() {
        return credentials;
    }

    public CommitOptions commits() {
        return commits;
    }

    /** {@code --silent}: do not ask whether a new key has been given access. */
    public boolean silent() {
        return silent;
    }

    /**
     * {@code --kustomize-bin}: the kustomize (or kubectl) that builds the fields of the folder's
     * kustomization.yaml fluxboot does not build itself; empty: the kustomize, else kubectl, on {@code PATH}.
     */
    public Optional<Path> kustomizeBinary() {
        return kustomizeBinary;
    }

    /**
     * The folder's kustomization.yaml as the caller wrote it (Terraform's {@code kustomization_override});
     * empty: one is generated when the folder has none, and the user's is kept.
     */
    public Optional<String> kustomizationOverride() {
        return kustomizationOverride;
    }

    /**
     * The source secret {@link #secretName()} is the caller's (Terraform's {@code disable_secret_creation}):
     * the bootstrap requires it to exist and never writes it.
     */
    public boolean sourceSecretProvided() {
        return sourceSecretProvided;
    }

    @Override
    public String toString() {
        return "BootstrapSpec[" + forge.map(ForgeRepository::toString).orElse(url.orElse("")) + ", branch=" + branch
                + ", path=" + path + ", " + install + "]";
    }

    public static final class Builder {
        private InstallSpec install = InstallSpec.builder().build();
        private Optional<String> url = Optional.empty();
        private Optional<ForgeRepository> forge = Optional.empty();
        private String branch = "main";
        private String path = "";
        private Duration interval = Duration.ofMinutes(1);
        private boolean recurseSubmodules;
        private List<String> sparseCheckout = List.of();
        private String secretName = "flux-system";
        private GitCredentials credentials = GitCredentials.defaults();
        private CommitOptions commits = CommitOptions.defaults();
        private boolean silent;
        private Optional<Path> kustomizeBinary = Optional.empty();
        private Optional<String> kustomizationOverride = Optional.empty();
        private boolean sourceSecretProvided;

        private Builder() {
        }

        public Builder install(InstallSpec value) {
            install = Objects.requireNonNull(value, "install");
            return this;
        }

        /** A plain Git repository, e.g. {@code ssh://git@git.example.com/org/fleet.git}. */
        public Builder url(String value) {
            url = Optional.ofNullable(value).map(String::strip).filter(u -> !u.isEmpty());
            return this;
        }

        public Builder forge(ForgeRepository value) {
            forge = Optional.ofNullable(value);
            return this;
        }

        public Builder branch(String value) {
            branch = value == null ? "" : value.strip();
            return this;
        }

        public Builder path(String value) {
            path = value == null ? "" : value;
            return this;
        }

        public Builder interval(Duration value) {
            interval = Objects.requireNonNull(value, "interval");
            return this;
        }

        public Builder recurseSubmodules(boolean value) {
            recurseSubmodules = value;
            return this;
        }

        /** The folders of {@code --sparse-checkout}, as given; {@code null} or empty: none. */
        public Builder sparseCheckout(List<String> value) {
            sparseCheckout = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        public Builder secretName(String value) {
            secretName = value == null ? "" : value;
            return this;
        }

        public Builder credentials(GitCredentials value) {
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        public Builder commits(CommitOptions value) {
            commits = Objects.requireNonNull(value, "commits");
            return this;
        }

        public Builder silent(boolean value) {
            silent = value;
            return this;
        }

        public Builder kustomizeBinary(Path value) {
            kustomizeBinary = Optional.ofNullable(value);
            return this;
        }

        public Builder kustomizationOverride(String value) {
            kustomizationOverride = Optional.ofNullable(value).filter(text -> !text.isBlank());
            return this;
        }

        public Builder sourceSecretProvided(boolean value) {
            sourceSecretProvided = value;
            return this;
        }

        public BootstrapSpec build() {
            return new BootstrapSpec(this);
        }
    }
}
