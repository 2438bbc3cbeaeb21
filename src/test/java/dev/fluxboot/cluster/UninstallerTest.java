package dev.fluxboot.cluster;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.ui.Reporter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/**
 * {@code uninstall} against a real kube-apiserver holding the real Flux v2.8.0 installation and
 * a GitRepository whose finalizer no controller will ever run. The methods share the server; each
 * installs into a namespace of its own (the test server never finishes deleting one), and each
 * uninstall leaves no Flux CRD behind, or none that the next install could not apply over.
 */
class UninstallerTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String APPS = "apps";
    /** A finalizer of no one's: what it holds stays terminating until the test takes it off. */
    private static final String HOLD = "example.com/hold";
    private static Cluster cluster;
    private static final List<String> installed = new ArrayList<>();

    @BeforeAll
    static void connect() {
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(APPS).endMetadata().build())
                .create();
    }

    /**
     * Each test starts without Flux: an installation left by another would keep the CRDs (and their
     * objects) that a test expects the uninstall to delete.
     */
    @AfterEach
    void uninstallWhatTheTestLeft() {
        for (String namespace : installed) {
            try {
                new Uninstaller(cluster, Reporter.silent()).uninstall(namespace, false, false);
            } catch (dev.fluxboot.FluxbootException nothingLeft) {
                // uninstalled by the test itself
            }
        }
        installed.clear();
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void dryRunChangesNoObject() {
        // Given an installation and a GitRepository with a finalizer
        List<Map<String, Object>> installation = installWithFinalizedRepository("flux-dry");
        Map<String, String> before = resourceVersions(installation);
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures = new Uninstaller(cluster, reporter).uninstall("flux-dry", false, true);

        // Then every request was accepted, and no object changed
        assertThat(failures).isEmpty();
        assertThat(reporter.lines()).contains(
                "► deleting components in flux-dry namespace",
                "stdout: Deployment/flux-dry/source-controller would be deleted\n",
                "stdout: Service/flux-dry/webhook-receiver would be deleted\n",
                "stdout: NetworkPolicy/flux-dry/allow-egress would be deleted\n",
                "stdout: ServiceAccount/flux-dry/helm-controller would be deleted\n",
                "stdout: ClusterRole/crd-controller-flux-dry would be deleted\n",
                "stdout: ClusterRoleBinding/cluster-reconciler-flux-dry would be deleted\n",
                "► deleting toolkit.fluxcd.io finalizers in all namespaces",
                "stdout: GitRepository/apps/flux-dry finalizers would be removed\n",
                "► deleting toolkit.fluxcd.io custom resource definitions",
                "stdout: CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io would be deleted\n",
                "stdout: Namespace/flux-dry would be deleted\n");
        assertThat(resourceVersions(installation)).isEqualTo(before);
        assertThat(finalizedRepository("flux-dry").getMetadata().getFinalizers()).containsExactly("finalizers.fluxcd.io");
    }

    @Test
    void keepNamespaceRemovesFluxAndItsFinalizedObjectsWithoutWaiting() {
        // Given an installation whose source-controller Deployment another finalizer holds: its deletion
        // does not finish while that finalizer is there
        installWithFinalizedRepository("flux-system");
        client().apps().deployments().inNamespace("flux-system").withName("source-controller")
                .edit(deployment -> new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(deployment)
                        .editMetadata().addToFinalizers(HOLD).endMetadata().build());
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures;
        try {
            failures = new Uninstaller(cluster, reporter).uninstall("flux-system", true, false);

            // Then it returned while that deletion was still pending: it did not wait for it
            var held = client().apps().deployments().inNamespace("flux-system").withName("source-controller").get();
            assertThat(held.getMetadata().getDeletionTimestamp()).isNotNull();
        } finally {
            client().apps().deployments().inNamespace("flux-system").withName("source-controller")
                    .edit(deployment -> new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(deployment)
                            .editMetadata().removeFromFinalizers(HOLD).endMetadata().build());
        }
        assertThat(failures).isEmpty();
        assertThat(reporter.lines()).contains("✔ GitRepository/apps/flux-system finalizers deleted",
                "✔ CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io deleted")
                .noneMatch(line -> line.startsWith("✔ Namespace/"));
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
        FluxClusterFixture.awaitGone(client(), "apps/v1", "Deployment", "flux-system", "source-controller",
                Duration.ofSeconds(10));
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
    void failuresDoNotStopTheUninstallAndAreReturnedAtTheEnd() {
        // Given a new installation, and a user who may read everything but delete Deployments only
        installWithFinalizedRepository("flux-second");
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures = uninstallAsDeploymentsOnlyUser("flux-second", reporter);

        // Then what was allowed happened, and every refusal was reported and returned
        assertThat(reporter.lines()).contains("✔ Deployment/flux-second/source-controller deleted");
        assertThat(client().apps().deployments().inNamespace("flux-second").list().getItems()).isEmpty();
        assertThat(failures).contains(
                "Service/flux-second/webhook-receiver deletion failed: permission denied: services \"webhook-receiver\""
                        + " is forbidden: User \"deployments-only\" cannot delete resource \"services\" in API group \"\""
                        + " in the namespace \"flux-second\"; use a kubeconfig user allowed to install Flux (cluster-admin)")
                .anySatisfy(failure -> assertThat(failure).startsWith("GitRepository/apps/flux-second removing finalizers failed:"))
                .anySatisfy(failure -> assertThat(failure).startsWith(
                        "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io deletion failed:"))
                .anySatisfy(failure -> assertThat(failure).startsWith("Namespace/flux-second deletion failed:"));
        assertThat(reporter.lines()).filteredOn(line -> line.startsWith("✗ ")).hasSize(failures.size());
    }

    @Test
    void uninstallDeletesTheNamespaceAndDoesNotWaitForIt() {
        // Given what a user who may delete Deployments only could not delete of an installation
        installWithFinalizedRepository("flux-third");
        assertThat(uninstallAsDeploymentsOnlyUser("flux-third", new RecordingReporter())).isNotEmpty();
        RecordingReporter reporter = new RecordingReporter();

        // When
        List<String> failures = new Uninstaller(cluster, reporter).uninstall("flux-third", false, false);

        // Then the namespace is terminating (the test server has no controller to finish that)
        assertThat(failures).isEmpty();
        assertThat(reporter.lines()).endsWith("✔ Namespace/flux-third deleted");
        assertThat(client().namespaces().withName("flux-third").get().getMetadata().getDeletionTimestamp()).isNotNull();
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
        FluxClusterFixture.awaitGone(client(), "source.toolkit.fluxcd.io/v1", "GitRepository", APPS, "flux-third",
                Duration.ofSeconds(10));
    }

    /** {@code uninstall} by a user who may read everything but delete Deployments only; its failures. */
    private static List<String> uninstallAsDeploymentsOnlyUser(String namespace, RecordingReporter reporter) {
        String user = "deployments-only";
        client().rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName(user).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("get", "list").build(),
                        new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments").withVerbs("delete").build())
                .build()).createOr(existing -> existing.update());
        client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(user).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", user)
                .addNewSubject().withKind("User").withName(user).withApiGroup("rbac.authorization.k8s.io").endSubject()
                .build()).createOr(existing -> existing.update());
        try (Cluster restricted = KubeClusters.connect(Optional.of(kube.kubeconfigForUser(user)), Optional.empty())) {
            return new Uninstaller(restricted, reporter).uninstall(namespace, false, false);
        }
    }

    /**
     * The installation in {@code namespace} and a GitRepository of the same name in {@code apps} whose
     * finalizer nothing runs.
     */
    private static List<Map<String, Object>> installWithFinalizedRepository(String namespace) {
        installed.add(namespace);
        List<Map<String, Object>> installation = new ArrayList<>(FluxClusterFixture.v280In(namespace));
        cluster.apply(installation, TIMEOUT);
        Map<String, Object> repository = new LinkedHashMap<>();
        repository.put("apiVersion", "source.toolkit.fluxcd.io/v1");
        repository.put("kind", "GitRepository");
        repository.put("metadata", Map.of("name", namespace, "namespace", APPS, "finalizers", List.of("finalizers.fluxcd.io")));
        repository.put("spec", Map.of("interval", "1m", "url", "https://example.com/repo.git"));
        cluster.apply(List.of(repository), TIMEOUT);
        installation.add(repository);
        return installation;
    }

    private static GenericKubernetesResource finalizedRepository(String name) {
        return client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace(APPS).withName(name).get();
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
