package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Schema;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fluxboot provider in the plugin protocol's terms, with values already decoded: its
 * schemas, its configuration (ConfigureProvider, once per process) and the calls for its resource
 * types ({@code fluxboot_bootstrap_git} and one per forge). The gRPC service
 * ({@code plugin.ProviderService}) only translates messages.
 */
public final class FluxbootProvider {

    private final Schema providerSchema;
    /** Resource type name to resource, in the order of {@link #resourceSchemas()}. */
    private final Map<String, BootstrapResource> resources;
    private final Map<String, String> env;
    private final StopSignal stop;
    /** Null until ConfigureProvider; empty when its configuration was not known yet. */
    private volatile Optional<ProviderConfig> config;

    /**
     * @param defaultFluxVersion this build's default Flux release (the {@code version} default)
     * @param env the provider process's environment ({@code KUBE_CONFIG_PATH(S)})
     * @param log where unexpected failures leave a stack trace (stderr)
     */
    public FluxbootProvider(String defaultFluxVersion, Map<String, String> env, BootstrapBackend backend, StopSignal stop,
                            PrintStream log) {
        this.providerSchema = ProviderSchemas.provider();
        this.env = Map.copyOf(env);
        this.stop = Objects.requireNonNull(stop, "stop");
        Map<String, BootstrapResource> all = new LinkedHashMap<>();
        List<BootstrapResourceType> types = new ArrayList<>();
        types.add(new GitBootstrapType(ProviderSchemas.bootstrapGit(defaultFluxVersion)));
        for (ForgeType forge : ForgeType.values()) {
            types.add(new ForgeBootstrapType(forge, ProviderSchemas.bootstrapForge(forge, defaultFluxVersion)));
        }
        for (BootstrapResourceType type : types) {
            all.put(type.name(), new BootstrapResource(type, backend, stop, log));
        }
        this.resources = Collections.unmodifiableMap(all);
    }

    public Schema providerSchema() {
        return providerSchema;
    }

    /** Resource type name to schema. */
    public Map<String, Schema> resourceSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        resources.forEach((name, resource) -> schemas.put(name, resource.schema()));
        return Collections.unmodifiableMap(schemas);
    }

    public List<Diagnostic> validateProviderConfig(CtyValue config) {
        if (!(config instanceof CtyValue.ObjectValue object)) {
            return List.of();
        }
        return ProviderConfigCodec.validate(object);
    }

    /** ConfigureProvider: remembers the configuration; one with unknown values is planned around. */
    public List<Diagnostic> configure(CtyValue config) {
        List<Diagnostic> diagnostics = new ArrayList<>(validateProviderConfig(config));
        if (Diagnostic.anyError(diagnostics)) {
            return diagnostics;
        }
        if (!config.isWhollyKnown()) {
            this.config = Optional.empty();
            return diagnostics;
        }
        try {
            this.config = Optional.of(config instanceof CtyValue.ObjectValue object
                    ? ProviderConfigCodec.decode(object, env) : ProviderConfig.unconfigured());
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error("Incomplete provider configuration", e.getMessage()));
        }
        return diagnostics;
    }

    public List<Diagnostic> validateResourceConfig(String typeName, CtyValue config) {
        return resource(typeName).map(resource -> resource.validate(config))
                .orElseGet(() -> List.of(unknownType(typeName)));
    }

    public Outcome<CtyValue> upgradeResourceState(String typeName, long version, Optional<String> json) {
        return resource(typeName).map(resource -> resource.upgrade(version, json))
                .orElseGet(() -> Outcome.failed(CtyValue.NULL, unknownType(typeName)));
    }

    /** Refresh; with a provider configuration not known yet (during a plan), the state stays as it is. */
    public Outcome<CtyValue> readResource(String typeName, CtyValue current) {
        Optional<ProviderConfig> known = config;
        if (known != null && known.isEmpty()) {
            return Outcome.of(current);
        }
        return resource(typeName).map(resource -> resource.read(knownConfig(), current))
                .orElseGet(() -> Outcome.failed(current, unknownType(typeName)));
    }

    public Outcome<ResourcePlan> planResourceChange(String typeName, CtyValue prior, CtyValue proposed, CtyValue config) {
        Optional<ProviderConfig> known = this.config == null ? Optional.of(ProviderConfig.unconfigured()) : this.config;
        return resource(typeName).map(resource -> resource.plan(known, prior, proposed, config))
                .orElseGet(() -> Outcome.failed(new ResourcePlan(proposed, List.of()), unknownType(typeName)));
    }

    public Outcome<CtyValue> applyResourceChange(String typeName, CtyValue prior, CtyValue planned) {
        return resource(typeName).map(resource -> resource.apply(knownConfig(), prior, planned))
                .orElseGet(() -> Outcome.failed(prior, unknownType(typeName)));
    }

    public Outcome<CtyValue> importResourceState(String typeName, String id) {
        return resource(typeName).map(resource -> resource.importState(knownConfig(), id))
                .orElseGet(() -> Outcome.failed(CtyValue.NULL, unknownType(typeName)));
    }

    /** StopProvider: every operation in flight stops at its next safe point. */
    public void stop() {
        stop.stop();
    }

    /** Outside planning Terraform configures the provider with known values; before that, it is unconfigured. */
    private ProviderConfig knownConfig() {
        Optional<ProviderConfig> current = config;
        return current == null ? ProviderConfig.unconfigured() : current.orElse(ProviderConfig.unconfigured());
    }

    private Optional<BootstrapResource> resource(String typeName) {
        return Optional.ofNullable(resources.get(typeName));
    }

    private Diagnostic unknownType(String typeName) {
        return Diagnostic.error("Unknown resource type",
                "the fluxboot provider has no resource type \"" + typeName + "\"; it has " + String.join(", ", resources.keySet()));
    }
}
