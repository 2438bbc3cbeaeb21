package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StrategicMerge#apply} on kinds other than Deployments, and the $patch directives. */
class StrategicMergeKindsTest {

    @Test
    void aListElementReplaceDirectiveReplacesTheWholeMergeList() {
        // Given
        Map<String, Object> deployment = TestYaml.map("""
                apiVersion: apps/v1
                kind: Deployment
                spec: {template: {spec: {volumes: [{name: data, emptyDir: {}}, {name: tmp, emptyDir: {}}]}}}
                """);
        Map<String, Object> patch = TestYaml.map("""
                spec: {template: {spec: {volumes: [{$patch: replace}, {name: tmp, emptyDir: {medium: Memory}}]}}}
                """);

        // When
        boolean kept = StrategicMerge.apply(deployment, patch);

        // Then
        assertThat(kept).isTrue();
        assertThat(at(deployment, "spec", "template", "spec", "volumes"))
                .isEqualTo(List.of(Map.of("name", "tmp", "emptyDir", Map.of("medium", "Memory"))));
        assertThat(at(patch, "spec", "template", "spec", "volumes", 0)).isEqualTo(Map.of("$patch", "replace"));
    }

    @Test
    void customResourceListsAreReplacedAndNullsOfNewSubtreesDropped() {
        // Given a GitRepository (no schema in kustomize: lists replace) and a patch adding a subtree
        Map<String, Object> repository = TestYaml.map("""
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                spec: {include: [{repository: {name: a}}, {repository: {name: b}}]}
                """);
        Map<String, Object> patch = TestYaml.map("""
                spec:
                  include: [{repository: {name: c}}]
                  verify: {mode: HEAD, secretRef: {name: keys}, extra: null, gone: {$patch: delete}}
                """);

        // When
        StrategicMerge.apply(repository, patch);

        // Then
        assertThat(at(repository, "spec")).isEqualTo(Map.of(
                "include", List.of(Map.of("repository", Map.of("name", "c"))),
                "verify", Map.of("mode", "HEAD", "secretRef", Map.of("name", "keys"))));
    }

    @Test
    void serviceAccountSecretsMergeByNameAndTopLevelDeleteDeletes() {
        // Given
        Map<String, Object> account = TestYaml.map("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: sa, annotations: {a: "1"}}
                secrets: [{name: one}]
                """);

        // When
        StrategicMerge.apply(account, TestYaml.map("""
                metadata: {annotations: {eks.amazonaws.com/role-arn: arn}}
                secrets: [{name: two}]
                """));

        // Then
        assertThat(at(account, "metadata", "annotations")).isEqualTo(Map.of("a", "1", "eks.amazonaws.com/role-arn", "arn"));
        assertThat(at(account, "secrets")).isEqualTo(List.of(Map.of("name", "two"), Map.of("name", "one")));
        assertThat(StrategicMerge.apply(account, TestYaml.map("{$patch: delete}"))).isFalse();
    }

    @Test
    void anUnknownDirectiveIsRefused() {
        Map<String, Object> object = TestYaml.map("{apiVersion: v1, kind: ConfigMap, data: {a: b}}");
        assertThatThrownBy(() -> StrategicMerge.apply(object, TestYaml.map("data: {$patch: remove}")))
                .isInstanceOf(StrategicMerge.InvalidPatchException.class)
                .hasMessage("unknown patch strategy 'remove'");
    }
}
