package dev.fluxboot.cli;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.FluxManifestFixtures;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export source external} and {@code export artifact generator} run as a user runs them, against a
 * real kube-apiserver with the CRDs of Flux v2.9.4's source-controller (ExternalArtifact among them) and an
 * ArtifactGenerator CRD of source-watcher's group, version and names (source-watcher's own CRD is not in the
 * shared v2.9.4 bundle; this one keeps any spec). The objects carry a status, server-set metadata and
 * kubectl's last-applied copy; the export keeps only what the Flux CLI v2.9.4 keeps: apiVersion, kind,
 * name, namespace, labels, annotations and the spec.
 */
class ExportArtifactKindsTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String EXTERNAL_ARTIFACT = "source.toolkit.fluxcd.io/v1";
    private static final String ARTIFACT_GENERATOR = "source.extensions.fluxcd.io/v1beta1";

    /** source-watcher's ArtifactGenerator CRD: its group, version, names and status subresource. */
    private static final String ARTIFACT_GENERATOR_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: artifactgenerators.source.extensions.fluxcd.io
              labels:
                app.kubernetes.io/component: source-watcher
            spec:
              group: source.extensions.fluxcd.io
              names:
                kind: ArtifactGenerator
                listKind: ArtifactGeneratorList
                plural: artifactgenerators
                singular: artifactgenerator
                shortNames: [ag]
              scope: Namespaced
              versions:
              - name: v1beta1
                served: true
                storage: true
                subresources:
                  status: {}
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                      status:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
            """;

    private static Cluster cluster;

    @BeforeAll
    static void installCrds() throws IOException {
        List<Map<String, Object>> crds = new ArrayList<>(FluxManifestFixtures.parse(Files.readString(
                        TestBundles.shared("v2.9.4").resolve("source-controller.yaml"))).stream()
                .filter(document -> "CustomResourceDefinition".equals(document.get("kind"))).toList());
        crds.addAll(FluxManifestFixtures.parse(ARTIFACT_GENERATOR_CRD));
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
        cluster.apply(crds, Duration.ofMinutes(1));
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anExternalArtifactIsWrittenAsTheFluxCliWritesIt() {
        // Given the ExternalArtifact of flux2's export test, labelled, annotated, applied by kubectl and reconciled
        String ns = namespace();
        create(ns, """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: ExternalArtifact
                metadata:
                  name: flux-system
                  labels:
                    team: platform
                  annotations:
                    example.com/owner: platform-team
                    kubectl.kubernetes.io/last-applied-configuration: '{"kind":"ExternalArtifact"}'
                spec:
                  sourceRef:
                    apiVersion: source.example.com/v1alpha1
                    kind: GitHubRelease
                    name: flux-system
                    namespace: NS
                """.replace("NS", ns));
        writeStatus(EXTERNAL_ARTIFACT, "ExternalArtifact", ns, "flux-system", Map.of(
                "artifact", Map.of("digest", "sha256:0123456789abcdef", "lastUpdateTime", "2026-01-01T00:00:00Z",
                        "path", "externalartifact/x.tar.gz", "revision", "v1.0.0",
                        "url", "http://source-watcher/x.tar.gz")));

        // When
        CliRun run = run("export", "source", "external", "flux-system", "-n", ns);

        // Then: flux2's golden file, with the labels and annotations kept
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: ExternalArtifact
                metadata:
                  annotations:
                    example.com/owner: platform-team
                  labels:
                    team: platform
                  name: flux-system
                  namespace: NS
                spec:
                  sourceRef:
                    apiVersion: source.example.com/v1alpha1
                    kind: GitHubRelease
                    name: flux-system
                    namespace: NS
                """.replace("NS", ns));
    }

    @Test
    void anArtifactGeneratorIsWrittenWithoutStatusOrServerMetadata() {
        // Given
        String ns = namespace();
        create(ns, generator("podinfo", "podinfo-repo"));
        writeStatus(ARTIFACT_GENERATOR, "ArtifactGenerator", ns, "podinfo", Map.of(
                "observedSourcesDigest", "sha256:abc",
                "inventory", List.of(Map.of("name", "podinfo", "namespace", ns, "digest", "sha256:def",
                        "filename", "podinfo.tar.gz"))));

        // When: the flags before the kind or after it
        CliRun run = run("export", "artifact", "generator", "podinfo", "-n", ns);
        CliRun allFirst = run("export", "--all", "-n", ns, "artifact", "generator");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                ---
                apiVersion: source.extensions.fluxcd.io/v1beta1
                kind: ArtifactGenerator
                metadata:
                  name: podinfo
                  namespace: NS
                spec:
                  artifacts:
                  - copy:
                    - exclude:
                      - '*.md'
                      from: '@podinfo/deploy/**'
                      strategy: Overwrite
                      to: '@artifact/'
                    name: podinfo
                    originRevision: '@podinfo'
                  sources:
                  - alias: podinfo
                    kind: GitRepository
                    name: podinfo-repo
                """.replace("NS", ns));
        assertThat(allFirst.exitCode()).isZero();
        assertThat(allFirst.out()).isEqualTo(run.out());
    }

    @Test
    void allWritesEveryObjectOfTheNamespaceByNameAndAllNamespacesSpansThem() {
        // Given two generators in one namespace and one in another
        String ns = namespace();
        String other = namespace();
        create(ns, generator("b", "repo-b") + "---\n" + generator("a", "repo-a"));
        create(other, generator("c", "repo-c"));

        // When
        CliRun all = run("export", "artifact", "generator", "--all", "-n", ns);
        CliRun everywhere = run("export", "artifact", "generator", "--all", "-A");

        // Then
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).isEqualTo(export("a", ns) + export("b", ns));
        assertThat(everywhere.exitCode()).isZero();
        assertThat(everywhere.out()).contains(export("a", ns) + export("b", ns), export("c", other));
    }

    @Test
    void aMissingObjectOrNoneAtAllIsOneLine() {
        String ns = namespace();

        CliRun missingGenerator = run("export", "artifact", "generator", "nope", "-n", ns);
        CliRun missingArtifact = run("export", "source", "external", "nope", "-n", ns);
        CliRun none = run("export", "source", "external", "--all", "-n", ns);
        CliRun noName = run("export", "artifact", "generator", "-n", ns);

        assertThat(missingGenerator.exitCode()).isEqualTo(1);
        assertThat(missingGenerator.out()).isEmpty();
        assertThat(missingGenerator.errLines()).containsExactly("✗ ArtifactGenerator \"nope\" not found in namespace " + ns);
        assertThat(missingArtifact.exitCode()).isEqualTo(1);
        assertThat(missingArtifact.errLines()).containsExactly("✗ ExternalArtifact \"nope\" not found in namespace " + ns);
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.errLines()).containsExactly("✗ no ExternalArtifact objects found in " + ns + " namespace");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.out()).isEmpty();
        assertThat(noName.errLines()).singleElement().asString()
                .contains("name is required: 'fluxboot export artifact generator NAME', or --all for every ArtifactGenerator");
    }

    @Test
    void theExportAppliedToAnEmptiedNamespaceRecreatesTheSameSpecs() {
        // Given one of each kind
        String ns = namespace();
        create(ns, generator("app", "app-repo") + """
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: ExternalArtifact
                metadata:
                  name: app
                  labels:
                    app.kubernetes.io/managed-by: source-watcher
                spec:
                  sourceRef:
                    apiVersion: source.extensions.fluxcd.io/v1beta1
                    kind: ArtifactGenerator
                    name: app
                """);
        Object generatorSpec = live(ARTIFACT_GENERATOR, "ArtifactGenerator", ns, "app").getAdditionalProperties().get("spec");
        Object artifactSpec = live(EXTERNAL_ARTIFACT, "ExternalArtifact", ns, "app").getAdditionalProperties().get("spec");
        String exported = run("export", "artifact", "generator", "--all", "-n", ns).out()
                + run("export", "source", "external", "--all", "--with-credentials", "-n", ns).out();

        // When both are deleted and the export applied
        client().genericKubernetesResources(ARTIFACT_GENERATOR, "ArtifactGenerator").inNamespace(ns).withName("app").delete();
        client().genericKubernetesResources(EXTERNAL_ARTIFACT, "ExternalArtifact").inNamespace(ns).withName("app").delete();
        FluxClusterFixture.awaitGone(client(), ARTIFACT_GENERATOR, "ArtifactGenerator", ns, "app", Duration.ofSeconds(10));
        FluxClusterFixture.awaitGone(client(), EXTERNAL_ARTIFACT, "ExternalArtifact", ns, "app", Duration.ofSeconds(10));
        List<Map<String, Object>> documents = FluxManifestFixtures.parse(exported);
        cluster.apply(documents, Duration.ofSeconds(30));

        // Then the same specs are back, and they export the same
        assertThat(documents).extracting(document -> document.get("kind")).containsExactly("ArtifactGenerator", "ExternalArtifact");
        assertThat(live(ARTIFACT_GENERATOR, "ArtifactGenerator", ns, "app").getAdditionalProperties().get("spec"))
                .isEqualTo(generatorSpec);
        assertThat(live(EXTERNAL_ARTIFACT, "ExternalArtifact", ns, "app").getAdditionalProperties().get("spec"))
                .isEqualTo(artifactSpec);
        assertThat(live(EXTERNAL_ARTIFACT, "ExternalArtifact", ns, "app").getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "source-watcher");
        String again = run("export", "artifact", "generator", "--all", "-n", ns).out()
                + run("export", "source", "external", "--all", "-n", ns).out();
        assertThat(again).isEqualTo(exported);
    }

    private static String generator(String name, String repository) {
        return """
                apiVersion: source.extensions.fluxcd.io/v1beta1
                kind: ArtifactGenerator
                metadata:
                  name: NAME
                spec:
                  sources:
                  - alias: NAME
                    kind: GitRepository
                    name: REPO
                  artifacts:
                  - name: NAME
                    originRevision: '@NAME'
                    copy:
                    - from: '@NAME/deploy/**'
                      to: '@artifact/'
                      exclude: ['*.md']
                      strategy: Overwrite
                """.replace("NAME", name).replace("REPO", repository);
    }

    /** What {@link #generator} exports to. */
    private static String export(String name, String namespace) {
        return """
                ---
                apiVersion: source.extensions.fluxcd.io/v1beta1
                kind: ArtifactGenerator
                metadata:
                  name: NAME
                  namespace: NS
                spec:
                  artifacts:
                  - copy:
                    - exclude:
                      - '*.md'
                      from: '@NAME/deploy/**'
                      strategy: Overwrite
                      to: '@artifact/'
                    name: NAME
                    originRevision: '@NAME'
                  sources:
                  - alias: NAME
                    kind: GitRepository
                    name: REPO
                """.replace("NAME", name).replace("REPO", "repo-" + name).replace("NS", namespace);
    }

    /** Creates the objects in {@code namespace} as a user would, with kubectl create. */
    private static void create(String namespace, String yaml) {
        for (Map<String, Object> object : FluxManifestFixtures.parse(yaml)) {
            GenericKubernetesResource resource = client().getKubernetesSerialization()
                    .convertValue(object, GenericKubernetesResource.class);
            client().genericKubernetesResources((String) object.get("apiVersion"), (String) object.get("kind"))
                    .inNamespace(namespace).resource(resource).create();
        }
    }

    /** Writes {@code status} as the controller would, through the status subresource. */
    private static void writeStatus(String apiVersion, String kind, String namespace, String name, Map<String, Object> status) {
        GenericKubernetesResource object = live(apiVersion, kind, namespace, name);
        object.getAdditionalProperties().put("status", status);
        client().genericKubernetesResources(apiVersion, kind).inNamespace(namespace).resource(object).updateStatus();
        assertThat(live(apiVersion, kind, namespace, name).getAdditionalProperties()).containsKey("status");
    }

    private static GenericKubernetesResource live(String apiVersion, String kind, String namespace, String name) {
        return client().genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get();
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kube.kubeconfig().toString());
        return CliRun.run(Map.of("HOME", kube.workDir().toString(), "NO_COLOR", "1"), Prompter.none(),
                all.toArray(String[]::new));
    }

    private static String namespace() {
        String name = "export-" + UUID.randomUUID().toString().substring(0, 8);
        client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static KubernetesClient client() {
        return kube.client();
    }
}
