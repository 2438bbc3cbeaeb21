package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.FluxManifestFixtures;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staged server-side apply of the real Flux v2.8.0/v2.8.1 installation, CRDs as released, against a
 * real kube-apiserver. The methods share one cluster and run in any order: each applies the installation
 * it starts from ({@link KubeClusterApplyOnAnEmptyClusterTest}: the first apply, on a server of its own).
 */
class KubeClusterApplyTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static Cluster cluster;

    @BeforeAll
    static void connect() {
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void discoveryReportsTheStorageVersionHashTheStorageMigrationWaitsFor() {
        // Given the v2.8.0 CRDs
        cluster.apply(v280(), TIMEOUT);
        for (CustomResourceDefinition crd : client().apiextensions().v1().customResourceDefinitions()
                .withLabel("app.kubernetes.io/part-of", "flux").list().getItems()) {
            String group = crd.getSpec().getGroup();
            String storage = crd.getSpec().getVersions().stream().filter(v -> v.getStorage()).findFirst().orElseThrow()
                    .getName();

            // When
            String reported = client().getApiResources(group + "/" + storage).getResources().stream()
                    .filter(resource -> resource.getName().equals(crd.getSpec().getNames().getPlural()))
                    .findFirst().orElseThrow().getStorageVersionHash();

            // Then
            assertThat(reported).as(crd.getMetadata().getName())
                    .isEqualTo(StorageMigration.storageVersionHash(group, storage, crd.getSpec().getNames().getKind()));
        }
    }

    @Test
    void reRunWithNothingChangedWritesNothing() {
        // Given the installation is in place
        List<Map<String, Object>> objects = new ArrayList<>(v280());
        objects.add(gitRepository());
        cluster.apply(objects, TIMEOUT);
        Map<String, String> before = resourceVersions(objects);

        // When
        List<ObjectChange> changes = cluster.apply(objects, TIMEOUT);

        // Then nothing was written
        assertThat(changes).hasSize(objects.size())
                .allSatisfy(change -> assertThat(change.action()).isEqualTo(ObjectChange.Action.UNCHANGED));
        assertThat(resourceVersions(objects)).isEqualTo(before);
    }

    @Test
    void changesOnlyWhatDiffersAndTakesBackFieldsAnotherManagerForced() {
        // Given the installation, then another tool forces replicas: 3 on source-controller
        List<Map<String, Object>> objects = v280();
        cluster.apply(objects, TIMEOUT);
        client().apps().deployments().inNamespace("flux-system").withName("source-controller")
                .patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                        .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager("someone-else").withForce(true).build(),
                        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"source-controller\","
                                + "\"namespace\":\"flux-system\"},\"spec\":{\"replicas\":3}}");
        Map<String, String> before = resourceVersions(objects);

        // When
        List<ObjectChange> changes = cluster.apply(objects, TIMEOUT);

        // Then only that Deployment was written, and it is back to one replica
        assertThat(changes.stream().filter(c -> c.action() != ObjectChange.Action.UNCHANGED).map(ObjectChange::toString))
                .containsExactly("Deployment/flux-system/source-controller configured");
        assertThat(deployment("source-controller").getSpec().getReplicas()).isEqualTo(1);
        Map<String, String> after = resourceVersions(objects);
        after.remove("Deployment/flux-system/source-controller");
        before.remove("Deployment/flux-system/source-controller");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void upgradeToV281ConfiguresEveryObjectAndMovesTheChangedImages() {
        // Given v2.8.0 is installed
        cluster.apply(v280(), TIMEOUT);
        String sourceImageBefore = image("source-controller");

        // When
        List<ObjectChange> changes = cluster.apply(v281(), TIMEOUT);

        // Then every object carries the new version label and was configured
        assertThat(changes).allSatisfy(change -> assertThat(change.action()).isEqualTo(ObjectChange.Action.CONFIGURED));
        for (Map<String, Object> object : v281()) {
            assertThat(live(object).getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "v2.8.1");
        }
        assertThat(image("helm-controller")).isEqualTo("ghcr.io/fluxcd/helm-controller:v1.5.1");
        assertThat(image("kustomize-controller")).isEqualTo("ghcr.io/fluxcd/kustomize-controller:v1.8.1");
        assertThat(image("notification-controller")).isEqualTo("ghcr.io/fluxcd/notification-controller:v1.8.1");
        assertThat(image("source-controller")).isEqualTo(sourceImageBefore).isEqualTo("ghcr.io/fluxcd/source-controller:v1.8.0");

        // and a second v2.8.1 run changes nothing
        assertThat(cluster.apply(v281(), TIMEOUT))
                .allSatisfy(change -> assertThat(change.action()).isEqualTo(ObjectChange.Action.UNCHANGED));
    }

    @Test
    void anObjectTheServerRejectsIsOneLineNamingIt() {
        // Given the installation, and a ConfigMap with an invalid name among valid objects
        cluster.apply(v280(), TIMEOUT);
        Map<String, Object> invalid = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "Not_Valid", "namespace", "flux-system")));

        // When / Then
        assertThatThrownBy(() -> cluster.apply(List.of(invalid, gitRepository()), TIMEOUT))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("apply ConfigMap/flux-system/Not_Valid failed: ")
                .hasMessageContaining("Not_Valid")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aKindTheClusterDoesNotServeIsNamed() {
        // Given the installation's namespace, and a custom resource whose CRD is not installed
        cluster.apply(v280(), TIMEOUT);
        Map<String, Object> unknown = Map.of("apiVersion", "example.org/v1", "kind", "Widget",
                "metadata", Map.of("name", "w", "namespace", "flux-system"));

        // When / Then
        assertThatThrownBy(() -> cluster.apply(List.of(unknown), TIMEOUT))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("apply Widget/flux-system/w failed: the cluster does not serve kind Widget in example.org/v1;"
                        + " is its CustomResourceDefinition installed?");
    }

    @Test
    void aCrdThatCannotBeEstablishedStopsTheApplyBeforeItsCustomResources() {
        // Given a CRD with kind Widget in example.org is established
        cluster.apply(List.of(crd("widgets", "Widget")), TIMEOUT);

        // When a second CRD claims the same kind
        assertThatThrownBy(() -> cluster.apply(List.of(crd("gadgets", "Widget"),
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "after-crds", "namespace", "default"))), TIMEOUT))
                // Then
                .isInstanceOf(FluxbootException.class)
                .hasMessage("CustomResourceDefinition/gadgets.example.org was not accepted: ListKindConflict:"
                        + " \"WidgetList\" is already in use");
        assertThat(client().configMaps().inNamespace("default").withName("after-crds").get()).isNull();
    }

    private static Map<String, Object> crd(String plural, String kind) {
        return FluxManifestFixtures.parse("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: %s.example.org
                spec:
                  group: example.org
                  names:
                    kind: %s
                    plural: %s
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                """.formatted(plural, kind, plural)).get(0);
    }

    static List<Map<String, Object>> v280() {
        return FluxManifestFixtures.v280Components();
    }

    private static List<Map<String, Object>> v281() {
        return FluxManifestFixtures.v281Components();
    }

    static Map<String, Object> gitRepository() {
        return FluxManifestFixtures.parse("""
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: podinfo
                  namespace: flux-system
                spec:
                  interval: 1m0s
                  url: https://github.com/stefanprodan/podinfo
                  ref:
                    branch: master
                """).get(0);
    }

    private static KubernetesClient client() {
        return kube.client();
    }

    private static GenericKubernetesResource live(Map<String, Object> object) {
        GenericKubernetesResource item = client().getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
        return client().resource(item).get();
    }

    private static Map<String, String> resourceVersions(List<Map<String, Object>> objects) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            ObjectRef ref = ObjectRef.of(object);
            versions.put(ref.subject(), live(object).getMetadata().getResourceVersion());
        }
        return versions;
    }

    private static Deployment deployment(String name) {
        return client().apps().deployments().inNamespace("flux-system").withName(name).get();
    }

    private static String image(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
