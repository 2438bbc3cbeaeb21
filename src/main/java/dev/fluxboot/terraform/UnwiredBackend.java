package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;

import java.util.Optional;

/**
 * The backend until the provider is wired to fluxboot's engine: every operation fails with one
 * clear line, while validation and planning of what needs no backend work.
 */
final class UnwiredBackend implements BootstrapBackend {

    private static FluxbootException notWired() {
        return new FluxbootException("this fluxboot build's Terraform provider cannot bootstrap yet (not wired to "
                + "the engine): use 'fluxboot bootstrap git' for now");
    }

    @Override
    public BootstrapOutcome create(ProviderConfig provider, BootstrapGitSettings settings, Operation operation) {
        throw notWired();
    }

    @Override
    public Optional<BootstrapOutcome> read(ProviderConfig provider, BootstrapGitState state, Operation operation) {
        throw notWired();
    }

    @Override
    public PlannedFiles plan(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                             Operation operation) {
        throw notWired();
    }

    @Override
    public BootstrapOutcome update(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                                   PlannedFiles plannedFiles, Operation operation) {
        throw notWired();
    }

    @Override
    public void delete(ProviderConfig provider, BootstrapGitState state, Operation operation) {
        throw notWired();
    }

    @Override
    public ImportedBootstrap importBootstrap(ProviderConfig provider, String id, Operation operation) {
        throw notWired();
    }
}
