package dev.fluxboot.terraform;

import java.util.Optional;

/**
 * The seam between the Terraform provider and fluxboot's engine: what a
 * {@code fluxboot_bootstrap_git} resource does, in typed values. The provider decodes
 * Terraform's values, validates them, plans (defaults, unknowns, replacement) and calls this;
 * an implementation runs the engine's bootstrap, upgrade, uninstall and reads.
 *
 * <p>Every method runs under an {@link Operation}: its timeout (the resource's {@code timeouts}
 * or flux_bootstrap_git's default) and the provider's {@link StopSignal} (Terraform's
 * StopProvider, Ctrl-C): an implementation stops at the next safe point once it trips, with
 * {@link StopSignal.Stopped}. A failure is a {@link dev.fluxboot.FluxbootException} whose
 * one-line message Terraform shows as the error; it never holds a secret. The
 * {@link ProviderConfig} is always {@link ProviderConfig#isConfigured() configured}.
 */
public interface BootstrapBackend {

    /** {@code terraform apply} of a new resource: the bootstrap. */
    BootstrapOutcome create(ProviderConfig provider, BootstrapGitSettings settings, Operation operation);

    /**
     * Refresh, before every plan: the managed files as they are in the repository now (only
     * those of {@code state}'s {@link BootstrapGitState#repositoryFiles()} that still exist; a file
     * whose content differs is drift, which the plan then repairs) and whether Flux is healthy in
     * the cluster (when not, a warning, and gotk-sync.yaml reported as empty so that the plan
     * repairs it, as flux_bootstrap_git does). Empty when the bootstrap is gone altogether: Terraform
     * then plans to create it again.
     */
    Optional<BootstrapOutcome> read(ProviderConfig provider, BootstrapGitState state, Operation operation);

    /**
     * The plan of a change to an existing resource (after {@link #read}): the files the
     * repository will hold for it after {@link #update}, or {@link PlannedFiles#knownAfterApply()}
     * when they cannot be known before (e.g. {@code version = "latest"}). Writes nothing.
     */
    PlannedFiles plan(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned, Operation operation);

    /**
     * {@code terraform apply} of a changed resource: the upgrade or repair (one commit, then the
     * cluster). {@code plannedFiles} is what {@link #plan} returned; when known, the outcome's
     * repository files must be exactly those (Terraform rejects any other result).
     */
    BootstrapOutcome update(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                            PlannedFiles plannedFiles, Operation operation);

    /**
     * {@code terraform destroy}: uninstall Flux from the cluster (keeping the namespace with
     * {@code keep_namespace}) and, with {@code delete_git_manifests}, remove this resource's
     * files from the repository and nothing else; on a forge, delete the
     * cluster's deploy key (either way), never the repository.
     */
    void delete(ProviderConfig provider, BootstrapGitState state, Operation operation);

    /** {@code terraform import fluxboot_bootstrap_git.NAME ID}: adopt a cluster bootstrapped into namespace {@code id}. */
    ImportedBootstrap importBootstrap(ProviderConfig provider, String id, Operation operation);
}
