package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.GoYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The kustomize behaviour of {@link UserKustomization} on small inline objects. */
class UserKustomizationTest {

    private static final String DIRECTORY = "clusters/dev/flux-system";
    private static final String FILE = DIRECTORY + "/kustomization.yaml";

    /** Two Deployments (one labelled and annotated), a Service, a ConfigMap of another group-less kind. */
    private static final String OBJECTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: source-controller
              namespace: flux-system
              labels: {app.kubernetes.io/part-of: flux, tier: core}
              annotations: {team: gitops}
            spec:
              template:
                spec:
                  containers:
                  - name: manager
                    image: ghcr.io/fluxcd/source-controller:v1.8.0
                    args: [--log-level=info]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: source-watcher
              namespace: flux-system
              labels: {app.kubernetes.io/part-of: flux}
            spec:
              template:
                spec:
                  containers:
                  - name: manager
                    image: ghcr.io/fluxcd/source-watcher:v2.0.0@sha256:abc
                    args: [--log-level=info]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: source-controller
              namespace: flux-system
              labels: {app.kubernetes.io/part-of: flux}
            spec:
              ports:
              - {name: http, port: 80, targetPort: http}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: other
            data: {a: "1"}
            """;

    private final Map<String, String> files = new LinkedHashMap<>(Map.of("objects.yaml", OBJECTS));

    private List<Map<String, Object>> build(String kustomization) {
        files.put("kustomization.yaml", kustomization);
        return UserKustomization.build(DIRECTORY, files, Set.of());
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(at(o, "kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Object args(List<Map<String, Object>> objects, String deployment) {
        return at(find(objects, "Deployment", deployment), "spec", "template", "spec", "containers", 0, "args");
    }

    /** Which Deployments a JSON patch with this target reaches. */
    private List<String> patchedBy(String target) {
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patches:
                - target: %s
                  patch: |
                    - {op: add, path: /metadata/annotations, value: {patched: "yes"}}
                """.formatted(target));
        return objects.stream()
                .filter(o -> "yes".equals(at(o, "metadata", "annotations", "patched")))
                .map(o -> at(o, "kind") + "/" + at(o, "metadata", "name"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "{kind: Deployment}=>Deployment/source-controller,Deployment/source-watcher",
            "{name: source-controller}=>Deployment/source-controller,Service/source-controller",
            "{name: source}=>''",
            "{name: 'source-.*'}=>Deployment/source-controller,Deployment/source-watcher,Service/source-controller",
            "{kind: Deployment, name: '(source-watcher|helm-controller)'}=>Deployment/source-watcher",
            "{group: apps}=>Deployment/source-controller,Deployment/source-watcher",
            "{version: v1, kind: 'Service|ConfigMap'}=>Service/source-controller,ConfigMap/settings",
            "{namespace: other}=>ConfigMap/settings",
            "{labelSelector: 'app.kubernetes.io/part-of=flux,tier!=core'}=>Deployment/source-watcher,Service/source-controller",
            "{labelSelector: 'tier in (core, edge)'}=>Deployment/source-controller",
            "{labelSelector: '!tier', kind: Deployment}=>Deployment/source-watcher",
            "{labelSelector: 'tier notin (core)', namespace: flux-system}=>Deployment/source-watcher,Service/source-controller",
            "{annotationSelector: team=gitops}=>Deployment/source-controller",
            "{annotationSelector: team}=>Deployment/source-controller"})
    void targetSelectsAsKustomizeDoes(String target, String expected) {
        assertThat(patchedBy(target)).containsExactlyElementsOf(
                expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void strategicMergeMergesContainersByNameAndPortsByPortAndDeletesNulls() {
        // Given
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patches:
                - patch: |
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: source-controller, namespace: flux-system, labels: {tier: null}}
                    spec:
                      template:
                        spec:
                          containers:
                          - name: sidecar
                            image: busybox
                          - name: manager
                            env: [{name: A, value: "1"}]
                - patch: |
                    apiVersion: v1
                    kind: Service
                    metadata: {name: source-controller, namespace: flux-system}
                    spec:
                      ports:
                      - {port: 80, targetPort: 9090}
                      - {name: metrics, port: 8080}
                """);

        // Then
        Map<String, Object> deployment = find(objects, "Deployment", "source-controller");
        assertThat(at(deployment, "metadata", "labels")).isEqualTo(Map.of("app.kubernetes.io/part-of", "flux"));
        assertThat(at(deployment, "spec", "template", "spec", "containers")).isEqualTo(List.of(
                Map.of("name", "sidecar", "image", "busybox"),
                Map.of("name", "manager", "image", "ghcr.io/fluxcd/source-controller:v1.8.0",
                        "args", List.of("--log-level=info"), "env", List.of(Map.of("name", "A", "value", "1")))));
        assertThat(at(find(objects, "Service", "source-controller"), "spec", "ports")).isEqualTo(List.of(
                Map.of("name", "http", "port", 80L, "targetPort", 9090L),
                Map.of("name", "metrics", "port", 8080L)));
    }

    @Test
    void strategicMergeDirectivesDeleteAndReplace() {
        // Given a patch deleting a container and replacing the pod spec's security context
        files.put("objects.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: source-controller, namespace: flux-system}
                spec:
                  template:
                    spec:
                      securityContext: {runAsUser: 1, fsGroup: 2}
                      containers:
                      - {name: manager, image: x}
                      - {name: debug, image: busybox}
                """);
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patches:
                - target: {kind: Deployment, name: source-controller}
                  patch: |
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: any}
                    spec:
                      template:
                        spec:
                          containers:
                          - {name: debug, $patch: delete}
                          securityContext: {$patch: replace, runAsNonRoot: true}
                """);

        // Then
        Object podSpec = at(find(objects, "Deployment", "source-controller"), "spec", "template", "spec");
        assertThat(((List<?>) at(podSpec, "containers")).stream().map(c -> at(c, "name")).toList())
                .isEqualTo(List.of("manager"));
        assertThat(at(podSpec, "securityContext")).isEqualTo(Map.of("runAsNonRoot", true));
    }

    @Test
    void patchesStrategicMergeInlineAndFromAFile() {
        // Given
        files.put("replicas.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: source-watcher, namespace: flux-system}
                spec: {replicas: 2}
                """);
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patchesStrategicMerge:
                - replicas.yaml
                - |
                  apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings, namespace: other}
                  data: {b: "2"}
                """);

        // Then
        assertThat(at(find(objects, "Deployment", "source-watcher"), "spec", "replicas")).isEqualTo(2L);
        assertThat(at(find(objects, "ConfigMap", "settings"), "data")).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void patchesJson6902WithATargetAndAPatchFile() {
        // Given
        files.put("args.yaml", """
                - op: replace
                  path: /spec/template/spec/containers/0/args/0
                  value: --log-level=debug
                - op: add
                  path: /spec/template/spec/containers/0/args/-
                  value: --concurrent=20
                """);
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patchesJson6902:
                - target: {group: apps, version: v1, kind: Deployment, name: source-watcher}
                  path: args.yaml
                """);

        // Then
        assertThat(args(objects, "source-watcher")).isEqualTo(List.of("--log-level=debug", "--concurrent=20"));
        assertThat(args(objects, "source-controller")).isEqualTo(List.of("--log-level=info"));
    }

    @Test
    void jsonPatchInJsonSyntaxWithMoveCopyAndTest() {
        // Given
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patches:
                - target: {kind: ConfigMap}
                  patch: '[{"op": "test", "path": "/data/a", "value": "1"}, {"op": "copy", "from": "/data/a", "path": "/data/b"},
                    {"op": "move", "from": "/data/a", "path": "/data/c"}]'
                """);

        // Then
        assertThat(at(find(objects, "ConfigMap", "settings"), "data")).isEqualTo(Map.of("b", "1", "c", "1"));
    }

    @Test
    void imagesSetNameTagAndDigest() {
        // When
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                images:
                - name: ghcr.io/fluxcd/source-controller
                  newName: registry.example.com/fluxcd/source-controller
                - name: ghcr.io/fluxcd/source-watcher
                  newTag: v2.0.1
                """);

        // Then
        Map<String, Object> controller = find(objects, "Deployment", "source-controller");
        Map<String, Object> watcher = find(objects, "Deployment", "source-watcher");
        assertThat(at(controller, "spec", "template", "spec", "containers", 0, "image"))
                .isEqualTo("registry.example.com/fluxcd/source-controller:v1.8.0");
        assertThat(at(watcher, "spec", "template", "spec", "containers", 0, "image"))
                .isEqualTo("ghcr.io/fluxcd/source-watcher:v2.0.1");
    }

    @Test
    void namespaceMovesNamespacedObjectsAfterPatchesAndBeforeJson6902() {
        // Given a JSON 6902 patch that targets the new namespace (it runs after the namespace)
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                namespace: gitops
                patchesJson6902:
                - target: {kind: ConfigMap, name: settings, namespace: gitops}
                  patch: '[{"op": "add", "path": "/data/moved", "value": "yes"}]'
                """);

        // Then
        assertThat(objects).allMatch(o -> "gitops".equals(at(o, "metadata", "namespace")));
        assertThat(at(find(objects, "ConfigMap", "settings"), "data", "moved")).isEqualTo("yes");
    }

    @Test
    void resourcesOfASubdirectoryWithItsOwnKustomization() {
        // Given
        files.put("extra/kustomization.yaml", "resources: [cm.yaml]\nnamespace: extra\n");
        files.put("extra/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n");

        // When
        List<Map<String, Object>> objects = build("resources: [objects.yaml, ./extra]\n");

        // Then
        assertThat(objects).hasSize(5);
        assertThat(at(find(objects, "ConfigMap", "extra"), "metadata", "namespace")).isEqualTo("extra");
    }

    @Test
    void aTargetedPatchThatMatchesNothingIsFine() {
        // When
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patches:
                - target: {kind: Deployment, name: helm-controller}
                  patch: '[{"op": "add", "path": "/spec/replicas", "value": 0}]'
                - target: {kind: Deployment, name: helm-controller}
                  patch: |
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: helm-controller}
                    spec: {replicas: 0}
                """);

        // Then
        assertThat(objects).hasSize(4);
    }

    @Test
    void aStrategicMergePatchWithoutTargetMustMatchAnObject() {
        // Given a patch that forgets the namespace: kustomize looks for it in "default"
        assertThatThrownBy(() -> build("""
                resources: [objects.yaml]
                patches:
                - patch: |
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: source-controller}
                    spec: {replicas: 2}
                """))
                .isInstanceOf(FluxbootException.class)
                .hasMessage(FILE + ": patches[0]: no matches for Id Deployment.v1.apps/source-controller.[noNs];"
                        + " no resource has the strategic merge patch's apiVersion, kind, metadata.name and"
                        + " metadata.namespace: fix them or give the patch a target");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"helmCharts", "vars", "crds", "configurations", "transformers", "openapi", "commonlabels"})
    void leavesToARealKustomizeTheFieldsItDoesNotBuild(String field) {
        assertThatThrownBy(() -> build("resources: [objects.yaml]\n" + field + ": []\n"))
                .isInstanceOfSatisfying(UnsupportedKustomizeFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.file()).isEqualTo(FILE);
                })
                .hasMessage(FILE + ": field '" + field + "' is not built by fluxboot itself");
    }

    @Test
    void leavesRemoteResourcesToARealKustomize() {
        assertThatThrownBy(() -> build("resources: [https://github.com/org/repo//deploy]\n"))
                .isInstanceOfSatisfying(UnsupportedKustomizeFieldException.class, e ->
                        assertThat(e.field()).isEqualTo("resources: https://github.com/org/repo//deploy"));
    }

    @Test
    void refusesUnknownFieldsAsKustomizeDoes() {
        assertThatThrownBy(() -> build("resource: [objects.yaml]\n"))
                .hasMessage(FILE + ": unknown field 'resource', kustomize refuses it too; check its spelling");
        assertThatThrownBy(() -> build("resources: [objects.yaml]\npatches:\n- path: p.yaml\n  targets: {kind: X}\n"))
                .hasMessage(FILE + ": patches[0]: unknown field 'targets', kustomize refuses it too;"
                        + " the fields are options, patch, path, target");
    }

    @Test
    void aMissingPatchFileIsAnError() {
        assertThatThrownBy(() -> build("resources: [objects.yaml]\npatches:\n- path: limits.yaml\n"))
                .isInstanceOf(FluxbootException.class)
                .hasMessage(FILE + ": patches[0]: patch file 'limits.yaml' does not exist in " + DIRECTORY
                        + "; add it or fix the path");
    }

    @Test
    void aJsonPatchPathThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> build("""
                resources: [objects.yaml]
                patches:
                - target: {kind: Deployment, name: source-controller}
                  patch: |
                    - op: replace
                      path: /spec/template/spec/containers/0/resources/limits/cpu
                      value: 2000m
                """))
                .isInstanceOf(FluxbootException.class)
                .hasMessage(FILE + ": patches[0]: cannot apply the JSON 6902 patch to Deployment/source-controller:"
                        + " replace /spec/template/spec/containers/0/resources/limits/cpu: the document has no"
                        + " /spec/template/spec/containers/0/resources; fix the path or the target"
                        + " (kind=Deployment, name=source-controller)");
    }

    @Test
    void aResourceListedTwiceIsAnError() {
        files.put("copy.yaml", OBJECTS);
        assertThatThrownBy(() -> build("resources: [objects.yaml, copy.yaml]\n"))
                .hasMessage(FILE + ": resource 'copy.yaml': Deployment.v1.apps/source-controller.flux-system is there"
                        + " twice; kustomize refuses an object listed twice: remove one");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "resources: [../other/x.yaml]=>resource '../other/x.yaml' is outside " + DIRECTORY
                    + "; fluxboot reads only the files under it",
            "resources: [objects.yaml]\\nkind: Components=>kind should be Kustomization or Component, not Components",
            "resources: [objects.yaml]\\nkind: Component\\napiVersion: kustomize.config.k8s.io/v1beta1=>apiVersion"
                    + " for Component should be kustomize.config.k8s.io/v1alpha1, not kustomize.config.k8s.io/v1beta1",
            "resources: [objects.yaml]\\nimages: [{name: x, newTag: 1.2}]=>images[0]: newTag must be a string, not 1.2;"
                    + " quote it",
            "resources: [objects.yaml]\\npatches: [{patch: 'kind: Deployment'}]=>patches[0]: the patch is neither a"
                    + " strategic merge patch (a Deployment has no metadata.name) nor a JSON 6902 patch (a list of"
                    + " operations); fix the patch",
            "resources: [objects.yaml]\\npatches: [{patch: '[{op: add, path: /x, value: 1}]'}]=>patches[0]: a JSON 6902"
                    + " patch needs a target; add target (e.g. kind and name) to the patch",
            "resources: [objects.yaml]\\npatches: [{patch: '[{op: add}]', target: {kind: X}}]=>patches[0]: operation 0"
                    + " (add) has no path",
            "resources: [objects.yaml]\\npatches: [{patch: '[]', target: {name: '(x'}}]=>patches[0]: target name '(x'"
                    + " is not a valid regular expression: Unclosed group",
            "resources: [objects.yaml]\\npatches: [{patch: '[]', target: {labelSelector: 'a in b'}}]=>patches[0]:"
                    + " target labelSelector 'a in b' is not a label selector: expected '(' at character 6",
            "resources: [objects.yaml]\\npatches: [{patch: {kind: X}}]=>patches[0]: patch must be a string, not a map;"
                    + " write the patch as a block string (patch: |)",
            "apiVersion: kustomize.config.k8s.io/v1beta1\\nkind: Kustomization=>is empty; list the resources to apply"
                    + " in it"})
    void refusesWhatKustomizeRefusesWithAClearMessage(String kustomization, String message) {
        assertThatThrownBy(() -> build(kustomization.replace("\\n", "\n")))
                .isInstanceOf(FluxbootException.class)
                .hasMessage(FILE + (message.startsWith("is empty") ? " " : ": ") + message);
    }

    @Test
    void aPatchOfCommentsOnlyDoesNothing() {
        // Given the placeholder of the Flux docs
        List<Map<String, Object>> objects = build("""
                resources: [objects.yaml]
                patches:
                - patch: |
                    # strategic merge or JSON patch
                  target: {kind: Deployment}
                """);

        // Then
        assertThat(objects).isEqualTo(GoYaml.loadAll(OBJECTS));
    }

    @Test
    void leavesOutLocalConfigObjects() {
        files.put("local.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: local
                  annotations: {config.kubernetes.io/local-config: "true"}
                """);
        assertThat(build("resources: [objects.yaml, local.yaml]\n")).hasSize(4);
    }
}
