package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriftTest {

    private static final Map<String, Object> LIVE = Map.of(
            "apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "c", "resourceVersion", "10", "generation", 1, "labels", Map.of("a", "1"),
                    "managedFields", List.of(Map.of("manager", "flux", "time", "2026-01-01T00:00:00Z"))),
            "data", Map.of("k", "v"));

    @Test
    void serverKeptMetadataAndStatusDoNotCount() {
        Map<String, Object> dryRun = Map.of(
                "apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "c", "resourceVersion", "11", "generation", 2, "labels", Map.of("a", "1"),
                        "managedFields", List.of(Map.of("manager", "flux", "time", "2026-02-02T00:00:00Z"))),
                "data", Map.of("k", "v"),
                "status", Map.of("phase", "whatever"));

        assertThat(Drift.hasDrifted(LIVE, dryRun)).isFalse();
    }

    @Test
    void labelsAnnotationsAndContentCount() {
        assertThat(Drift.hasDrifted(LIVE, with("metadata", Map.of("name", "c", "resourceVersion", "10", "labels", Map.of("a", "2")))))
                .isTrue();
        assertThat(Drift.hasDrifted(LIVE, with("metadata", Map.of("name", "c", "resourceVersion", "10", "labels", Map.of("a", "1"),
                "annotations", Map.of("x", "y"))))).isTrue();
        assertThat(Drift.hasDrifted(LIVE, with("data", Map.of("k", "w")))).isTrue();
    }

    @Test
    void aDryRunWithoutResourceVersionIsACreation() {
        assertThat(Drift.hasDrifted(LIVE, with("metadata", Map.of("name", "c", "labels", Map.of("a", "1"))))).isTrue();
    }

    @Test
    void emptyAndMissingAreTheSameAndNumbersCompareByValue() {
        assertThat(Drift.semanticallyEqual(Map.of("a", Map.of()), Map.of())).isTrue();
        assertThat(Drift.semanticallyEqual(Map.of("a", List.of()), Map.of("b", Map.of()))).isTrue();
        assertThat(Drift.semanticallyEqual(Map.of("n", 1), Map.of("n", 1L))).isTrue();
        assertThat(Drift.semanticallyEqual(Map.of("n", 1), Map.of("n", 2L))).isFalse();
        assertThat(Drift.semanticallyEqual(List.of("a", "b"), List.of("b", "a"))).isFalse();
        assertThat(Drift.semanticallyEqual(Map.of("a", "x"), Map.of())).isFalse();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(LIVE);
        copy.put(key, value);
        return copy;
    }
}
