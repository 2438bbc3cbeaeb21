package dev.fluxboot.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code migrate}: Flux's custom resources moved to the API versions a release serves. In the cluster
 * (the default): the stored objects of each CRD rewritten in its storage version and the old versions
 * trimmed from {@code status.storedVersions}. In files ({@link Builder#path}): the {@code apiVersion} of
 * Flux objects in YAML files rewritten, every other byte kept.
 */
public final class MigrateSpec {

    public static final List<String> DEFAULT_EXTENSIONS = List.of(".yaml", ".yml");

    private final ClusterAccess cluster;
    private final Optional<Path> path;
    private final Optional<List<String>> extensions;
    private final Optional<String> version;
    private final Optional<Path> manifests;
    private final Duration timeout;

    private MigrateSpec(Builder builder) {
        this.cluster = builder.cluster;
        this.path = builder.path;
        this.extensions = builder.extensions;
        this.version = builder.version;
        this.manifests = builder.manifests;
        this.timeout = builder.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClusterAccess cluster() {
        return cluster;
    }

    /** {@code -f}: a file or folder of manifests; empty for the cluster. */
    public Optional<Path> path() {
        return path;
    }

    /** {@code --extensions} of the files to look at (with {@link #path()}); empty: {@link #DEFAULT_EXTENSIONS}. */
    public Optional<List<String>> extensions() {
        return extensions;
    }

    /**
     * {@code --version}: the release whose API versions the objects move to; empty: in the cluster, the
     * storage versions its CRDs have; in files, the release fluxboot installs by default.
     */
    public Optional<String> version() {
        return version;
    }

    /** {@code --manifests}: that release's bundle, a folder or {@code manifests.tar.gz}. */
    public Optional<Path> manifests() {
        return manifests;
    }

    public Duration timeout() {
        return timeout;
    }

    public static final class Builder {
        private ClusterAccess cluster = ClusterAccess.defaults();
        private Optional<Path> path = Optional.empty();
        private Optional<List<String>> extensions = Optional.empty();
        private Optional<String> version = Optional.empty();
        private Optional<Path> manifests = Optional.empty();
        private Duration timeout = Duration.ofMinutes(5);

        private Builder() {
        }

        public Builder cluster(ClusterAccess value) {
            cluster = Objects.requireNonNull(value, "cluster");
            return this;
        }

        public Builder path(Path value) {
            path = Optional.ofNullable(value);
            return this;
        }

        public Builder extensions(List<String> value) {
            extensions = Optional.ofNullable(value).filter(list -> !list.isEmpty()).map(List::copyOf);
            return this;
        }

        public Builder version(String value) {
            version = Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
            return this;
        }

        public Builder manifests(Path value) {
            manifests = Optional.ofNullable(value);
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        public MigrateSpec build() {
            return new MigrateSpec(this);
        }
    }
}
