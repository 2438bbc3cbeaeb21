package dev.fluxboot.testing.flux;

import dev.fluxboot.testing.flux.FluxControllerSimulator.Kind;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's small parts, without a server. */
class SimulatorPartsTest {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00.750Z");
    private static final Instant T2 = Instant.parse("2026-01-01T11:00:00Z");

    @Test
    void conditionsAreSortedAsFluxSortsThem() {
        // Given no conditions
        // When a controller sets several
        List<Map<String, Object>> conditions = FluxConditions.apply(null, 3, T1, List.of(
                Condition.isTrue("FetchFailed", "GitOperationFailed", "x"),
                Condition.isFalse("Ready", "GitOperationFailed", "x"),
                Condition.isTrue("ArtifactInStorage", "Succeeded", "y"),
                Condition.isTrue("Reconciling", "ProgressingWithRetry", "z")), List.of());

        // Then Reconciling and Ready come first, then the others by type; each has the generation and the time
        assertThat(conditions).extracting(c -> c.get("type"))
                .containsExactly("Reconciling", "Ready", "ArtifactInStorage", "FetchFailed");
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.get("observedGeneration")).isEqualTo(3L);
            assertThat(c.get("lastTransitionTime")).isEqualTo("2026-01-01T10:00:00Z");
        });
    }

    @Test
    void aConditionKeepsItsTransitionTimeUntilItsStateChanges() {
        // Given Ready=True set at T1
        List<Map<String, Object>> first = FluxConditions.apply(null, 1, T1,
                List.of(Condition.isTrue("Ready", "Succeeded", "stored artifact for revision 'main@sha1:a'")), List.of());

        // When set again the same at T2, for a new generation
        List<Map<String, Object>> same = FluxConditions.apply(first, 2, T2,
                List.of(Condition.isTrue("Ready", "Succeeded", "stored artifact for revision 'main@sha1:a'")), List.of());
        // and then with another message
        List<Map<String, Object>> changed = FluxConditions.apply(same, 2, T2,
                List.of(Condition.isTrue("Ready", "Succeeded", "stored artifact for revision 'main@sha1:b'")), List.of());

        // Then
        assertThat(same.get(0)).containsEntry("lastTransitionTime", "2026-01-01T10:00:00Z").containsEntry("observedGeneration", 2L);
        assertThat(changed.get(0)).containsEntry("lastTransitionTime", "2026-01-01T11:00:00Z");
    }

    @Test
    void deletedConditionsGoAndOthersStay() {
        // Given a failure
        List<Map<String, Object>> failed = FluxConditions.apply(null, 1, T1, List.of(
                Condition.isTrue("ArtifactInStorage", "Succeeded", "old"),
                Condition.isTrue("FetchFailed", "GitOperationFailed", "x"),
                Condition.isFalse("Ready", "GitOperationFailed", "x")), List.of());

        // When a success replaces Ready and deletes FetchFailed
        List<Map<String, Object>> healed = FluxConditions.apply(failed, 1, T2,
                List.of(Condition.isTrue("Ready", "Succeeded", "ok")), List.of("FetchFailed"));

        // Then
        assertThat(healed).extracting(c -> c.get("type") + "=" + c.get("status")).containsExactly("Ready=True", "ArtifactInStorage=True");
    }

    @Test
    void documentsCompareWithoutKeyOrderOrNumberTypes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("observedGeneration", 1);
        a.put("artifact", Map.of("size", 10L, "revision", "main@sha1:a"));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("artifact", Map.of("revision", "main@sha1:a", "size", 10));
        b.put("observedGeneration", 1L);

        assertThat(Nested.sameDocument(a, b)).isTrue();
        b.put("observedGeneration", 2L);
        assertThat(Nested.sameDocument(a, b)).isFalse();
        assertThat(Nested.sameDocument(null, Map.of())).isFalse();
    }

    @Test
    void kustomizationPathsResolveInsideTheArtifact() {
        assertThat(KustomizeController.normalize("./clusters/my-cluster/")).isEqualTo("clusters/my-cluster");
        assertThat(KustomizeController.normalize("clusters//a/./b")).isEqualTo("clusters/a/b");
        assertThat(KustomizeController.normalize("../../etc")).isEqualTo("etc");
        assertThat(KustomizeController.normalize("./")).isEmpty();
    }

    @Test
    void aFaultNeedsAReasonTheCrdsAccept() {
        assertThat(Fault.notReady("HealthCheckFailed", "m").reason()).isEqualTo("HealthCheckFailed");
        assertThatThrownBy(() -> Fault.notReady("health check failed", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'health check failed'");
    }

    @Test
    void aProgressDeadlineIsADeploymentFaultOnly() {
        // Given a simulator for a cluster that is never contacted (the check comes before any request)
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
             FluxControllerSimulator flux = new FluxControllerSimulator(client, "flux-system")) {
            // When / Then
            assertThatThrownBy(() -> flux.inject(Kind.KUSTOMIZATION, "flux-system", Fault.progressDeadlineExceeded()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Deployment fault");
        }
    }
}
