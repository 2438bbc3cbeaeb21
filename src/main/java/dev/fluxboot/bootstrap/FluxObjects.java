package dev.fluxboot.bootstrap;

/** The Flux kinds the bootstrap reads, at the API versions gotk-sync.yaml writes. */
final class FluxObjects {

    static final String GIT_REPOSITORY_API = "source.toolkit.fluxcd.io/v1";
    static final String GIT_REPOSITORY = "GitRepository";
    static final String KUSTOMIZATION_API = "kustomize.toolkit.fluxcd.io/v1";
    static final String KUSTOMIZATION = "Kustomization";

    private FluxObjects() {
    }
}
