package dev.fluxboot.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code export}: Flux objects of one kind as YAML that {@code kubectl apply} takes back, one by name or
 * all of a namespace (or of all namespaces).
 */
public final class ExportSpec {

    private final ClusterAccess cluster;
    private final String kind;
    private final String namespace;
    private final Optional<String> name;
    private final boolean allNamespaces;
    private final boolean withCredentials;
    private final Duration timeout;

    private ExportSpec(Builder builder) {
        this.cluster = builder.cluster;
        this.kind = builder.kind;
        this.namespace = builder.namespace;
        this.name = builder.name;
        this.allNamespaces = builder.allNamespaces;
        this.withCredentials = builder.withCredentials;
        this.timeout = builder.timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** @param kind a Flux kind, e.g. {@code GitRepository}, {@code Kustomization}, {@code HelmRelease} */
    public static Builder builder(String kind) {
        return new Builder(Objects.requireNonNull(kind, "kind"));
    }

    public ClusterAccess cluster() {
        return cluster;
    }

    public String kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    /** One object; empty for all of the namespace (or of all namespaces). */
    public Optional<String> name() {
        return name;
    }

    public boolean allNamespaces() {
        return allNamespaces;
    }

    /** Sources: the Secret their {@code spec.secretRef} names, too. */
    public boolean withCredentials() {
        return withCredentials;
    }

    public static final class Builder {
        private final String kind;
        private ClusterAccess cluster = ClusterAccess.defaults();
        private String namespace = "flux-system";
        private Optional<String> name = Optional.empty();
        private boolean allNamespaces;
        private boolean withCredentials;
        private Duration timeout = Duration.ofMinutes(5);

        private Builder(String kind) {
            this.kind = kind;
        }

        public Builder cluster(ClusterAccess value) {
            cluster = Objects.requireNonNull(value, "cluster");
            return this;
        }

        public Builder namespace(String value) {
            namespace = Objects.requireNonNull(value, "namespace");
            return this;
        }

        public Builder name(String value) {
            name = Optional.ofNullable(value).filter(n -> !n.isEmpty());
            return this;
        }

        public Builder allNamespaces(boolean value) {
            allNamespaces = value;
            return this;
        }

        public Builder withCredentials(boolean value) {
            withCredentials = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        public ExportSpec build() {
            return new ExportSpec(this);
        }
    }
}
