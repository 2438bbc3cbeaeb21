package dev.fluxboot.terraform;

import dev.fluxboot.CancelledException;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.api.BootstrapResult;
import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.api.BootstrapState;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.InstalledBootstrap;
import dev.fluxboot.api.UninstallResult;
import dev.fluxboot.api.UninstallSpec;
import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The provider's backend over fluxboot's engine, through the same {@link Fluxboot} API as the
 * command line: create and update are {@code bootstrap}, read is {@code inspect}, plan is
 * {@code repositoryFiles}, delete is {@code uninstall} (from Git with {@code delete_git_manifests}; on
 * a forge the deploy key is deleted either way),
 * import is {@code findBootstrap} then {@code inspect}. Terraform's StopProvider cancels the call in
 * flight. The engine's warnings become Terraform warnings; its progress is not shown (Terraform
 * shows its own).
 */
final class EngineBackend implements BootstrapBackend {

    private final Map<String, String> environment;

    EngineBackend(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public BootstrapOutcome create(ProviderConfig provider, BootstrapGitSettings settings, Operation operation) {
        return bootstrap(provider, settings, operation);
    }

    @Override
    public Optional<BootstrapOutcome> read(ProviderConfig provider, BootstrapGitState state, Operation operation) {
        BootstrapSpec spec = BootstrapSpecs.of(provider, state.settings(), operation.timeout());
        return call(operation, (fluxboot, cancellation) -> {
            BootstrapState current = fluxboot.engine().inspect(spec, cancellation);
            if (!current.installed() && current.repositoryFiles().isEmpty()) {
                return Optional.empty();
            }
            SortedMap<String, String> files = new TreeMap<>(current.repositoryFiles());
            List<String> warnings = new ArrayList<>(fluxboot.warnings());
            if (!current.healthy()) {
                // As flux_bootstrap_git: the plan then repairs the bootstrap (an update re-applies everything).
                String sync = spec.path().isEmpty() ? "" : spec.path() + "/";
                files.put(sync + state.id() + "/gotk-sync.yaml", "");
                warnings.add("Flux in namespace \"" + state.id() + "\" does not follow the repository ("
                        + (current.installed() ? String.join("; ", current.problems()) : "Flux is not installed")
                        + "): the plan repairs it");
            }
            return Optional.of(new BootstrapOutcome(state.id(), files, warnings));
        });
    }

    @Override
    public PlannedFiles plan(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                             Operation operation) {
        if (planned.version().equals("latest")) {
            return PlannedFiles.knownAfterApply();
        }
        BootstrapSpec spec = BootstrapSpecs.of(provider, planned, operation.timeout());
        return call(operation, (fluxboot, cancellation) ->
                PlannedFiles.known(fluxboot.engine().repositoryFiles(spec, cancellation)));
    }

    @Override
    public BootstrapOutcome update(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                                   PlannedFiles plannedFiles, Operation operation) {
        BootstrapOutcome outcome = bootstrap(provider, planned, operation);
        if (plannedFiles.files().isPresent() && !plannedFiles.files().get().equals(outcome.repositoryFiles())) {
            throw new FluxbootException("the repository's files for namespace \"" + prior.id() + "\" changed between "
                    + "plan and apply (" + String.join(", ", plannedFiles.changedFrom(outcome.repositoryFiles()))
                    + "): the bootstrap is done; run terraform apply again to record them");
        }
        return outcome;
    }

    @Override
    public void delete(ProviderConfig provider, BootstrapGitState state, Operation operation) {
        BootstrapGitSettings settings = state.settings();
        UninstallSpec.Builder spec = UninstallSpec.builder()
                .cluster(ClusterAccessMapping.of(provider.kubernetes().orElseThrow()))
                .namespace(settings.namespace())
                .keepNamespace(settings.keepNamespace())
                .silent(true)
                .timeout(operation.timeout());
        if (settings.deleteGitManifests() || settings.forge().isPresent()) {
            BootstrapSpec bootstrap = BootstrapSpecs.of(provider, settings, operation.timeout());
            // On a forge, as `uninstall --from-git <forge>`: the folder removed over HTTPS with the token
            // (with delete_git_manifests), and the cluster's deploy key deleted; the repository stays.
            spec.fromGit(UninstallSpec.FromGit.builder()
                    .keepFolder(!settings.deleteGitManifests())
                    .url(bootstrap.url().orElse(null))
                    .forge(bootstrap.forge().orElse(null))
                    .branch(bootstrap.branch())
                    .path(bootstrap.path())
                    .secretName(bootstrap.secretName())
                    .credentials(bootstrap.credentials())
                    .commits(bootstrap.commits())
                    .build());
        }
        UninstallResult result = call(operation, (fluxboot, cancellation) -> fluxboot.engine().uninstall(spec.build(),
                cancellation));
        if (!result.succeeded()) {
            throw new FluxbootException("the uninstall left parts behind: " + String.join("; ", result.failures()));
        }
    }

    @Override
    public ImportedBootstrap importBootstrap(ProviderConfig provider, String id, Operation operation) {
        return call(operation, (fluxboot, cancellation) -> {
            InstalledBootstrap installed = fluxboot.engine().findBootstrap(
                    ClusterAccessMapping.of(provider.kubernetes().orElseThrow()), id, operation.timeout(), cancellation);
            BootstrapGitSettings settings = BootstrapSpecs.imported(installed, fluxboot.engine().build().defaultFluxVersion());
            BootstrapState current = fluxboot.engine().inspect(BootstrapSpecs.of(provider, settings, operation.timeout()),
                    cancellation);
            return new ImportedBootstrap(settings, new BootstrapOutcome(id, current.repositoryFiles(),
                    fluxboot.warnings()));
        });
    }

    private BootstrapOutcome bootstrap(ProviderConfig provider, BootstrapGitSettings settings, Operation operation) {
        BootstrapSpec spec = BootstrapSpecs.of(provider, settings, operation.timeout());
        return call(operation, (fluxboot, cancellation) -> {
            BootstrapResult result = fluxboot.engine().bootstrap(spec, cancellation);
            return new BootstrapOutcome(settings.namespace(), result.repositoryFiles(), fluxboot.warnings());
        });
    }

    /**
     * Runs one engine call with a fresh {@link Fluxboot} that collects warnings, cancelled when
     * Terraform stops the provider.
     */
    private <T> T call(Operation operation, Call<T> work) {
        operation.stop().throwIfStopped();
        Cancellation cancellation = Cancellation.create();
        WarningsReporter reporter = new WarningsReporter();
        Fluxboot engine = Fluxboot.builder().environment(environment).reporter(reporter).build();
        try (StopSignal.Registration registration = operation.stop().onStop(cancellation::cancel)) {
            return work.apply(new Session(engine, reporter), cancellation);
        } catch (CancelledException e) {
            throw new StopSignal.Stopped();
        } catch (FluxbootException e) {
            // A call interrupted by the stop may fail on the way out with another message.
            if (operation.stop().isStopped()) {
                throw new StopSignal.Stopped();
            }
            throw e;
        }
    }

    private interface Call<T> {
        T apply(Session session, Cancellation cancellation);
    }

    /** One call's engine and the warnings it reported so far. */
    private record Session(Fluxboot engine, WarningsReporter reporter) {
        List<String> warnings() {
            return reporter.warnings();
        }
    }

    /** Keeps the engine's warnings (one line each, already free of secrets), drops its progress. */
    private static final class WarningsReporter extends Reporter.Forwarding {
        private final List<String> warnings = new ArrayList<>();

        WarningsReporter() {
            super(Reporter.silent());
        }

        @Override
        public synchronized void warning(String message) {
            warnings.add(Objects.requireNonNull(message));
        }

        synchronized List<String> warnings() {
            return List.copyOf(warnings);
        }
    }
}
