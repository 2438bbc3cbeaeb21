package dev.fluxboot.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository on a forge, reached with an API token: created when missing, given the visibility and
 * team access asked for, and given the cluster's deploy key. The tool clones and pushes over HTTPS
 * with the token.
 */
public final class ForgeRepository {

    private final ForgeType forge;
    private final Secret token;
    private final String owner;
    private final String name;
    private final boolean personal;
    private final String visibility;
    private final String hostname;
    private final Optional<String> apiUrl;
    private final Optional<Path> caFile;
    private final List<String> teams;
    private final boolean reconcile;
    private final boolean readWriteKey;
    private final boolean deployTokenAuth;
    private final String username;

    private ForgeRepository(Builder builder) {
        this.forge = builder.forge;
        this.token = Objects.requireNonNull(builder.token, "token");
        this.owner = builder.owner;
        this.name = builder.name;
        this.personal = builder.personal;
        this.visibility = builder.visibility;
        this.hostname = builder.hostname.orElse(builder.forge.defaultHostname());
        this.apiUrl = builder.apiUrl;
        this.caFile = builder.caFile;
        this.teams = List.copyOf(builder.teams);
        this.reconcile = builder.reconcile;
        this.readWriteKey = builder.readWriteKey;
        this.deployTokenAuth = builder.deployTokenAuth;
        this.username = builder.username;
    }

    public static Builder builder(ForgeType forge) {
        return new Builder(Objects.requireNonNull(forge, "forge"));
    }

    public ForgeType forge() {
        return forge;
    }

    /** The API token ({@code GITHUB_TOKEN}, ...), also the Git password over HTTPS. */
    public Secret token() {
        return token;
    }

    /** {@code --owner}: user, organization, group path or Bitbucket project key. */
    public String owner() {
        return owner;
    }

    /** {@code --repository}. */
    public String name() {
        return name;
    }

    /** {@code --personal}: the owner is the token's user. */
    public boolean personal() {
        return personal;
    }

    /** {@code private}, {@code internal} (GitLab) or {@code public}. */
    public String visibility() {
        return visibility;
    }

    /** {@code --hostname}: the forge's host (default per forge). */
    public String hostname() {
        return hostname;
    }

    /** {@code --api-url}: a full API base URL, when it is not the one the host name implies. */
    public Optional<String> apiUrl() {
        return apiUrl;
    }

    /** {@code --ca-file}, for the API calls and the HTTPS clone. */
    public Optional<Path> caFile() {
        return caFile;
    }

    /** {@code --team} (GitHub, GitLab, Gitea) or {@code --group} (Bitbucket Server), each {@code name[:permission]}. */
    public List<String> teams() {
        return teams;
    }

    /** {@code --reconcile}: bring an existing repository's settings to these. */
    public boolean reconcile() {
        return reconcile;
    }

    public boolean readWriteKey() {
        return readWriteKey;
    }

    /** {@code --deploy-token-auth} (GitLab): the cluster syncs with a project deploy token. */
    public boolean deployTokenAuth() {
        return deployTokenAuth;
    }

    /** {@code -u/--username} (Bitbucket Server). */
    public String username() {
        return username;
    }

    @Override
    public String toString() {
        return "ForgeRepository[" + forge + " " + hostname + "/" + owner + "/" + name + ", token=***]";
    }

    public static final class Builder {
        private final ForgeType forge;
        private Secret token;
        private String owner = "";
        private String name = "";
        private boolean personal;
        private String visibility = "private";
        private Optional<String> hostname = Optional.empty();
        private Optional<String> apiUrl = Optional.empty();
        private Optional<Path> caFile = Optional.empty();
        private List<String> teams = List.of();
        private boolean reconcile;
        private boolean readWriteKey;
        private boolean deployTokenAuth;
        private String username = "git";

        private Builder(ForgeType forge) {
            this.forge = forge;
        }

        public Builder token(Secret value) {
            token = Objects.requireNonNull(value, "token");
            return this;
        }

        public Builder owner(String value) {
            owner = value == null ? "" : value.strip();
            return this;
        }

        public Builder name(String value) {
            name = value == null ? "" : value.strip();
            return this;
        }

        public Builder personal(boolean value) {
            personal = value;
            return this;
        }

        public Builder visibility(String value) {
            visibility = Objects.requireNonNull(value, "visibility");
            return this;
        }

        /**
         * The visibility {@code --private} and GitLab's {@code --visibility} ask for: {@code --private=false}
         * makes the repository public (on GitLab too, where that flag is deprecated), else {@code visibility}
         * (blank: private). The one rule of the command line and the Terraform resources.
         */
        public Builder visibility(boolean privateRepository, String visibility) {
            if (!privateRepository) {
                return visibility("public");
            }
            return visibility(visibility == null || visibility.isBlank() ? "private" : visibility.strip());
        }

        /** Blank means the forge's default host. */
        public Builder hostname(String value) {
            hostname = Optional.ofNullable(value).map(String::strip).filter(h -> !h.isEmpty());
            return this;
        }

        public Builder apiUrl(String value) {
            apiUrl = Optional.ofNullable(value).map(String::strip).filter(url -> !url.isEmpty());
            return this;
        }

        public Builder caFile(Path value) {
            caFile = Optional.ofNullable(value);
            return this;
        }

        public Builder teams(List<String> value) {
            teams = Objects.requireNonNull(value, "teams");
            return this;
        }

        public Builder reconcile(boolean value) {
            reconcile = value;
            return this;
        }

        public Builder readWriteKey(boolean value) {
            readWriteKey = value;
            return this;
        }

        public Builder deployTokenAuth(boolean value) {
            deployTokenAuth = value;
            return this;
        }

        public Builder username(String value) {
            username = value == null || value.isBlank() ? "git" : value.strip();
            return this;
        }

        public ForgeRepository build() {
            return new ForgeRepository(this);
        }
    }
}
