package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.terraform.cty.CtyJson;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Planner;
import dev.fluxboot.terraform.schema.Schema;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A bootstrap resource's life cycle in Terraform's terms (validate, upgrade state, read, plan,
 * apply, import) over a {@link BootstrapBackend}, for {@code fluxboot_bootstrap_git} and the
 * forge resources alike: what differs is their {@link BootstrapResourceType}. Planning is here:
 * defaults, unknowns for what only apply can tell, replacement on a new {@code path},
 * {@code namespace} or {@code secret_name}, and the repository files the backend expects, so
 * that drift found by the read shows as a change of {@code repository_files}.
 */
public final class BootstrapResource {

    private final BootstrapResourceType type;
    private final Schema schema;
    private final BootstrapBackend backend;
    private final StopSignal stop;
    private final PrintStream log;

    /** {@code log}: where unexpected failures leave their stack trace (stderr, which Terraform logs). */
    BootstrapResource(BootstrapResourceType type, BootstrapBackend backend, StopSignal stop, PrintStream log) {
        this.type = Objects.requireNonNull(type, "type");
        this.schema = type.schema();
        this.backend = Objects.requireNonNull(backend, "backend");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.log = Objects.requireNonNull(log, "log");
    }

    public Schema schema() {
        return schema;
    }

    /** The resource type's name, e.g. {@code fluxboot_bootstrap_git}. */
    public String name() {
        return type.name();
    }

    public List<Diagnostic> validate(CtyValue config) {
        if (!(config instanceof CtyValue.ObjectValue object)) {
            return List.of();
        }
        return type.validate(object);
    }

    /**
     * State from Terraform's state file (JSON) in the current schema. Version 0 is the only one
     * so far; a newer one was written by a newer fluxboot.
     */
    public Outcome<CtyValue> upgrade(long version, Optional<String> json) {
        if (version > schema.version()) {
            return Outcome.failed(CtyValue.NULL, Diagnostic.error("State from a newer provider",
                    "this state was written by a newer fluxboot provider (schema version " + version
                            + "): install that version with 'fluxboot terraform install-provider'"));
        }
        if (json.isEmpty()) {
            return Outcome.failed(CtyValue.NULL, Diagnostic.error("Unsupported state",
                    "the state has no JSON form (Terraform before 0.12 wrote it): it cannot be read"));
        }
        try {
            return Outcome.of(CtyJson.decode(json.get(), schema.type()));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(CtyValue.NULL, Diagnostic.error("Unreadable state", e.getMessage()));
        }
    }

    /** Refresh: the files in the repository and the health of Flux; null when the bootstrap is gone. */
    public Outcome<CtyValue> read(ProviderConfig provider, CtyValue current) {
        if (!(current instanceof CtyValue.ObjectValue object)) {
            return Outcome.of(current);
        }
        Optional<Diagnostic> missing = missingConfiguration(provider);
        if (missing.isPresent()) {
            return Outcome.failed(current, missing.get());
        }
        BootstrapGitState state = type.state(object);
        Operation operation = new Operation(state.settings().timeouts().forRead(), stop);
        return call("Reading the bootstrap failed", current, () -> {
            Optional<BootstrapOutcome> outcome = backend.read(provider, state, operation);
            if (outcome.isEmpty()) {
                return Outcome.<CtyValue>of(CtyValue.NULL);
            }
            return Outcome.<CtyValue>of(object.with("repository_files", CtyValue.stringMap(outcome.get().repositoryFiles())))
                    .with(warnings(outcome.get().warnings()));
        });
    }

    /**
     * Plans a create, update or destroy. {@code provider} is empty while the provider's own
     * configuration is not known yet (it depends on resources still to be created): then what
     * the backend would say is unknown too.
     */
    public Outcome<ResourcePlan> plan(Optional<ProviderConfig> provider, CtyValue prior, CtyValue proposed, CtyValue config) {
        Planner.Plan plan = Planner.plan(schema, prior, proposed, config);
        if (plan.planned().isNull()) {
            return Outcome.of(new ResourcePlan(CtyValue.NULL, List.of()));
        }
        Optional<Diagnostic> missing = provider.flatMap(this::missingConfiguration);
        if (missing.isPresent()) {
            return Outcome.failed(new ResourcePlan(plan.planned(), plan.requiresReplace()), missing.get());
        }
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan.planned();
        if (!(prior instanceof CtyValue.ObjectValue priorObject)) {
            return Outcome.of(new ResourcePlan(planned, plan.requiresReplace()));
        }
        planned = planned.with("id", priorObject.get("id"));
        if (!plan.requiresReplace().isEmpty()) {
            // Terraform plans the replacement again as a create.
            return Outcome.of(new ResourcePlan(planned.with("repository_files", CtyValue.UNKNOWN), plan.requiresReplace()));
        }
        if (provider.isEmpty() || !argumentsKnown(planned)) {
            CtyValue files = plan.changed() ? CtyValue.UNKNOWN : priorObject.get("repository_files");
            return Outcome.of(new ResourcePlan(planned.with("repository_files", files), plan.requiresReplace()));
        }
        BootstrapGitState priorState = type.state(priorObject);
        BootstrapGitSettings settings = type.settings(planned);
        Operation operation = new Operation(settings.timeouts().forRead(), stop);
        CtyValue.ObjectValue withoutFiles = planned;
        ResourcePlan fallback = new ResourcePlan(planned, plan.requiresReplace());
        return call("Planning the bootstrap failed", fallback, () -> {
            PlannedFiles files = backend.plan(provider.get(), priorState, settings, operation);
            CtyValue value = files.files().isPresent() ? CtyValue.stringMap(files.files().get()) : CtyValue.UNKNOWN;
            return Outcome.of(new ResourcePlan(withoutFiles.with("repository_files", value), plan.requiresReplace()));
        });
    }

    /** Carries out a planned create, update or destroy; answers the new state. */
    public Outcome<CtyValue> apply(ProviderConfig provider, CtyValue prior, CtyValue planned) {
        Optional<Diagnostic> missing = missingConfiguration(provider);
        if (missing.isPresent()) {
            return Outcome.failed(prior, missing.get());
        }
        if (!(planned instanceof CtyValue.ObjectValue plannedObject)) {
            BootstrapGitState state = type.state((CtyValue.ObjectValue) prior);
            Operation operation = new Operation(state.settings().timeouts().forDelete(), stop);
            return call("Uninstall failed", prior, () -> {
                backend.delete(provider, state, operation);
                return Outcome.<CtyValue>of(CtyValue.NULL);
            });
        }
        BootstrapGitSettings settings = type.settings(plannedObject);
        if (!(prior instanceof CtyValue.ObjectValue priorObject)) {
            Operation operation = new Operation(settings.timeouts().forCreate(), stop);
            return call("Bootstrap failed", CtyValue.NULL, () -> {
                BootstrapOutcome outcome = backend.create(provider, settings, operation);
                return Outcome.<CtyValue>of(plannedObject.with("id", CtyValue.string(outcome.id()))
                        .with("repository_files", CtyValue.stringMap(outcome.repositoryFiles())))
                        .with(warnings(outcome.warnings()));
            });
        }
        BootstrapGitState priorState = type.state(priorObject);
        CtyValue plannedFilesValue = plannedObject.get("repository_files");
        PlannedFiles plannedFiles = plannedFilesValue instanceof CtyValue.MapValue
                ? PlannedFiles.known(Values.stringMap(plannedObject, "repository_files"))
                : PlannedFiles.knownAfterApply();
        Operation operation = new Operation(settings.timeouts().forUpdate(), stop);
        return call("Update failed", prior, () -> {
            BootstrapOutcome outcome = backend.update(provider, priorState, settings, plannedFiles, operation);
            return Outcome.<CtyValue>of(plannedObject.with("id", CtyValue.string(outcome.id()))
                    .with("repository_files", CtyValue.stringMap(outcome.repositoryFiles())))
                    .with(warnings(outcome.warnings()));
        });
    }

    /** {@code terraform import}: the state of the bootstrap in namespace {@code id}. */
    public Outcome<CtyValue> importState(ProviderConfig provider, String id) {
        if (!type.importable()) {
            return Outcome.failed(CtyValue.NULL, Diagnostic.error("Import not supported", type.name()
                    + " cannot be imported yet: the cluster does not record the forge settings it was bootstrapped with"));
        }
        Optional<Diagnostic> missing = missingConfiguration(provider);
        if (missing.isPresent()) {
            return Outcome.failed(CtyValue.NULL, missing.get());
        }
        Operation operation = new Operation(BootstrapGitSettings.Timeouts.DEFAULT_CREATE, stop);
        return call("Import failed", CtyValue.NULL, () -> {
            ImportedBootstrap imported = backend.importBootstrap(provider, id, operation);
            return Outcome.<CtyValue>of(type.encode(imported)).with(warnings(imported.outcome().warnings()));
        });
    }

    /** Whether the arguments (all but the computed {@code id} and {@code repository_files}) are known. */
    private static boolean argumentsKnown(CtyValue.ObjectValue planned) {
        for (var attribute : planned.attributes().entrySet()) {
            if (!attribute.getKey().equals("id") && !attribute.getKey().equals("repository_files")
                    && !attribute.getValue().isWhollyKnown()) {
                return false;
            }
        }
        return true;
    }

    private <T> Outcome<T> call(String summary, T onFailure, Supplier<Outcome<T>> work) {
        try {
            return work.get();
        } catch (FluxbootException e) {
            return Outcome.failed(onFailure, Diagnostic.error(summary, e.getMessage()));
        } catch (RuntimeException e) {
            // The stack without the messages: a message might hold a value from the configuration.
            log.println("fluxboot provider: unexpected failure (" + summary + ")");
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                log.println("caused by " + cause.getClass().getName());
                for (StackTraceElement frame : cause.getStackTrace()) {
                    log.println("\tat " + frame);
                }
            }
            return Outcome.failed(onFailure, Diagnostic.error(summary,
                    "unexpected failure in the fluxboot provider; run with TF_LOG=debug to see where, and report it"));
        }
    }

    private static List<Diagnostic> warnings(List<String> warnings) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String warning : warnings) {
            diagnostics.add(Diagnostic.warning(warning, ""));
        }
        return diagnostics;
    }

    private Optional<Diagnostic> missingConfiguration(ProviderConfig provider) {
        return type.missingProviderSettings(provider).map(detail -> Diagnostic.error("Missing configuration", detail));
    }
}
