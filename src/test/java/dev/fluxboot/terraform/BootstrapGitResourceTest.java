package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource's plan, apply, read and import against a {@link FakeBootstrapBackend}, with the
 * values Terraform core would send; no terraform binary.
 */
class BootstrapGitResourceTest {

    private static final String DEFAULT_VERSION = "v2.9.4";
    private static final Schema SCHEMA = ProviderSchemas.bootstrapGit(DEFAULT_VERSION);
    private static final ProviderConfig PROVIDER = new ProviderConfig(
            Optional.of(new ProviderConfig.Kubernetes(Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of("https://127.0.0.1:6443"), Optional.empty(), Optional.empty(),
                    Optional.of(new SensitiveText("token")), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), Optional.empty())),
            Optional.of(new ProviderConfig.Git(Optional.of(URI.create("ssh://git@example.com/org/fleet.git")), "main", "Flux",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty())));

    @TempDir
    Path dir;

    private FakeBootstrapBackend backend;
    private StopSignal stop;
    private ByteArrayOutputStream log;
    private BootstrapResource resource;

    @BeforeEach
    void setUp() {
        backend = new FakeBootstrapBackend(dir);
        stop = new StopSignal();
        log = new ByteArrayOutputStream();
        resource = new BootstrapResource(new GitBootstrapType(SCHEMA), backend, stop, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static CtyValue.ObjectValue config(Map<String, CtyValue> set) {
        return TerraformCore.config(SCHEMA, set);
    }

    private Outcome<ResourcePlan> plan(CtyValue prior, CtyValue config) {
        return resource.plan(Optional.of(PROVIDER), prior, TerraformCore.proposedNew(SCHEMA, prior, config), config);
    }

    /** Plans and applies a create of {@code config}; the state Terraform would store. */
    private CtyValue.ObjectValue created(CtyValue.ObjectValue config) {
        ResourcePlan plan = plan(CtyValue.NULL, config).value();
        Outcome<CtyValue> applied = resource.apply(PROVIDER, CtyValue.NULL, plan.planned());
        assertThat(applied.diagnostics()).isEmpty();
        return (CtyValue.ObjectValue) applied.value();
    }

    @Test
    void aCreatePlanHasTheDefaultsAndLeavesIdAndFilesUnknown() {
        // Given
        CtyValue.ObjectValue config = config(Map.of("path", CtyValue.string("clusters/prod")));

        // When
        Outcome<ResourcePlan> outcome = plan(CtyValue.NULL, config);

        // Then
        assertThat(outcome.diagnostics()).isEmpty();
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) outcome.value().planned();
        assertThat(planned.get("id").isKnown()).isFalse();
        assertThat(planned.get("repository_files").isKnown()).isFalse();
        assertThat(planned.get("path")).isEqualTo(CtyValue.string("clusters/prod"));
        assertThat(planned.get("namespace")).isEqualTo(CtyValue.string("flux-system"));
        assertThat(planned.get("secret_name")).isEqualTo(CtyValue.string("flux-system"));
        assertThat(planned.get("version")).isEqualTo(CtyValue.string(DEFAULT_VERSION));
        assertThat(planned.get("interval")).isEqualTo(CtyValue.string("1m0s"));
        assertThat(planned.get("delete_git_manifests")).isEqualTo(CtyValue.bool(true));
        assertThat(planned.get("keep_namespace")).isEqualTo(CtyValue.bool(false));
        assertThat(planned.get("components")).isEqualTo(CtyValue.stringSet(List.of("source-controller",
                "kustomize-controller", "helm-controller", "notification-controller")));
        assertThat(planned.get("components_extra").isNull()).isTrue();
        assertThat(planned.get("recurse_submodules").isNull()).isTrue();
        assertThat(outcome.value().requiresReplace()).isEmpty();
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void aConfiguredValueWinsOverItsDefault() {
        // Given
        CtyValue.ObjectValue config = config(Map.of("namespace", CtyValue.string("flux"), "network_policy", CtyValue.bool(false)));

        // When
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan(CtyValue.NULL, config).value().planned();

        // Then
        assertThat(planned.get("namespace")).isEqualTo(CtyValue.string("flux"));
        assertThat(planned.get("network_policy")).isEqualTo(CtyValue.bool(false));
    }

    @Test
    void applyingACreateBootstrapsAndStoresIdAndFiles() {
        // Given
        CtyValue.ObjectValue config = config(Map.of("path", CtyValue.string("clusters/prod"),
                "timeouts", CtyValue.object(Map.of("create", CtyValue.string("20m"), "read", CtyValue.NULL,
                        "update", CtyValue.NULL, "delete", CtyValue.NULL))));

        // When
        CtyValue.ObjectValue state = created(config);

        // Then
        assertThat(state.get("id")).isEqualTo(CtyValue.string("flux-system"));
        assertThat(((CtyValue.MapValue) state.get("repository_files")).entries()).containsOnlyKeys(
                "clusters/prod/flux-system/gotk-components.yaml", "clusters/prod/flux-system/gotk-sync.yaml",
                "clusters/prod/flux-system/kustomization.yaml");
        assertThat(backend.repository().resolve("clusters/prod/flux-system/gotk-sync.yaml")).exists();
        assertThat(backend.calls()).containsExactly(
                "create flux-system git=ssh://git@example.com/org/fleet.git branch=main author=Flux ssh-key=none "
                        + "kube-token=given timeout=PT20M");
    }

    @Test
    void aSecondPlanWithNothingChangedIsNoChange() {
        // Given
        CtyValue.ObjectValue config = config(Map.of("path", CtyValue.string("clusters/prod")));
        CtyValue.ObjectValue state = created(config);
        CtyValue refreshed = resource.read(PROVIDER, state).value();

        // When
        Outcome<ResourcePlan> outcome = plan(refreshed, config);

        // Then
        assertThat(outcome.diagnostics()).isEmpty();
        assertThat(refreshed).isEqualTo(state);
        assertThat(outcome.value().planned()).isEqualTo(state);
        assertThat(outcome.value().requiresReplace()).isEmpty();
    }

    @Test
    void aHandEditInTheRepositoryIsDriftThatThePlanRepairs() throws Exception {
        // Given a bootstrapped cluster whose gotk-sync.yaml someone edited
        CtyValue.ObjectValue config = config(Map.of("path", CtyValue.string("clusters/prod")));
        CtyValue.ObjectValue state = created(config);
        Path sync = backend.repository().resolve("clusters/prod/flux-system/gotk-sync.yaml");
        String original = Files.readString(sync);
        Files.writeString(sync, "# edited by hand\n");

        // When Terraform refreshes, then plans
        CtyValue.ObjectValue refreshed = (CtyValue.ObjectValue) resource.read(PROVIDER, state).value();
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan(refreshed, config).value().planned();

        // Then the refreshed state shows the edit, and the plan puts the generated file back
        assertThat(((CtyValue.MapValue) refreshed.get("repository_files")).entries()
                .get("clusters/prod/flux-system/gotk-sync.yaml")).isEqualTo(CtyValue.string("# edited by hand\n"));
        assertThat(((CtyValue.MapValue) planned.get("repository_files")).entries()
                .get("clusters/prod/flux-system/gotk-sync.yaml")).isEqualTo(CtyValue.string(original));
        assertThat(PlannedFiles.known(Values.stringMap(planned, "repository_files"))
                .changedFrom(Values.stringMap(refreshed, "repository_files")))
                .containsExactly("clusters/prod/flux-system/gotk-sync.yaml");
        assertThat(planned.get("id")).isEqualTo(CtyValue.string("flux-system"));
    }

    @Test
    void aNewVersionPlansTheNewFilesAndAppliesThemAsOneUpdate() {
        // Given
        Map<String, CtyValue> settings = new HashMap<>(Map.of("version", CtyValue.string("v2.8.1")));
        CtyValue.ObjectValue state = created(config(settings));
        settings.put("version", CtyValue.string("v2.9.4"));
        CtyValue.ObjectValue newConfig = config(settings);

        // When
        ResourcePlan plan = plan(state, newConfig).value();
        Outcome<CtyValue> applied = resource.apply(PROVIDER, state, plan.planned());

        // Then
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan.planned();
        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(((CtyValue.MapValue) planned.get("repository_files")).entries().get("flux-system/gotk-components.yaml"))
                .isEqualTo(CtyValue.string("# Flux v2.9.4: helm-controller,kustomize-controller,notification-controller,"
                        + "source-controller\n"));
        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.value()).isEqualTo(planned);
        assertThat(backend.calls()).last().isEqualTo("update flux-system version=v2.9.4 planned-files=known");
    }

    @Test
    void filesNotKnownBeforeApplyArePlannedUnknown() {
        // Given
        CtyValue.ObjectValue state = created(config(Map.of()));

        // When the backend cannot tell the files before apply (the fake: version latest)
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan(state, config(Map.of("version", CtyValue.string("latest"))))
                .value().planned();

        // Then
        assertThat(planned.get("repository_files").isKnown()).isFalse();
        assertThat(planned.get("id")).isEqualTo(CtyValue.string("flux-system"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"path, clusters/staging", "namespace, flux", "secret_name, flux-auth"})
    void aChangeOfPathNamespaceOrSecretNameReplacesTheResource(String attribute, String value) {
        // Given
        CtyValue.ObjectValue state = created(config(Map.of("path", CtyValue.string("clusters/prod"))));
        Map<String, CtyValue> settings = new HashMap<>(Map.of("path", CtyValue.string("clusters/prod")));
        settings.put(attribute, CtyValue.string(value));

        // When
        ResourcePlan plan = plan(state, config(settings)).value();

        // Then
        assertThat(plan.requiresReplace()).containsExactly(List.of(attribute));
        assertThat(((CtyValue.ObjectValue) plan.planned()).get("repository_files").isKnown()).isFalse();
    }

    @Test
    void anIntervalThatMeansTheSameKeepsThePriorSpelling() {
        // Given a state with the default 1m0s
        CtyValue.ObjectValue state = created(config(Map.of()));

        // When the configuration says 1m
        ResourcePlan plan = plan(state, config(Map.of("interval", CtyValue.string("1m")))).value();

        // Then
        assertThat(plan.planned()).isEqualTo(state);
    }

    @Test
    void aDefaultComesBackWhenTheConfigurationDropsTheValue() {
        // Given a state made with log_level debug
        CtyValue.ObjectValue state = created(config(Map.of("log_level", CtyValue.string("debug"))));

        // When the configuration no longer sets it
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan(state, config(Map.of())).value().planned();

        // Then
        assertThat(planned.get("log_level")).isEqualTo(CtyValue.string("info"));
    }

    @Test
    void aValueNotKnownYetLeavesTheFilesUnknownWithoutAskingTheBackend() {
        // Given
        CtyValue.ObjectValue state = created(config(Map.of()));
        int callsBefore = backend.calls().size();

        // When
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) plan(state, config(Map.of("version", CtyValue.UNKNOWN)))
                .value().planned();

        // Then
        assertThat(planned.get("version").isKnown()).isFalse();
        assertThat(planned.get("repository_files").isKnown()).isFalse();
        assertThat(backend.calls()).hasSize(callsBefore);
    }

    @Test
    void aProviderConfigurationNotKnownYetLeavesTheFilesUnknown() {
        // Given
        CtyValue.ObjectValue state = created(config(Map.of()));
        CtyValue.ObjectValue config = config(Map.of("log_level", CtyValue.string("debug")));

        // When
        Outcome<ResourcePlan> outcome = resource.plan(Optional.empty(), state,
                TerraformCore.proposedNew(SCHEMA, state, config), config);

        // Then
        assertThat(outcome.diagnostics()).isEmpty();
        assertThat(((CtyValue.ObjectValue) outcome.value().planned()).get("repository_files").isKnown()).isFalse();
    }

    @Test
    void aDestroyIsPlannedNullAndAppliedByTheBackend() {
        // Given
        CtyValue.ObjectValue state = created(config(Map.of("path", CtyValue.string("clusters/prod"))));

        // When
        ResourcePlan plan = resource.plan(Optional.of(PROVIDER), state, CtyValue.NULL, CtyValue.NULL).value();
        Outcome<CtyValue> applied = resource.apply(PROVIDER, state, plan.planned());

        // Then
        assertThat(plan.planned().isNull()).isTrue();
        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.value().isNull()).isTrue();
        assertThat(backend.repository().resolve("clusters/prod/flux-system/gotk-sync.yaml")).doesNotExist();
        assertThat(backend.calls()).last().isEqualTo("delete flux-system delete-git-manifests=true timeout=PT5M");
    }

    @Test
    void aBootstrapGoneAltogetherReadsAsNull() throws Exception {
        // Given
        CtyValue.ObjectValue state = created(config(Map.of()));
        for (String file : List.of("gotk-components.yaml", "gotk-sync.yaml", "kustomization.yaml")) {
            Files.delete(backend.repository().resolve("flux-system").resolve(file));
        }

        // When
        Outcome<CtyValue> read = resource.read(PROVIDER, state);

        // Then
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.value().isNull()).isTrue();
    }

    @Test
    void importAdoptsTheClusterWithNullsWhereTheConfigurationHasNothing() {
        // Given a bootstrap the fake knows as "imported"
        created(config(Map.of("path", CtyValue.string("clusters/imported"), "version", CtyValue.string("v2.8.1"))));

        // When
        Outcome<CtyValue> imported = resource.importState(PROVIDER, "flux-system");

        // Then
        assertThat(imported.diagnostics()).isEmpty();
        CtyValue.ObjectValue state = (CtyValue.ObjectValue) imported.value();
        assertThat(state.get("id")).isEqualTo(CtyValue.string("flux-system"));
        assertThat(state.get("path")).isEqualTo(CtyValue.string("clusters/imported"));
        assertThat(state.get("interval")).isEqualTo(CtyValue.string("1m0s"));
        assertThat(state.get("components_extra").isNull()).isTrue();
        assertThat(state.get("recurse_submodules").isNull()).isTrue();
        assertThat(state.get("timeouts").isNull()).isTrue();
        assertThat(state.attributes().keySet()).isEqualTo(SCHEMA.type().attributes().keySet());

        // and a configuration saying the same plans no change
        CtyValue.ObjectValue config = config(Map.of("path", CtyValue.string("clusters/imported"),
                "version", CtyValue.string("v2.8.1")));
        assertThat(plan(state, config).value().planned()).isEqualTo(state);
    }

    @Test
    void aBackendFailureIsAnErrorWithItsMessageAndTheStateUnchanged() {
        // Given no bootstrap in the cluster
        // When
        Outcome<CtyValue> imported = resource.importState(PROVIDER, "flux");

        // Then
        assertThat(imported.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.isError()).isTrue();
            assertThat(diagnostic.summary()).isEqualTo("Import failed");
            assertThat(diagnostic.detail()).isEqualTo("no Flux in namespace flux");
        });
        assertThat(imported.value().isNull()).isTrue();
    }

    @Test
    void aStoppedProviderFailsTheCreateAndStoresNothing() {
        // Given
        ResourcePlan plan = plan(CtyValue.NULL, config(Map.of())).value();
        stop.stop();

        // When
        Outcome<CtyValue> applied = resource.apply(PROVIDER, CtyValue.NULL, plan.planned());

        // Then
        assertThat(applied.value().isNull()).isTrue();
        assertThat(applied.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("Bootstrap failed");
            assertThat(diagnostic.detail()).startsWith("stopped: Terraform asked the provider to stop");
        });
        assertThat(backend.repository()).doesNotExist();
    }

    @Test
    void anUnconfiguredProviderCannotPlanOrApply() {
        // When
        Outcome<ResourcePlan> plan = resource.plan(Optional.of(ProviderConfig.unconfigured()), CtyValue.NULL,
                TerraformCore.proposedNew(SCHEMA, CtyValue.NULL, config(Map.of())), config(Map.of()));

        // Then
        assertThat(plan.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("Missing configuration");
            assertThat(diagnostic.detail()).contains("kubernetes and git");
        });
    }

    @Test
    void anUnexpectedFailureNamesNoMessageAndLogsOnlyTheStack() {
        // Given a backend that fails unexpectedly, with a secret in its message
        BootstrapResource failing = new BootstrapResource(new GitBootstrapType(SCHEMA), new ExplodingBackend(backend), stop,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        ResourcePlan plan = plan(CtyValue.NULL, config(Map.of())).value();

        // When
        Outcome<CtyValue> applied = failing.apply(PROVIDER, CtyValue.NULL, plan.planned());

        // Then
        assertThat(applied.diagnostics()).singleElement().satisfies(diagnostic ->
                assertThat(diagnostic.detail()).startsWith("unexpected failure in the fluxboot provider"));
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("caused by java.lang.IllegalStateException", "ExplodingBackend.create");
        assertThat(logged).doesNotContain("hunter2");
    }

    @Test
    void stateFromTheStateFileIsReadByTheSchema() {
        // Given
        String json = "{\"id\":\"flux-system\",\"namespace\":\"flux-system\",\"version\":\"v2.8.1\","
                + "\"repository_files\":{\"flux-system/gotk-sync.yaml\":\"x\"},\"timeouts\":null}";

        // When
        Outcome<CtyValue> upgraded = resource.upgrade(0, Optional.of(json));
        Outcome<CtyValue> newer = resource.upgrade(1, Optional.of(json));

        // Then
        assertThat(upgraded.diagnostics()).isEmpty();
        CtyValue.ObjectValue state = (CtyValue.ObjectValue) upgraded.value();
        assertThat(state.get("version")).isEqualTo(CtyValue.string("v2.8.1"));
        assertThat(state.get("path").isNull()).isTrue();
        assertThat(newer.diagnostics()).singleElement().satisfies(diagnostic ->
                assertThat(diagnostic.detail()).contains("newer fluxboot provider"));
    }

    /** The fake, but its create fails with an unexpected exception whose message holds a secret. */
    private record ExplodingBackend(FakeBootstrapBackend fake) implements BootstrapBackend {
        @Override
        public BootstrapOutcome create(ProviderConfig provider, BootstrapGitSettings settings, Operation operation) {
            throw new IllegalStateException("password hunter2 rejected");
        }

        @Override
        public Optional<BootstrapOutcome> read(ProviderConfig provider, BootstrapGitState state, Operation operation) {
            return fake.read(provider, state, operation);
        }

        @Override
        public PlannedFiles plan(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                                 Operation operation) {
            return fake.plan(provider, prior, planned, operation);
        }

        @Override
        public BootstrapOutcome update(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                                       PlannedFiles plannedFiles, Operation operation) {
            return fake.update(provider, prior, planned, plannedFiles, operation);
        }

        @Override
        public void delete(ProviderConfig provider, BootstrapGitState state, Operation operation) {
            fake.delete(provider, state, operation);
        }

        @Override
        public ImportedBootstrap importBootstrap(ProviderConfig provider, String id, Operation operation) {
            return fake.importBootstrap(provider, id, operation);
        }
    }
}
