package dev.fluxboot.cli;

import dev.fluxboot.api.ClusterAccess;

import java.time.Duration;

/**
 * The flags every command takes, like the Flux CLI's persistent flags, as one value.
 *
 * @param cluster   {@code --kubeconfig}, {@code --context} and the connection flags ({@code --server},
 *                  {@code --token}, {@code --as} ...)
 * @param namespace {@code -n/--namespace} (or the context's, with {@code --ns-follows-kube-context}), a DNS label
 * @param timeout   {@code --timeout}
 * @param verbose   {@code --verbose}
 */
public record GlobalOptions(ClusterAccess cluster, String namespace, Duration timeout, boolean verbose) {
}
