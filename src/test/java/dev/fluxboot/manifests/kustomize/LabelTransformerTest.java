package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelTransformerTest {

    @Test
    void labelsEveryObjectAndDeploymentPodTemplatesOnly() {
        // Given an object with labels, one without metadata labels, a Deployment and a StatefulSet
        List<Resource> resources = TestYaml.resources("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: a, labels: {app.kubernetes.io/component: a}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: b}
                spec:
                  selector: {app: b}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: c}
                spec:
                  selector:
                    matchLabels: {app: c}
                  template:
                    spec: {}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: d}
                spec:
                  template:
                    metadata: {labels: {app: d}}
                """);

        // When
        new LabelTransformer(Map.of("app.kubernetes.io/instance", "apps", "app.kubernetes.io/part-of", "flux"))
                .apply(resources);

        // Then
        assertThat(at(resources.get(0).object(), "metadata", "labels")).isEqualTo(Map.of(
                "app.kubernetes.io/component", "a", "app.kubernetes.io/instance", "apps", "app.kubernetes.io/part-of", "flux"));
        assertThat(at(resources.get(1).object(), "metadata", "labels")).isEqualTo(Map.of(
                "app.kubernetes.io/instance", "apps", "app.kubernetes.io/part-of", "flux"));
        assertThat(at(resources.get(1).object(), "spec", "selector")).isEqualTo(Map.of("app", "b"));
        assertThat(at(resources.get(2).object(), "spec", "template", "metadata", "labels")).isEqualTo(Map.of(
                "app.kubernetes.io/instance", "apps", "app.kubernetes.io/part-of", "flux"));
        assertThat(at(resources.get(2).object(), "spec", "selector", "matchLabels")).isEqualTo(Map.of("app", "c"));
        assertThat(at(resources.get(3).object(), "spec", "template", "metadata", "labels")).isEqualTo(Map.of("app", "d"));
    }
}
