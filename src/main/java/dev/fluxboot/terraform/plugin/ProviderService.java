package dev.fluxboot.terraform.plugin;

import com.google.protobuf.ByteString;
import dev.fluxboot.terraform.Diagnostic;
import dev.fluxboot.terraform.FluxbootProvider;
import dev.fluxboot.terraform.Outcome;
import dev.fluxboot.terraform.ResourcePlan;
import dev.fluxboot.terraform.cty.CtyJson;
import dev.fluxboot.terraform.cty.CtyMsgpack;
import dev.fluxboot.terraform.cty.CtyType;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.protocol.ProviderGrpc;
import dev.fluxboot.terraform.protocol.Tfplugin6;
import dev.fluxboot.terraform.schema.Schema;
import dev.fluxboot.terraform.schema.SchemaProto;
import io.grpc.stub.StreamObserver;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terraform's {@code tfplugin6.Provider} service over a {@link FluxbootProvider}: decodes the
 * msgpack values by the schemas, calls the provider, encodes its answers and diagnostics. A
 * value that does not fit its schema is answered with an error diagnostic, not a failed call.
 */
public final class ProviderService extends ProviderGrpc.ProviderImplBase {

    private final FluxbootProvider provider;
    private final Tfplugin6.GetProviderSchema.Response schemas;

    public ProviderService(FluxbootProvider provider) {
        this.provider = provider;
        Tfplugin6.GetProviderSchema.Response.Builder response = Tfplugin6.GetProviderSchema.Response.newBuilder()
                .setProvider(SchemaProto.render(provider.providerSchema()))
                .setServerCapabilities(capabilities());
        for (Map.Entry<String, Schema> resource : provider.resourceSchemas().entrySet()) {
            response.putResourceSchemas(resource.getKey(), SchemaProto.render(resource.getValue()));
        }
        this.schemas = response.build();
    }

    /** Destroys are planned (PlanResourceChange with a null proposed state); the schema may be cached. */
    private static Tfplugin6.ServerCapabilities capabilities() {
        return Tfplugin6.ServerCapabilities.newBuilder().setPlanDestroy(true).setGetProviderSchemaOptional(true).build();
    }

    @Override
    public void getMetadata(Tfplugin6.GetMetadata.Request request, StreamObserver<Tfplugin6.GetMetadata.Response> observer) {
        Tfplugin6.GetMetadata.Response.Builder response = Tfplugin6.GetMetadata.Response.newBuilder()
                .setServerCapabilities(capabilities());
        for (String type : provider.resourceSchemas().keySet()) {
            response.addResources(Tfplugin6.GetMetadata.ResourceMetadata.newBuilder().setTypeName(type));
        }
        reply(observer, response.build());
    }

    @Override
    public void getProviderSchema(Tfplugin6.GetProviderSchema.Request request,
                                  StreamObserver<Tfplugin6.GetProviderSchema.Response> observer) {
        reply(observer, schemas);
    }

    @Override
    public void validateProviderConfig(Tfplugin6.ValidateProviderConfig.Request request,
                                       StreamObserver<Tfplugin6.ValidateProviderConfig.Response> observer) {
        List<Diagnostic> diagnostics = decodeThen(request.getConfig(), provider.providerSchema().type(),
                provider::validateProviderConfig);
        reply(observer, Tfplugin6.ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(proto(diagnostics)).build());
    }

    @Override
    public void configureProvider(Tfplugin6.ConfigureProvider.Request request,
                                  StreamObserver<Tfplugin6.ConfigureProvider.Response> observer) {
        List<Diagnostic> diagnostics = decodeThen(request.getConfig(), provider.providerSchema().type(), provider::configure);
        reply(observer, Tfplugin6.ConfigureProvider.Response.newBuilder().addAllDiagnostics(proto(diagnostics)).build());
    }

    @Override
    public void validateResourceConfig(Tfplugin6.ValidateResourceConfig.Request request,
                                       StreamObserver<Tfplugin6.ValidateResourceConfig.Response> observer) {
        Optional<CtyType> type = resourceType(request.getTypeName());
        List<Diagnostic> diagnostics = type.isEmpty()
                ? provider.validateResourceConfig(request.getTypeName(), CtyValue.NULL)
                : decodeThen(request.getConfig(), type.get(),
                        config -> provider.validateResourceConfig(request.getTypeName(), config));
        reply(observer, Tfplugin6.ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(proto(diagnostics)).build());
    }

    @Override
    public void upgradeResourceState(Tfplugin6.UpgradeResourceState.Request request,
                                     StreamObserver<Tfplugin6.UpgradeResourceState.Response> observer) {
        Optional<String> json = request.getRawState().getJson().isEmpty()
                ? Optional.empty() : Optional.of(request.getRawState().getJson().toString(StandardCharsets.UTF_8));
        Outcome<CtyValue> outcome = provider.upgradeResourceState(request.getTypeName(), request.getVersion(), json);
        Tfplugin6.UpgradeResourceState.Response.Builder response = Tfplugin6.UpgradeResourceState.Response.newBuilder()
                .addAllDiagnostics(proto(outcome.diagnostics()));
        resourceType(request.getTypeName()).ifPresent(type ->
                response.setUpgradedState(dynamicValue(outcome.value(), type)));
        reply(observer, response.build());
    }

    @Override
    public void readResource(Tfplugin6.ReadResource.Request request, StreamObserver<Tfplugin6.ReadResource.Response> observer) {
        Tfplugin6.ReadResource.Response.Builder response = Tfplugin6.ReadResource.Response.newBuilder()
                .setPrivate(request.getPrivate());
        withType(request.getTypeName(), response::addAllDiagnostics, type -> {
            CtyValue current = decode(request.getCurrentState(), type);
            Outcome<CtyValue> outcome = provider.readResource(request.getTypeName(), current);
            response.setNewState(dynamicValue(outcome.value(), type)).addAllDiagnostics(proto(outcome.diagnostics()));
        });
        reply(observer, response.build());
    }

    @Override
    public void planResourceChange(Tfplugin6.PlanResourceChange.Request request,
                                   StreamObserver<Tfplugin6.PlanResourceChange.Response> observer) {
        Tfplugin6.PlanResourceChange.Response.Builder response = Tfplugin6.PlanResourceChange.Response.newBuilder()
                .setPlannedPrivate(request.getPriorPrivate());
        withType(request.getTypeName(), response::addAllDiagnostics, type -> {
            Outcome<ResourcePlan> outcome = provider.planResourceChange(request.getTypeName(),
                    decode(request.getPriorState(), type), decode(request.getProposedNewState(), type),
                    decode(request.getConfig(), type));
            response.setPlannedState(dynamicValue(outcome.value().planned(), type))
                    .addAllDiagnostics(proto(outcome.diagnostics()));
            for (List<String> path : outcome.value().requiresReplace()) {
                response.addRequiresReplace(path(path));
            }
        });
        reply(observer, response.build());
    }

    @Override
    public void applyResourceChange(Tfplugin6.ApplyResourceChange.Request request,
                                    StreamObserver<Tfplugin6.ApplyResourceChange.Response> observer) {
        Tfplugin6.ApplyResourceChange.Response.Builder response = Tfplugin6.ApplyResourceChange.Response.newBuilder()
                .setPrivate(request.getPlannedPrivate());
        withType(request.getTypeName(), response::addAllDiagnostics, type -> {
            Outcome<CtyValue> outcome = provider.applyResourceChange(request.getTypeName(),
                    decode(request.getPriorState(), type), decode(request.getPlannedState(), type));
            response.setNewState(dynamicValue(outcome.value(), type)).addAllDiagnostics(proto(outcome.diagnostics()));
        });
        reply(observer, response.build());
    }

    @Override
    public void importResourceState(Tfplugin6.ImportResourceState.Request request,
                                    StreamObserver<Tfplugin6.ImportResourceState.Response> observer) {
        Tfplugin6.ImportResourceState.Response.Builder response = Tfplugin6.ImportResourceState.Response.newBuilder();
        withType(request.getTypeName(), response::addAllDiagnostics, type -> {
            Outcome<CtyValue> outcome = provider.importResourceState(request.getTypeName(), request.getId());
            response.addAllDiagnostics(proto(outcome.diagnostics()));
            if (!outcome.hasErrors()) {
                response.addImportedResources(Tfplugin6.ImportResourceState.ImportedResource.newBuilder()
                        .setTypeName(request.getTypeName()).setState(dynamicValue(outcome.value(), type)));
            }
        });
        reply(observer, response.build());
    }

    @Override
    public void stopProvider(Tfplugin6.StopProvider.Request request, StreamObserver<Tfplugin6.StopProvider.Response> observer) {
        provider.stop();
        reply(observer, Tfplugin6.StopProvider.Response.getDefaultInstance());
    }

    private interface Work {
        void run(CtyType type);
    }

    /** Runs {@code work} with the resource type's schema type; a value that does not fit becomes a diagnostic. */
    private void withType(String typeName, java.util.function.Consumer<List<Tfplugin6.Diagnostic>> diagnostics, Work work) {
        Optional<CtyType> type = resourceType(typeName);
        if (type.isEmpty()) {
            diagnostics.accept(proto(provider.validateResourceConfig(typeName, CtyValue.NULL)));
            return;
        }
        try {
            work.run(type.get());
        } catch (IllegalArgumentException e) {
            diagnostics.accept(proto(List.of(undecodable(e))));
        }
    }

    private static List<Diagnostic> decodeThen(Tfplugin6.DynamicValue value, CtyType type,
                                               java.util.function.Function<CtyValue, List<Diagnostic>> work) {
        try {
            return work.apply(decode(value, type));
        } catch (IllegalArgumentException e) {
            return List.of(undecodable(e));
        }
    }

    private static Diagnostic undecodable(IllegalArgumentException e) {
        return Diagnostic.error("Unexpected value from Terraform",
                "the fluxboot provider could not read a value: " + e.getMessage());
    }

    private Optional<CtyType> resourceType(String typeName) {
        Schema schema = provider.resourceSchemas().get(typeName);
        return schema == null ? Optional.empty() : Optional.of(schema.type());
    }

    static CtyValue decode(Tfplugin6.DynamicValue value, CtyType type) {
        if (!value.getMsgpack().isEmpty()) {
            return CtyMsgpack.decode(value.getMsgpack().toByteArray(), type);
        }
        if (!value.getJson().isEmpty()) {
            return CtyJson.decode(value.getJson().toString(StandardCharsets.UTF_8), type);
        }
        return CtyValue.NULL;
    }

    static Tfplugin6.DynamicValue dynamicValue(CtyValue value, CtyType type) {
        return Tfplugin6.DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(CtyMsgpack.encode(value, type))).build();
    }

    static List<Tfplugin6.Diagnostic> proto(List<Diagnostic> diagnostics) {
        List<Tfplugin6.Diagnostic> protos = new java.util.ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            Tfplugin6.Diagnostic.Builder proto = Tfplugin6.Diagnostic.newBuilder()
                    .setSeverity(diagnostic.isError() ? Tfplugin6.Diagnostic.Severity.ERROR : Tfplugin6.Diagnostic.Severity.WARNING)
                    .setSummary(diagnostic.summary())
                    .setDetail(diagnostic.detail());
            if (!diagnostic.attributePath().isEmpty()) {
                proto.setAttribute(path(diagnostic.attributePath()));
            }
            protos.add(proto.build());
        }
        return protos;
    }

    private static Tfplugin6.AttributePath path(List<String> names) {
        Tfplugin6.AttributePath.Builder path = Tfplugin6.AttributePath.newBuilder();
        for (String name : names) {
            path.addSteps(Tfplugin6.AttributePath.Step.newBuilder().setAttributeName(name));
        }
        return path.build();
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
