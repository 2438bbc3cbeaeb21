package dev.fluxboot.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** {@code check}: the prerequisites ({@code pre}) or the whole installation. */
public final class CheckSpec {

    private final ClusterAccess cluster;
    private final String namespace;
    private final boolean pre;
    private final Optional<String> version;
    private final Duration timeout;

    private CheckSpec(Builder builder) {
        this.cluster = builder.cluster;
        this.namespace = builder.namespace;
        this.pre = builder.pre;
        this.version = builder.version;
        this.timeout = builder.timeout;
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

    /** Only the prerequisites (Kubernetes version, permissions). */
    public boolean pre() {
        return pre;
    }

    /** The release whose Kubernetes requirement is checked; empty: the installed one (with pre: the default). */
    public Optional<String> version() {
        return version;
    }

    public Duration timeout() {
        return timeout;
    }

    public static final class Builder {
        private ClusterAccess cluster = ClusterAccess.defaults();
        private String namespace = "flux-system";
        private boolean pre;
        private Optional<String> version = Optional.empty();
        private Duration timeout = Duration.ofMinutes(5);

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

        public Builder pre(boolean value) {
            pre = value;
            return this;
        }

        public Builder version(String value) {
            version = Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        public CheckSpec build() {
            return new CheckSpec(this);
        }
    }
}
