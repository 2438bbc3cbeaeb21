package dev.fluxboot.cluster;

import java.util.Optional;

/**
 * What the Flux CRDs in a cluster say about who installed Flux.
 *
 * @param installed              any Flux CRD is present
 * @param version                {@code app.kubernetes.io/version} of the CRDs, if labelled
 * @param bootstrapKustomization {@code <namespace>/<name>} from the CRD labels
 *                               {@code kustomize.toolkit.fluxcd.io/namespace} and {@code /name}:
 *                               Flux manages itself from Git
 * @param managedBy              {@code app.kubernetes.io/managed-by} (e.g. Helm): another tool owns it
 */
public record FluxInstallation(boolean installed, Optional<String> version,
                               Optional<String> bootstrapKustomization, Optional<String> managedBy) {

    public static FluxInstallation none() {
        return new FluxInstallation(false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
