package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.manifests.yaml.GoYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customizations of the Flux docs, on the real v2.8.0 components the Flux CLI generated. */
class UserKustomizationFluxComponentsTest {

    private static final String DIRECTORY = "clusters/my-cluster/flux-system";
    private static final String RESOURCES = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - gotk-components.yaml
            - gotk-sync.yaml
            """;
    private static final List<String> CONTROLLERS =
            List.of("source-controller", "kustomize-controller", "helm-controller", "notification-controller");

    private final Map<String, String> files = new LinkedHashMap<>();

    @BeforeEach
    void readTheComponentsAndSyncManifests() throws IOException {
        var expected = TestBundles.shared("v2.8.0-expected");
        files.put("gotk-components.yaml", Files.readString(expected.resolve("gotk-components.yaml")));
        files.put("gotk-sync.yaml", Files.readString(expected.resolve("gotk-sync.yaml")));
    }

    private List<Map<String, Object>> build() {
        return UserKustomization.build(DIRECTORY, files, Set.of());
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(at(o, "kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Object container(Map<String, Object> deployment, Object... path) {
        Object container = at(deployment, "spec", "template", "spec", "containers", 0);
        return at(container, path);
    }

    @Test
    void withoutPatchesGivesTheComponentsAndTheSyncObjectsInOrder() throws IOException {
        // Given the kustomization.yaml the Flux CLI generated
        files.put("kustomization.yaml", RESOURCES);

        // When
        List<Map<String, Object>> objects = build();

        // Then every document of both files, unchanged and in order
        List<Object> expected = GoYaml.loadAll(files.get("gotk-components.yaml"));
        expected.addAll(GoYaml.loadAll(files.get("gotk-sync.yaml")));
        assertThat(objects).hasSize(32 + 2);
        assertThat(objects).isEqualTo(expected);
    }

    @Test
    void addsAnArgumentToEveryControllerWithAJsonPatchOnTheirLabel() {
        // Given the docs' "increase concurrency" patch for all controllers
        files.put("kustomization.yaml", RESOURCES + """
                patches:
                  - patch: |
                      - op: add
                        path: /spec/template/spec/containers/0/args/-
                        value: --concurrent=20
                    target:
                      kind: Deployment
                      labelSelector: app.kubernetes.io/part-of=flux
                """);

        // When
        List<Map<String, Object>> objects = build();

        // Then every controller has the argument last, once
        for (String controller : CONTROLLERS) {
            List<?> args = (List<?>) container(find(objects, "Deployment", controller), "args");
            assertThat(args).last().isEqualTo("--concurrent=20");
            assertThat(args).filteredOn("--concurrent=20"::equals).hasSize(1);
        }
        // and nothing else changed
        assertThat(find(objects, "Service", "source-controller")).isEqualTo(
                GoYaml.loadAll(files.get("gotk-components.yaml")).stream()
                        .filter(o -> "Service".equals(at(o, "kind")) && "source-controller".equals(at(o, "metadata", "name")))
                        .findFirst().orElseThrow());
    }

    @Test
    void raisesLimitsOfControllersChosenByARegexWithoutRenamingThem() {
        // Given the docs' "vertical scaling" strategic merge patch named "all"
        files.put("kustomization.yaml", RESOURCES + """
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: all
                      spec:
                        template:
                          spec:
                            containers:
                              - name: manager
                                resources:
                                  limits:
                                    cpu: 2000m
                                    memory: 2Gi
                    target:
                      kind: Deployment
                      name: "(kustomize-controller|helm-controller)"
                """);

        // When
        List<Map<String, Object>> objects = build();

        // Then the two controllers have the limits, keep their requests, names and namespace
        for (String controller : List.of("kustomize-controller", "helm-controller")) {
            Map<String, Object> deployment = find(objects, "Deployment", controller);
            assertThat(container(deployment, "resources", "limits")).isEqualTo(Map.of("cpu", "2000m", "memory", "2Gi"));
            assertThat(container(deployment, "resources", "requests")).isNotNull();
            assertThat(container(deployment, "image")).asString().startsWith("ghcr.io/fluxcd/" + controller);
            assertThat(at(deployment, "metadata", "namespace")).isEqualTo("flux-system");
        }
        assertThat(container(find(objects, "Deployment", "source-controller"), "resources", "limits"))
                .isEqualTo(Map.of("cpu", "1000m", "memory", "1Gi"));
        assertThat(objects).noneMatch(o -> "all".equals(at(o, "metadata", "name")));
    }

    @Test
    void addsEnvironmentToOneControllerWithAPatchFileAndNoTarget() {
        // Given a strategic merge patch file naming the Deployment and its namespace
        files.put("kustomization.yaml", RESOURCES + """
                patches:
                  - path: kustomize-controller-env.yaml
                """);
        files.put("kustomize-controller-env.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: kustomize-controller
                  namespace: flux-system
                spec:
                  template:
                    spec:
                      containers:
                        - name: manager
                          env:
                            - name: HTTPS_PROXY
                              value: http://proxy.example.com:3128
                """);

        // When
        List<Map<String, Object>> objects = build();

        // Then the variable comes first (kustomize prepends), the others are kept
        List<?> env = (List<?>) container(find(objects, "Deployment", "kustomize-controller"), "env");
        assertThat(env).first().isEqualTo(Map.of("name", "HTTPS_PROXY", "value", "http://proxy.example.com:3128"));
        assertThat(env.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("name"))).toList()).contains("RUNTIME_NAMESPACE");
        assertThat((List<?>) container(find(objects, "Deployment", "helm-controller"), "env"))
                .noneMatch(e -> "HTTPS_PROXY".equals(((Map<?, ?>) e).get("name")));
    }

    @Test
    void pinsAnImageTag() {
        // Given
        files.put("kustomization.yaml", RESOURCES + """
                images:
                  - name: ghcr.io/fluxcd/source-controller
                    newTag: v1.8.1
                """);

        // When
        List<Map<String, Object>> objects = build();

        // Then
        assertThat(container(find(objects, "Deployment", "source-controller"), "image"))
                .isEqualTo("ghcr.io/fluxcd/source-controller:v1.8.1");
        assertThat(container(find(objects, "Deployment", "helm-controller"), "image")).asString()
                .startsWith("ghcr.io/fluxcd/helm-controller:").doesNotEndWith("v1.8.1");
    }

    @Test
    void deletesTheNetworkPoliciesWithAPatchDirective() {
        // Given a targeted "$patch: delete"
        files.put("kustomization.yaml", RESOURCES + """
                patches:
                  - patch: |
                      $patch: delete
                      apiVersion: networking.k8s.io/v1
                      kind: NetworkPolicy
                      metadata:
                        name: not-used
                    target:
                      kind: NetworkPolicy
                """);

        // When
        List<Map<String, Object>> objects = build();

        // Then
        assertThat(objects).hasSize(34 - 3).noneMatch(o -> "NetworkPolicy".equals(at(o, "kind")));
    }

    @Test
    void leavesOutTheSyncManifestsBeforeTheyAreWrittenWhenAsked() {
        // Given a user's kustomization written before the first bootstrap, without gotk-sync.yaml yet
        files.remove("gotk-sync.yaml");
        files.put("kustomization.yaml", RESOURCES);

        // When
        List<Map<String, Object>> objects = UserKustomization.build(DIRECTORY, files, Set.of("gotk-sync.yaml"));

        // Then
        assertThat(objects).hasSize(32).noneMatch(o -> "GitRepository".equals(at(o, "kind")));
        // and otherwise the missing file is an error
        assertThatThrownBy(this::build).isInstanceOf(FluxbootException.class).hasMessage(
                DIRECTORY + "/kustomization.yaml: resource 'gotk-sync.yaml' does not exist in " + DIRECTORY
                        + "; add the file or remove it from resources");
    }

    @Test
    void patchesTheSyncKustomization() {
        // Given a patch on the sync Kustomization (a custom resource: lists are replaced)
        files.put("kustomization.yaml", RESOURCES + """
                patches:
                  - patch: |
                      - op: add
                        path: /spec/decryption
                        value:
                          provider: sops
                          secretRef:
                            name: sops-age
                    target:
                      group: kustomize.toolkit.fluxcd.io
                      kind: Kustomization
                      name: flux-system
                """);

        // When
        List<Map<String, Object>> objects = build();

        // Then
        assertThat(at(find(objects, "Kustomization", "flux-system"), "spec", "decryption"))
                .isEqualTo(Map.of("provider", "sops", "secretRef", Map.of("name", "sops-age")));
    }
}
