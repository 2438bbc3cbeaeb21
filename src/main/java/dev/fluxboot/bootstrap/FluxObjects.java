package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ResourceType;

/** The objects the bootstrap reads, at the API versions gotk-sync.yaml writes them. */
final class FluxObjects {

    static final ResourceType GIT_REPOSITORY = new ResourceType("source.toolkit.fluxcd.io", "v1", "GitRepository",
            "gitrepositories");
    static final ResourceType KUSTOMIZATION = new ResourceType("kustomize.toolkit.fluxcd.io", "v1", "Kustomization",
            "kustomizations");

    private FluxObjects() {
    }
}
