package dev.fluxboot.cluster;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code uninstall} against a real kube-apiserver holding the real Flux v2.8.0 installation and
 * a GitRepository whose finalizer no controller will ever run. The methods share the server and
 * run in order: dry run, keep-namespace, failures, full uninstall.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UninstallerTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String APPS = "apps";
    private static Cluster cluster;

    @BeforeAll
    static void connect() {
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(APPS).endMetadata().build())
                .create();
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void dryRunChangesNoObject() {
        // Given an installation and a GitRepository with a finalizer
        List<Map<String, Object>> installation = installWithFinalizedRepository("flux-system");
        Map<String, String> before = resourceVersions(installation);
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures = new Uninstaller(cluster, reporter).uninstall("flux-system", false, true);

        // Then every request was accepted, and no object changed
        assertThat(failures).isEmpty();
        assertThat(reporter.lines()).contains(
                "► deleting components in flux-system namespace",
                "stdout: Deployment/flux-system/source-controller would be deleted\n",
                "stdout: Service/flux-system/webhook-receiver would be deleted\n",
                "stdout: NetworkPolicy/flux-system/allow-egress would be deleted\n",
                "stdout: ServiceAccount/flux-system/helm-controller would be deleted\n",
                "stdout: ClusterRole/crd-controller-flux-system would be deleted\n",
                "stdout: ClusterRoleBinding/cluster-reconciler-flux-system would be deleted\n",
                "► deleting toolkit.fluxcd.io finalizers in all namespaces",
                "stdout: GitRepository/apps/finalized finalizers would be removed\n",
                "► deleting toolkit.fluxcd.io custom resource definitions",
                "stdout: CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io would be deleted\n",
                "stdout: Namespace/flux-system would be deleted\n");
        assertThat(resourceVersions(installation)).isEqualTo(before);
        assertThat(finalizedRepository().getMetadata().getFinalizers()).containsExactly("finalizers.fluxcd.io");
    }

    @Test
    @Order(2)
    void keepNamespaceRemovesFluxAndItsFinalizedObjectsWithoutWaiting() {
        // Given the installation of the previous test
        RecordingReporter reporter = new RecordingReporter();

        // When
        long started = System.nanoTime();
        List<String> failures = new Uninstaller(cluster, reporter).uninstall("flux-system", true, false);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Then
        assertThat(failures).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(reporter.lines()).contains("✔ GitRepository/apps/finalized finalizers deleted",
                "✔ CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io deleted")
                .noneMatch(line -> line.startsWith("✔ Namespace/"));
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
        assertThat(client().apps().deployments().inNamespace("flux-system").list().getItems()).isEmpty();
        assertThat(client().services().inNamespace("flux-system").list().getItems()).isEmpty();
        assertThat(client().network().networkPolicies().inNamespace("flux-system").list().getItems()).isEmpty();
        assertThat(client().serviceAccounts().inNamespace("flux-system").withLabel("app.kubernetes.io/part-of", "flux")
                .list().getItems()).isEmpty();
        assertThat(client().rbac().clusterRoles().withLabel("app.kubernetes.io/part-of", "flux").list().getItems()).isEmpty();
        assertThat(client().rbac().clusterRoleBindings().withLabel("app.kubernetes.io/part-of", "flux").list().getItems())
                .isEmpty();
        Namespace kept = client().namespaces().withName("flux-system").get();
        assertThat(kept.getMetadata().getDeletionTimestamp()).isNull();
    }

    @Test
    @Order(3)
    void failuresDoNotStopTheUninstallAndAreReturnedAtTheEnd() {
        // Given a new installation, and a user who may read everything but delete Deployments only
        installWithFinalizedRepository("flux-second");
        String user = "deployments-only";
        client().rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName(user).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("get", "list").build(),
                        new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments").withVerbs("delete").build())
                .build()).create();
        client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(user).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", user)
                .addNewSubject().withKind("User").withName(user).withApiGroup("rbac.authorization.k8s.io").endSubject()
                .build()).create();
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures;
        try (Cluster restricted = KubeClusters.connect(Optional.of(kube.kubeconfigForUser(user)), Optional.empty())) {
            failures = new Uninstaller(restricted, reporter).uninstall("flux-second", false, false);
        }

        // Then what was allowed happened, and every refusal was reported and returned
        assertThat(reporter.lines()).contains("✔ Deployment/flux-second/source-controller deleted");
        assertThat(client().apps().deployments().inNamespace("flux-second").list().getItems()).isEmpty();
        assertThat(failures).contains(
                "Service/flux-second/webhook-receiver deletion failed: permission denied: services \"webhook-receiver\""
                        + " is forbidden: User \"deployments-only\" cannot delete resource \"services\" in API group \"\""
                        + " in the namespace \"flux-second\"; use a kubeconfig user allowed to install Flux (cluster-admin)")
                .anySatisfy(failure -> assertThat(failure).startsWith("GitRepository/apps/finalized removing finalizers failed:"))
                .anySatisfy(failure -> assertThat(failure).startsWith(
                        "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io deletion failed:"))
                .anySatisfy(failure -> assertThat(failure).startsWith("Namespace/flux-second deletion failed:"));
        assertThat(reporter.lines()).filteredOn(line -> line.startsWith("✗ ")).hasSize(failures.size());
    }

    @Test
    @Order(4)
    void uninstallDeletesTheNamespaceAndDoesNotWaitForIt() {
        // Given what the restricted user could not delete
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures = new Uninstaller(cluster, reporter).uninstall("flux-second", false, false);

        // Then the namespace is terminating (the test server has no controller to finish that)
        assertThat(failures).isEmpty();
        assertThat(reporter.lines()).endsWith("✔ Namespace/flux-second deleted");
        assertThat(client().namespaces().withName("flux-second").get().getMetadata().getDeletionTimestamp()).isNotNull();
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
        FluxClusterFixture.awaitGone(client(), "source.toolkit.fluxcd.io/v1", "GitRepository", APPS, "finalized",
                Duration.ofSeconds(10));
    }

    /** The installation in {@code namespace} and a GitRepository in {@code apps} whose finalizer nothing runs. */
    private static List<Map<String, Object>> installWithFinalizedRepository(String namespace) {
        List<Map<String, Object>> installation = new ArrayList<>(FluxClusterFixture.v280In(namespace));
        cluster.apply(installation, TIMEOUT);
        Map<String, Object> repository = new LinkedHashMap<>();
        repository.put("apiVersion", "source.toolkit.fluxcd.io/v1");
        repository.put("kind", "GitRepository");
        repository.put("metadata", Map.of("name", "finalized", "namespace", APPS, "finalizers", List.of("finalizers.fluxcd.io")));
        repository.put("spec", Map.of("interval", "1m", "url", "https://example.com/repo.git"));
        cluster.apply(List.of(repository), TIMEOUT);
        installation.add(repository);
        return installation;
    }

    private static GenericKubernetesResource finalizedRepository() {
        return client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace(APPS).withName("finalized").get();
    }

    private static Map<String, String> resourceVersions(List<Map<String, Object>> objects) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
            String namespace = (String) metadata.get("namespace");
            String name = (String) metadata.get("name");
            var resources = client().genericKubernetesResources((String) object.get("apiVersion"), (String) object.get("kind"));
            GenericKubernetesResource live = namespace == null ? resources.withName(name).get()
                    : resources.inNamespace(namespace).withName(name).get();
            assertThat(live).as(object.get("kind") + "/" + name).isNotNull();
            assertThat(live.getMetadata().getDeletionTimestamp()).as(object.get("kind") + "/" + name).isNull();
            versions.put(object.get("kind") + "/" + namespace + "/" + name, live.getMetadata().getResourceVersion());
        }
        return versions;
    }

    private static KubernetesClient client() {
        return kube.client();
    }
}
