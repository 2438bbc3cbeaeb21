package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.manifests.kustomize.JsonPatch.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

    private static Map<String, Object> deployment() {
        return TestYaml.map("""
                spec:
                  template:
                    spec:
                      containers:
                      - args: [--a, --b, --c]
                metadata:
                  annotations: {a/b: x}
                """);
    }

    @Test
    void replacesAndAppendsArguments() {
        // Given
        Map<String, Object> document = deployment();

        // When
        JsonPatch.of(
                Operation.replace("/spec/template/spec/containers/0/args/0", "--x"),
                Operation.replace("/spec/template/spec/containers/0/args/2", "--z"),
                Operation.add("/spec/template/spec/containers/0/args/-", "--appended"),
                Operation.add("/spec/template/spec/containers/0/args/1", "--inserted"),
                Operation.replace("/metadata/annotations/a~1b", "y"),
                Operation.remove("/metadata/annotations/a~1b"))
                .applyTo(document);

        // Then
        assertThat(at(document, "spec", "template", "spec", "containers", 0, "args"))
                .isEqualTo(List.of("--x", "--inserted", "--b", "--z", "--appended"));
        assertThat(at(document, "metadata", "annotations")).isEqualTo(Map.of());
    }

    @Test
    void replacingAnIndexThatDoesNotExistFails() {
        // Given three arguments
        Map<String, Object> document = deployment();

        // When / Then
        assertThatThrownBy(() -> JsonPatch.of(Operation.replace("/spec/template/spec/containers/0/args/3", "--x"))
                .applyTo(document))
                .isInstanceOf(JsonPatch.PatchFailedException.class)
                .hasMessage("replace /spec/template/spec/containers/0/args/3: index 3 is out of range, the array has 3 elements");
    }

    @Test
    void addingBeyondTheEndOrUnderAMissingParentFails() {
        Map<String, Object> document = deployment();

        assertThatThrownBy(() -> JsonPatch.of(Operation.add("/spec/template/spec/containers/0/args/4", "--x"))
                .applyTo(document))
                .isInstanceOf(JsonPatch.PatchFailedException.class)
                .hasMessageContaining("index 4 is out of range");
        assertThatThrownBy(() -> JsonPatch.of(Operation.add("/spec/template/spec/containers/1/args/-", "--x"))
                .applyTo(document))
                .isInstanceOf(JsonPatch.PatchFailedException.class)
                .hasMessageContaining("has no /spec/template/spec/containers/1");
    }

    @Test
    void replacingOrRemovingAMissingKeyFails() {
        Map<String, Object> document = deployment();

        assertThatThrownBy(() -> JsonPatch.of(Operation.replace("/spec/replicas", 2)).applyTo(document))
                .isInstanceOf(JsonPatch.PatchFailedException.class);
        assertThatThrownBy(() -> JsonPatch.of(Operation.remove("/spec/replicas")).applyTo(document))
                .isInstanceOf(JsonPatch.PatchFailedException.class);
    }
}
