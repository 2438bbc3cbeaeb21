package dev.fluxboot.cli;

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
}
