package dev.fluxboot.manifests.overlay;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.kustomize.Resource;
import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerPatchesTest {

    private static final List<String> ALL = List.of("source-controller", "kustomize-controller", "helm-controller",
            "notification-controller", "source-watcher");

    private static List<Resource> fixture(List<String> components) {
        Bundle bundle = TestBundles.mini();
        List<Resource> resources = new ArrayList<>();
        for (String component : components) {
            resources.addAll(TestYaml.resources(bundle.file(component + ".yaml").orElseThrow()));
        }
        return resources;
    }

    private static Map<String, Object> deployment(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.kind().equals("Deployment") && r.name().equals(name))
                .findFirst().orElseThrow().object();
    }

    private static Object args(List<Resource> resources, String name) {
        return at(deployment(resources, name), "spec", "template", "spec", "containers", 0, "args");
    }

    private static InstallOptions options(List<String> components, String pullSecret, boolean watchAll, String logLevel,
                                          String clusterDomain, List<String> tolerationKeys) {
        return new InstallOptions("v9.9.9", "apps", components, List.of(), "ghcr.io/fluxcd", pullSecret, watchAll,
                true, logLevel, clusterDomain, tolerationKeys);
    }

    @Test
    void rewritesTheControllerArgumentsLikeFlux() {
        // Given every fixture controller
        List<Resource> resources = fixture(ALL);

        // When
        new ControllerPatches(options(ALL, "", false, "debug", "k8s.example", List.of()), ALL, "mini").apply(resources);

        // Then
        String events = "--events-addr=http://notification-controller.$(RUNTIME_NAMESPACE).svc.k8s.example./";
        assertThat(args(resources, "source-controller")).isEqualTo(List.of(events, "--watch-all-namespaces=false",
                "--log-level=debug", "--log-encoding=json", "--enable-leader-election", "--storage-path=/data",
                "--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.k8s.example."));
        assertThat(args(resources, "source-watcher")).asList().element(6)
                .isEqualTo("--storage-adv-addr=source-watcher.$(RUNTIME_NAMESPACE).svc.k8s.example.");
        assertThat(args(resources, "notification-controller")).isEqualTo(List.of("--watch-all-namespaces=false",
                "--log-level=debug", "--log-encoding=json", "--enable-leader-election"));
        // and source-watcher switches ExternalArtifact on in kustomize- and helm-controller only
        for (String name : List.of("kustomize-controller", "helm-controller")) {
            assertThat(args(resources, name)).isEqualTo(List.of(events, "--watch-all-namespaces=false",
                    "--log-level=debug", "--log-encoding=json", "--enable-leader-election",
                    "--feature-gates=ExternalArtifact=true"));
        }
        assertThat(args(resources, "source-controller")).asList().doesNotContain("--feature-gates=ExternalArtifact=true");
    }

    @Test
    void withoutNotificationControllerTheEventsAddressIsEmptyAndWithoutSourceWatcherNoFeatureGate() {
        // Given
        List<String> components = List.of("source-controller", "kustomize-controller");
        List<Resource> resources = fixture(components);

        // When
        new ControllerPatches(options(components, "", true, "info", "cluster.local", List.of()), components, "mini")
                .apply(resources);

        // Then
        assertThat(args(resources, "kustomize-controller")).isEqualTo(List.of("--events-addr=",
                "--watch-all-namespaces=true", "--log-level=info", "--log-encoding=json", "--enable-leader-election"));
    }

    @Test
    void addsNodeSelectorPullSecretAndTolerationsToEveryDeployment() {
        // Given
        List<Resource> resources = fixture(ALL);

        // When
        new ControllerPatches(options(ALL, "regcred", true, "info", "cluster.local", List.of("dedicated", "example.com/flux")),
                ALL, "mini").apply(resources);

        // Then
        for (String name : ALL) {
            Object podSpec = at(deployment(resources, name), "spec", "template", "spec");
            assertThat(at(podSpec, "nodeSelector")).isEqualTo(Map.of("kubernetes.io/os", "linux"));
            assertThat(at(podSpec, "imagePullSecrets")).isEqualTo(List.of(Map.of("name", "regcred")));
            assertThat(at(podSpec, "tolerations")).isEqualTo(List.of(
                    Map.of("key", "dedicated", "operator", "Exists"),
                    Map.of("key", "example.com/flux", "operator", "Exists")));
        }
    }

    @Test
    void withDefaultsOnlyTheNodeSelectorIsAdded() {
        // Given
        List<Resource> resources = fixture(ALL);

        // When
        new ControllerPatches(options(ALL, "", true, "info", "cluster.local", List.of()), ALL, "mini").apply(resources);

        // Then
        Object podSpec = at(deployment(resources, "helm-controller"), "spec", "template", "spec");
        assertThat(podSpec).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("nodeSelector", Map.of("kubernetes.io/os", "linux"))
                .doesNotContainKeys("imagePullSecrets", "tolerations");
    }

    @Test
    void argumentsShorterThanFluxExpectsFailTheBuild() {
        // Given a source-controller without the storage arguments
        List<Resource> resources = TestYaml.resources("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: source-controller}
                spec:
                  template:
                    spec:
                      containers:
                      - args: [--events-addr=, --watch-all-namespaces=true, --log-level=info]
                """);
        List<String> components = List.of("source-controller");

        // When / Then
        assertThatThrownBy(() -> new ControllerPatches(options(components, "", true, "info", "cluster.local", List.of()),
                components, "the bundle").apply(resources))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("Deployment/source-controller of the bundle")
                .hasMessageContaining("replace /spec/template/spec/containers/0/args/6");
    }
}
