package dev.fluxboot.api;

import java.time.Duration;
import java.util.Objects;

/**
 * An install (or its dry run, or its export): which cluster, which namespace, which release and options.
 */
public final class InstallSpec {

    private final ClusterAccess cluster;
    private final String namespace;
    private final Components components;
    private final Duration timeout;
    private final boolean force;

    private InstallSpec(Builder builder) {
        this.cluster = builder.cluster;
        this.namespace = builder.namespace;
        this.components = builder.components;
        this.timeout = builder.timeout;
        this.force = builder.force;
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

    public Components components() {
        return components;
    }

    /** {@code --timeout}: for the whole run. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code --force}: take over a Flux another tool (Helm) installed, without asking. */
    public boolean force() {
        return force;
    }

    @Override
    public String toString() {
        return "InstallSpec[cluster=" + cluster + ", namespace=" + namespace + ", components=" + components + "]";
    }

    public static final class Builder {
        private ClusterAccess cluster = ClusterAccess.defaults();
        private String namespace = "flux-system";
        private Components components = Components.defaults();
        private Duration timeout = Duration.ofMinutes(5);
        private boolean force;

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

        public Builder components(Components value) {
            components = Objects.requireNonNull(value, "components");
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public InstallSpec build() {
            return new InstallSpec(this);
        }
    }
}
