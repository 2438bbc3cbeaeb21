package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {

    @Test
    void mergesMapsAndImagePullSecretsByNamePatchFirstAndReplacesTolerations() {
        // Given a Deployment with a node selector, pull secrets and tolerations of its own
        Map<String, Object> deployment = TestYaml.map("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      nodeSelector: {disk: ssd}
                      imagePullSecrets:
                      - {name: mine}
                      - {name: shared}
                      tolerations:
                      - {key: old, operator: Exists}
                      containers:
                      - {name: manager, image: x}
                """);
        Map<String, Object> patch = TestYaml.map("""
                spec:
                  template:
                    spec:
                      nodeSelector: {kubernetes.io/os: linux}
                      imagePullSecrets:
                      - {name: flux}
                      - {name: shared}
                      tolerations:
                      - {key: new, operator: Exists}
                """);

        // When
        StrategicMerge.applyToDeployment(deployment, patch);

        // Then
        Object podSpec = at(deployment, "spec", "template", "spec");
        assertThat(at(podSpec, "nodeSelector")).isEqualTo(Map.of("disk", "ssd", "kubernetes.io/os", "linux"));
        assertThat(at(podSpec, "imagePullSecrets")).isEqualTo(List.of(
                Map.of("name", "flux"), Map.of("name", "shared"), Map.of("name", "mine")));
        assertThat(at(podSpec, "tolerations")).isEqualTo(List.of(Map.of("key", "new", "operator", "Exists")));
        assertThat(at(podSpec, "containers")).isEqualTo(List.of(Map.of("name", "manager", "image", "x")));
    }

    @Test
    void mergesContainersByNameAndRemovesFieldsSetToNull() {
        // Given
        Map<String, Object> deployment = TestYaml.map("""
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                      - name: manager
                        image: x
                        env:
                        - {name: A, value: "1"}
                """);
        Map<String, Object> patch = TestYaml.map("""
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                      - name: manager
                        env:
                        - {name: B, value: "2"}
                """);

        // When
        StrategicMerge.applyToDeployment(deployment, patch);

        // Then
        assertThat(at(deployment, "spec")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("replicas");
        assertThat(at(deployment, "spec", "template", "spec", "containers", 0, "image")).isEqualTo("x");
        assertThat(at(deployment, "spec", "template", "spec", "containers", 0, "env")).isEqualTo(List.of(
                Map.of("name", "B", "value", "2"), Map.of("name", "A", "value", "1")));
    }

    @Test
    void oneMergedPatchLeavesTargetsIndependent() {
        // Given one patch applied to two Deployments without the fields
        Map<String, Object> patch = TestYaml.map("spec: {template: {spec: {nodeSelector: {kubernetes.io/os: linux}}}}");
        Map<String, Object> first = TestYaml.map("spec: {template: {spec: {}}}");
        Map<String, Object> second = TestYaml.map("spec: {template: {spec: {}}}");
        StrategicMerge.applyToDeployment(first, patch);
        StrategicMerge.applyToDeployment(second, patch);

        // When one is changed afterwards
        Nodes.asMap(at(first, "spec", "template", "spec", "nodeSelector")).put("extra", "x");

        // Then the other and the patch are not
        assertThat(at(second, "spec", "template", "spec", "nodeSelector")).isEqualTo(Map.of("kubernetes.io/os", "linux"));
        assertThat(at(patch, "spec", "template", "spec", "nodeSelector")).isEqualTo(Map.of("kubernetes.io/os", "linux"));
    }
}
