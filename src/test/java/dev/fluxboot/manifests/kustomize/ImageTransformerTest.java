package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTransformerTest {

    private final ImageTransformer transformer =
            new ImageTransformer("fluxcd/source-controller", "registry.example.com:5000/mirror/source-controller");

    @Test
    void renamesTheImageKeepingTagAndDigest() {
        assertThat(transformer.rename("fluxcd/source-controller:v1.8.0"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller:v1.8.0");
        assertThat(transformer.rename("fluxcd/source-controller@sha256:abc123"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller@sha256:abc123");
        assertThat(transformer.rename("fluxcd/source-controller:v1@sha256:abc123"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller:v1@sha256:abc123");
        assertThat(transformer.rename("fluxcd/source-controller"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller");
        assertThat(transformer.rename("fluxcd/source-controller:"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller");
    }

    @Test
    void leavesOtherImagesAlone() {
        assertThat(transformer.rename("fluxcd/source-controller-extra:v1")).isNull();
        assertThat(transformer.rename("docker.io/fluxcd/source-controller:v1")).isNull();
        assertThat(transformer.rename("fluxcd/source-controller:v1 ")).isNull();
    }

    @Test
    void updatesContainersAndInitContainersAtAnyDepthAndImageVolumesButNotCrds() {
        // Given
        List<Resource> resources = TestYaml.resources("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: a, image: "fluxcd/source-controller:v1"}
                      - {name: b, image: "busybox:1"}
                      initContainers:
                      - {name: c, image: "fluxcd/source-controller@sha256:00"}
                      volumes:
                      - name: v
                        image: {reference: "fluxcd/source-controller:v2"}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: j}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                          - {name: a, image: "fluxcd/source-controller:v3"}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: x.example.com}
                spec:
                  containers:
                  - {image: "fluxcd/source-controller:v4"}
                """);

        // When
        transformer.apply(resources);

        // Then
        Object podSpec = at(resources.get(0).object(), "spec", "template", "spec");
        assertThat(at(podSpec, "containers", 0, "image")).isEqualTo("registry.example.com:5000/mirror/source-controller:v1");
        assertThat(at(podSpec, "containers", 1, "image")).isEqualTo("busybox:1");
        assertThat(at(podSpec, "initContainers", 0, "image"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller@sha256:00");
        assertThat(at(podSpec, "volumes", 0, "image", "reference"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller:v2");
        assertThat(at(resources.get(1).object(), "spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "image"))
                .isEqualTo("registry.example.com:5000/mirror/source-controller:v3");
        assertThat(at(resources.get(2).object(), "spec", "containers", 0, "image")).isEqualTo("fluxcd/source-controller:v4");
    }
}
