package dev.fluxboot.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Kubernetes cluster, as whom: a kubeconfig and one of its contexts, found as kubectl finds
 * them ({@code KUBECONFIG}, else {@code ~/.kube/config}, else the in-cluster service account).
 */
public final class ClusterAccess {

    private final Optional<Path> kubeconfig;
    private final Optional<String> context;

    private ClusterAccess(Builder builder) {
        this.kubeconfig = builder.kubeconfig;
        this.context = builder.context;
    }

    /** The current context of KUBECONFIG or ~/.kube/config. */
    public static ClusterAccess defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Path> kubeconfig() {
        return kubeconfig;
    }

    public Optional<String> context() {
        return context;
    }

    @Override
    public String toString() {
        return "ClusterAccess[kubeconfig=" + kubeconfig.map(Path::toString).orElse("default") + ", context="
                + context.orElse("current") + "]";
    }

    public static final class Builder {
        private Optional<Path> kubeconfig = Optional.empty();
        private Optional<String> context = Optional.empty();

        private Builder() {
        }

        /** {@code --kubeconfig}. */
        public Builder kubeconfig(Path value) {
            kubeconfig = Optional.of(Objects.requireNonNull(value, "kubeconfig"));
            return this;
        }

        /** {@code --context}; blank means the kubeconfig's current context. */
        public Builder context(String value) {
            context = Optional.ofNullable(value).map(String::strip).filter(name -> !name.isEmpty());
            return this;
        }

        public ClusterAccess build() {
            return new ClusterAccess(this);
        }
    }
}
