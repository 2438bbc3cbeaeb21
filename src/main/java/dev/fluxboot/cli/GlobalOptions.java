package dev.fluxboot.cli;

import dev.fluxboot.api.ClusterAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The flags every command takes, like the Flux CLI's persistent flags, as one value.
 *
 * @param kubeconfig {@code --kubeconfig}; empty means KUBECONFIG or ~/.kube/config
 * @param context    {@code --context}; empty means the kubeconfig's current context
 * @param namespace  {@code -n/--namespace}, a DNS label
 * @param timeout    {@code --timeout}
 * @param verbose    {@code --verbose}
 */
public record GlobalOptions(Optional<Path> kubeconfig, Optional<String> context, String namespace,
                            Duration timeout, boolean verbose) {

    /** The cluster {@code --kubeconfig} and {@code --context} name. */
    public ClusterAccess cluster() {
        ClusterAccess.Builder cluster = ClusterAccess.builder();
        kubeconfig.ifPresent(cluster::kubeconfig);
        context.ifPresent(cluster::context);
        return cluster.build();
    }
}
