package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.FluxManifestFixtures;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code export} against a real kube-apiserver with the real Flux v2.8.0 CRDs: the objects the
 * Flux CLI's own export test creates come out as its golden files say (CRD defaults filled in by
 * the server, durations in Go's form), and an export applied to an emptied cluster recreates the
 * objects and their credentials.
 */
class FluxExporterTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static Cluster cluster;
    private static FluxExporter exporter;

    @BeforeAll
    static void install() {
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
        cluster.apply(FluxClusterFixture.v280In("flux-system"), Duration.ofMinutes(2));
        exporter = new FluxExporter(cluster);
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void objectsAreWrittenAsTheFluxCliWritesThem() {
        // Given the objects of flux2's cmd/flux/testdata/export/objects.yaml
        String ns = namespace();
        create(ns, """
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Provider
                metadata:
                  name: slack
                spec:
                  type: slack
                  channel: 'A channel with spacess'
                  address: https://hooks.slack.com/services/mock
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Alert
                metadata:
                  name: flux-system
                spec:
                  summary: "Slacktest Notification"
                  providerRef:
                    name: slack
                  eventSeverity: info
                  eventSources:
                    - kind: "GitRepository"
                      name: "*"
                    - kind: "Kustomization"
                      name: "*"
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: flux-system
                spec:
                  ref:
                    branch: main
                  secretRef:
                    name: flux-system
                  interval: 5m
                  url: ssh://git@github.com/example/repo
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: flux-system
                spec:
                  path: ./infrastructure/
                  sourceRef:
                    kind: GitRepository
                    name: flux-system
                  interval: 5m
                  prune: true
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: flux-system
                spec:
                  type: github
                  events:
                    - "ping"
                    - "push"
                  secretRef:
                    name: webhook-token
                  resources:
                    - kind: GitRepository
                      name: flux-system
                      namespace: flux-system
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata:
                  name: flux-system
                spec:
                  interval: 5m
                  timeout: 1m0s
                  url: https://stefanprodan.github.io/podinfo
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmChart
                metadata:
                  name: flux-system
                spec:
                  chart: podinfo
                  interval: 1m0s
                  reconcileStrategy: ChartVersion
                  sourceRef:
                    kind: HelmRepository
                    name: podinfo
                  version: '*'
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: flux-system
                spec:
                  interval: 5m
                  chart:
                    spec:
                      chart: podinfo
                      sourceRef:
                        kind: HelmRepository
                        name: flux-systen
                        namespace: NS
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: Bucket
                metadata:
                  name: flux-system
                spec:
                  interval: 5m
                  provider: aws
                  bucketName: podinfo
                  endpoint: s3.amazonaws.com
                  region: us-east-1
                  timeout: 30s
                """.replace("NS", ns));

        // When / Then: the golden files of that test
        assertThat(exportOne(FluxKind.PROVIDER, ns, "slack")).isEqualTo("""
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Provider
                metadata:
                  name: slack
                  namespace: NS
                spec:
                  address: https://hooks.slack.com/services/mock
                  channel: A channel with spacess
                  type: slack
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.ALERT, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Alert
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  eventSeverity: info
                  eventSources:
                  - kind: GitRepository
                    name: '*'
                  - kind: Kustomization
                    name: '*'
                  providerRef:
                    name: slack
                  summary: Slacktest Notification
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.GIT_REPOSITORY, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  interval: 5m0s
                  ref:
                    branch: main
                  secretRef:
                    name: flux-system
                  timeout: 1m0s
                  url: ssh://git@github.com/example/repo
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.KUSTOMIZATION, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  interval: 5m0s
                  path: ./infrastructure/
                  prune: true
                  sourceRef:
                    kind: GitRepository
                    name: flux-system
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.RECEIVER, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1
                kind: Receiver
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  events:
                  - ping
                  - push
                  interval: 10m0s
                  resources:
                  - kind: GitRepository
                    name: flux-system
                    namespace: flux-system
                  secretRef:
                    name: webhook-token
                  type: github
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.HELM_REPOSITORY, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  interval: 5m0s
                  provider: generic
                  timeout: 1m0s
                  url: https://stefanprodan.github.io/podinfo
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.HELM_CHART, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmChart
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  chart: podinfo
                  interval: 1m0s
                  reconcileStrategy: ChartVersion
                  sourceRef:
                    kind: HelmRepository
                    name: podinfo
                  version: '*'
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.HELM_RELEASE, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  chart:
                    spec:
                      chart: podinfo
                      reconcileStrategy: ChartVersion
                      sourceRef:
                        kind: HelmRepository
                        name: flux-systen
                        namespace: NS
                      version: '*'
                  interval: 5m0s
                """.replace("NS", ns));
        assertThat(exportOne(FluxKind.BUCKET, ns, "flux-system")).isEqualTo("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: Bucket
                metadata:
                  name: flux-system
                  namespace: NS
                spec:
                  bucketName: podinfo
                  endpoint: s3.amazonaws.com
                  interval: 5m0s
                  provider: aws
                  region: us-east-1
                  timeout: 30s
                """.replace("NS", ns));
    }

    @Test
    void labelsAndAnnotationsAreKeptButNotKubectlsLastAppliedCopy() {
        // Given
        String ns = namespace();
        create(ns, """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: OCIRepository
                metadata:
                  name: podinfo
                  labels:
                    team: apps
                  annotations:
                    example.com/owner: apps-team
                    kubectl.kubernetes.io/last-applied-configuration: '{"kind":"OCIRepository"}'
                spec:
                  interval: 1h
                  url: oci://ghcr.io/stefanprodan/manifests/podinfo
                  ref:
                    tag: latest
                """);

        // When
        String yaml = exportOne(FluxKind.OCI_REPOSITORY, ns, "podinfo");

        // Then
        assertThat(yaml).startsWith("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: OCIRepository
                metadata:
                  annotations:
                    example.com/owner: apps-team
                  labels:
                    team: apps
                  name: podinfo
                  namespace: NS
                spec:
                  interval: 1h0m0s
                """.replace("NS", ns)).doesNotContain("last-applied", "status", "creationTimestamp", "managedFields",
                "resourceVersion", "uid", "generation");
    }

    @Test
    void anExportWithCredentialsAppliedToAnEmptiedClusterRecreatesTheObjects() {
        // Given a GitRepository with its credentials and a Kustomization of it
        String ns = namespace();
        String password = "token-" + UUID.randomUUID();
        client().secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("git-auth").endMetadata()
                .withType("kubernetes.io/basic-auth")
                .addToStringData("username", "git").addToStringData("password", password).build()).create();
        create(ns, """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: app
                  labels:
                    tier: web
                spec:
                  interval: 1m
                  url: https://git.example.com/app.git
                  ref:
                    branch: main
                  secretRef:
                    name: git-auth
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: app
                spec:
                  interval: 10m
                  retryInterval: 90s
                  path: ./deploy
                  prune: true
                  sourceRef:
                    kind: GitRepository
                    name: app
                """);
        Secret secret = client().secrets().inNamespace(ns).withName("git-auth").get();

        // When exported, deleted and the export applied
        List<Map<String, Object>> documents = new ArrayList<>(exporter.exportOne(FluxKind.GIT_REPOSITORY, ns, "app", true));
        documents.addAll(exporter.exportAll(FluxKind.KUSTOMIZATION, Optional.of(ns), false));
        String yaml = FluxExporter.toYaml(documents);
        client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository").inNamespace(ns).withName("app").delete();
        client().genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization").inNamespace(ns).withName("app").delete();
        client().secrets().inNamespace(ns).withName("git-auth").delete();
        FluxClusterFixture.awaitGone(client(), "v1", "Secret", ns, "git-auth", Duration.ofSeconds(10));
        FluxClusterFixture.awaitGone(client(), "source.toolkit.fluxcd.io/v1", "GitRepository", ns, "app", Duration.ofSeconds(10));
        FluxClusterFixture.awaitGone(client(), "kustomize.toolkit.fluxcd.io/v1", "Kustomization", ns, "app", Duration.ofSeconds(10));
        List<Map<String, Object>> parsed = GoYaml.loadAll(yaml).stream().map(FluxExporterTest::asMap).toList();
        cluster.apply(parsed, Duration.ofSeconds(30));

        // Then the same objects are back: exported again, they read the same
        assertThat(yaml).contains("kind: Secret").doesNotContain(password);
        assertThat(parsed).extracting(o -> o.get("kind")).containsExactly("GitRepository", "Secret", "Kustomization");
        List<Map<String, Object>> again = new ArrayList<>(exporter.exportOne(FluxKind.GIT_REPOSITORY, ns, "app", true));
        again.addAll(exporter.exportAll(FluxKind.KUSTOMIZATION, Optional.of(ns), false));
        assertThat(FluxExporter.toYaml(again)).isEqualTo(yaml);
        Map<?, ?> spec = (Map<?, ?>) live("kustomize.toolkit.fluxcd.io/v1", "Kustomization", ns, "app")
                .getAdditionalProperties().get("spec");
        assertThat(spec.get("path")).isEqualTo("./deploy");
        assertThat(spec.get("retryInterval")).isEqualTo("1m30s");
        Secret recreated = client().secrets().inNamespace(ns).withName("git-auth").get();
        assertThat(recreated.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(recreated.getData()).isEqualTo(secret.getData());
    }

    @Test
    void allWritesEachSharedSecretOnceAndCanSpanNamespaces() {
        // Given two sources sharing one Secret, and a third in another namespace
        String ns = namespace();
        String other = namespace();
        client().secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("shared").endMetadata()
                .addToStringData("bearerToken", "t").build()).create();
        create(ns, repository("b", "shared") + "---\n" + repository("a", "shared"));
        create(other, repository("c", null));

        // When
        List<Map<String, Object>> inNamespace = exporter.exportAll(FluxKind.GIT_REPOSITORY, Optional.of(ns), true);
        List<Map<String, Object>> everywhere = exporter.exportAll(FluxKind.GIT_REPOSITORY, Optional.empty(), false);

        // Then
        assertThat(inNamespace).extracting(o -> o.get("kind") + "/" + ((Map<?, ?>) o.get("metadata")).get("name"))
                .containsExactly("GitRepository/a", "Secret/shared", "GitRepository/b");
        assertThat(everywhere).extracting(o -> ((Map<?, ?>) o.get("metadata")).get("namespace") + "/"
                        + ((Map<?, ?>) o.get("metadata")).get("name"))
                .containsSubsequence(ns + "/a", ns + "/b").contains(other + "/c");
    }

    @Test
    void whatCannotBeExportedIsOneClearLine() {
        String ns = namespace();
        assertThatThrownBy(() -> exporter.exportOne(FluxKind.GIT_REPOSITORY, ns, "missing", false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("GitRepository \"missing\" not found in namespace " + ns);
        assertThatThrownBy(() -> exporter.exportAll(FluxKind.HELM_RELEASE, Optional.of(ns), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("no HelmRelease objects found in " + ns + " namespace");
        assertThatThrownBy(() -> exporter.exportAll(FluxKind.IMAGE_POLICY, Optional.of(ns), false))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("cannot export ImagePolicy objects: the cluster has no CustomResourceDefinition"
                        + " imagepolicies.image.toolkit.fluxcd.io; is image-reflector-controller installed?"
                        + " It is installed with --components-extra=image-reflector-controller");
        create(ns, repository("orphan", "gone"));
        assertThatThrownBy(() -> exporter.exportOne(FluxKind.GIT_REPOSITORY, ns, "orphan", true))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("failed to retrieve secret " + ns + "/gone referenced by GitRepository " + ns + "/orphan: not found");
    }

    private static String repository(String name, String secret) {
        return "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: " + name
                + "\nspec:\n  interval: 1m\n  url: https://git.example.com/" + name + ".git\n"
                + (secret == null ? "" : "  secretRef:\n    name: " + secret + "\n");
    }

    private static String exportOne(FluxKind kind, String namespace, String name) {
        return FluxExporter.toYaml(exporter.exportOne(kind, namespace, name, false));
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

    private static GenericKubernetesResource live(String apiVersion, String kind, String namespace, String name) {
        return client().genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object document) {
        return (Map<String, Object>) document;
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
