package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.bundle.BundleLocator;
import dev.fluxboot.manifests.overlay.ComponentsGenerator;

/** The collaborators the install steps use: where bundles come from, the overlay, the cluster. */
public record InstallServices(BundleLocator bundles, ComponentsGenerator generator, ClusterConnector clusters) {
}
