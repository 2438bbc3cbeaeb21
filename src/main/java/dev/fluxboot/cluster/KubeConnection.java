package dev.fluxboot.cluster;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cluster to talk to and as whom: the kubeconfig and its context, as kubectl and the Flux CLI
 * choose them ({@code --kubeconfig}, {@code KUBECONFIG}, {@code ~/.kube/config}, {@code --context}).
 */
public final class KubeConnection {

    private final Optional<Path> kubeconfig;
    private final Optional<String> context;

    private KubeConnection(Builder builder) {
        this.kubeconfig = builder.kubeconfig;
        this.context = builder.context.filter(name -> !name.isBlank());
    }

    /** KUBECONFIG or ~/.kube/config, its current context. */
    public static KubeConnection defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code --kubeconfig}; empty means KUBECONFIG, else ~/.kube/config, else the in-cluster account. */
    public Optional<Path> kubeconfig() {
        return kubeconfig;
    }

    /** {@code --context}; empty means the kubeconfig's current context. */
    public Optional<String> context() {
        return context;
    }

    @Override
    public String toString() {
        return "KubeConnection[kubeconfig=" + kubeconfig.map(Path::toString).orElse("") + ", context="
                + context.orElse("") + "]";
    }

    public static final class Builder {
        private Optional<Path> kubeconfig = Optional.empty();
        private Optional<String> context = Optional.empty();

        private Builder() {
        }

        public Builder kubeconfig(Optional<Path> value) {
            kubeconfig = Objects.requireNonNull(value, "kubeconfig");
            return this;
        }

        public Builder context(Optional<String> value) {
            context = Objects.requireNonNull(value, "context");
            return this;
        }

        public KubeConnection build() {
            return new KubeConnection(this);
        }
    }
}
