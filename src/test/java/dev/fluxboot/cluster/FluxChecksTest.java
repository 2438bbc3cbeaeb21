package dev.fluxboot.cluster;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.ManualClock;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of {@code check} against a real kube-apiserver holding the real Flux v2.8.0
 * installation. The test plays the controller manager, writing the Deployments' status. No
 * released Flux needs a Kubernetes newer than the test server: for the version check's failure,
 * the test gives the checks the real cluster reporting an older version.
 */
class FluxChecksTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String NAMESPACE = "flux-system";
    private static final List<String> V280_CRDS = List.of(
            "alerts.notification.toolkit.fluxcd.io/v1beta3",
            "buckets.source.toolkit.fluxcd.io/v1",
            "externalartifacts.source.toolkit.fluxcd.io/v1",
            "gitrepositories.source.toolkit.fluxcd.io/v1",
            "helmcharts.source.toolkit.fluxcd.io/v1",
            "helmreleases.helm.toolkit.fluxcd.io/v2",
            "helmrepositories.source.toolkit.fluxcd.io/v1",
            "kustomizations.kustomize.toolkit.fluxcd.io/v1",
            "ocirepositories.source.toolkit.fluxcd.io/v1",
            "providers.notification.toolkit.fluxcd.io/v1beta3",
            "receivers.notification.toolkit.fluxcd.io/v1");

    private static Cluster cluster;
    private RecordingReporter reporter;
    private FluxChecks checks;

    @BeforeAll
    static void install() {
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
        cluster.apply(FluxClusterFixture.v280In(NAMESPACE), Duration.ofMinutes(2));
    }

    @AfterAll
    static void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void newReporter() {
        reporter = new RecordingReporter();
        checks = new FluxChecks(cluster, reporter);
    }

    // ---- Kubernetes version

    @Test
    void theServerMeetsFlux28AndTheLineNamesBothVersions() {
        // When
        boolean passed = checks.kubernetesVersion("v2.8.0");

        // Then
        assertThat(passed).isTrue();
        assertThat(reporter.lines()).containsExactly("✔ Kubernetes " + KubeApiServerSupport.KUBERNETES_VERSION + " >=1.33.0-0");
    }

    @Test
    void anOlderServerFailsTheCheckAndTheLineNamesBothVersions() {
        // Given the real cluster, reporting the version of a server older than Flux 2.8 supports
        FluxChecks olderServerChecks = new FluxChecks(reportingVersion("v1.32.9"), reporter);

        // When
        boolean passed = olderServerChecks.kubernetesVersion("v2.8.0");

        // Then
        assertThat(passed).isFalse();
        assertThat(reporter.lines()).containsExactly(
                "✗ Kubernetes version v1.32.9 does not match >=1.33.0-0 (Flux v2.8.0 needs Kubernetes 1.33 or newer)");
    }

    @Test
    void theWorkflowWarningNamesBothVersionsAndDoesNotStopAnything() {
        // When
        boolean supported = KubernetesVersionRequirement.warnIfUnsupported(reportingVersion("v1.32.9"), "v2.8.0", reporter);

        // Then
        assertThat(supported).isFalse();
        assertThat(reporter.lines()).containsExactly("⚠️ Kubernetes v1.32.9 is older than Flux v2.8.0 supports"
                + " (it needs 1.33 or newer, >=1.33.0-0); continuing anyway");
    }

    @Test
    void theWorkflowWarningIsSilentForASupportedServer() {
        assertThat(KubernetesVersionRequirement.warnIfUnsupported(cluster, "v2.9.4", reporter)).isTrue();
        assertThat(reporter.lines()).isEmpty();
    }

    @Test
    void theWorkflowWarningIsSilentForAnUnknownFluxVersion() {
        assertThat(KubernetesVersionRequirement.warnIfUnsupported(cluster, "latest", reporter)).isTrue();
        assertThat(reporter.lines()).isEmpty();
    }

    @Test
    void anUnreachableClusterFailsThePrerequisitesInOneLine() throws Exception {
        // Given a kubeconfig for a port nothing listens on
        java.nio.file.Path kubeconfig = kube.workDir().resolve("kubeconfig-nowhere");
        java.nio.file.Files.writeString(kubeconfig, java.nio.file.Files.readString(kube.kubeconfig())
                .replace(kube.serverUrl().replaceAll("/$", ""), "https://127.0.0.1:1"));

        // When
        try (Cluster nowhere = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty())) {
            boolean passed = new FluxChecks(nowhere, reporter).prerequisites("v2.8.0");

            // Then nothing else is asked of it
            assertThat(passed).isFalse();
            assertThat(reporter.lines()).containsExactly("► checking prerequisites",
                    "✗ Kubernetes API call failed: cannot reach the cluster at https://127.0.0.1:1/: connection refused;"
                            + " check --kubeconfig/--context");
        }
    }

    // ---- permissions

    @Test
    void anAdminMayCreateWhatAnInstallationCreates() {
        assertThat(checks.permissions()).isTrue();
        assertThat(reporter.lines()).containsExactly(
                "✔ can create customresourcedefinitions.apiextensions.k8s.io",
                "✔ can create clusterroles.rbac.authorization.k8s.io",
                "✔ can create namespaces");
    }

    @Test
    void aRestrictedUserIsToldWhatItMayNotCreate() {
        // Given a user allowed to create namespaces only
        String user = "namespaces-only";
        kube.client().rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName(user).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("namespaces").withVerbs("create").build())
                .build()).create();
        kube.client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(user).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", user)
                .addNewSubject().withKind("User").withName(user).withApiGroup("rbac.authorization.k8s.io").endSubject()
                .build()).create();

        // When
        try (Cluster restricted = KubeClusters.connect(Optional.of(kube.kubeconfigForUser(user)), Optional.empty())) {
            boolean passed = new FluxChecks(restricted, reporter).permissions();

            // Then
            assertThat(passed).isFalse();
            assertThat(reporter.lines()).containsExactly(
                    "✗ cannot create customresourcedefinitions.apiextensions.k8s.io (installing Flux does: use a"
                            + " cluster-admin kubeconfig user)",
                    "✗ cannot create clusterroles.rbac.authorization.k8s.io (installing Flux does: use a cluster-admin"
                            + " kubeconfig user)",
                    "✔ can create namespaces");
        }
    }

    // ---- version in cluster

    @Test
    void theDistributionComesFromTheCrdLabels() {
        assertThat(checks.fluxVersion()).isTrue();
        assertThat(reporter.lines()).containsExactly("✔ distribution: flux-v2.8.0", "✔ bootstrapped: false");
    }

    @Test
    void aBootstrappedFluxNamesTheGitRepositoryItSyncsFrom() {
        // Given the labels kustomize-controller puts on what it applies, and the Kustomization they name
        String crd = "gitrepositories.source.toolkit.fluxcd.io";
        String namespace = "bootstrapped-" + System.nanoTime() % 100000;
        kube.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(namespace).endMetadata().build()).create();
        cluster.apply(List.of(Map.of("apiVersion", "kustomize.toolkit.fluxcd.io/v1", "kind", "Kustomization",
                "metadata", Map.of("name", "sync", "namespace", namespace),
                "spec", Map.of("interval", "10m", "path", "./clusters/my-cluster", "prune", true,
                        "sourceRef", Map.of("kind", "GitRepository", "name", "fleet", "namespace", "flux-system")))),
                Duration.ofSeconds(30));
        kube.client().apiextensions().v1().customResourceDefinitions().withName(crd).edit(object -> {
            object.getMetadata().getLabels().put("kustomize.toolkit.fluxcd.io/name", "sync");
            object.getMetadata().getLabels().put("kustomize.toolkit.fluxcd.io/namespace", namespace);
            return object;
        });
        try {
            // When
            boolean passed = checks.fluxVersion();

            // Then
            assertThat(passed).isTrue();
            assertThat(reporter.lines()).containsExactly("✔ distribution: flux-v2.8.0",
                    "✔ bootstrapped: true (from GitRepository flux-system/fleet)");
        } finally {
            kube.client().apiextensions().v1().customResourceDefinitions().withName(crd).edit(object -> {
                object.getMetadata().getLabels().remove("kustomize.toolkit.fluxcd.io/name");
                object.getMetadata().getLabels().remove("kustomize.toolkit.fluxcd.io/namespace");
                return object;
            });
        }
    }

    // ---- controllers

    @Test
    void availableControllersAreReadyAndTheirImagesListed() {
        // Given
        FluxClusterFixture.V280_CONTROLLERS.forEach(name -> FluxClusterFixture.markAvailable(client(), NAMESPACE, name));
        List<String> found = new ArrayList<>();

        // When
        boolean passed = checks.controllers(NAMESPACE, Duration.ofSeconds(10), found);

        // Then
        assertThat(passed).isTrue();
        assertThat(found).containsExactlyElementsOf(FluxClusterFixture.V280_CONTROLLERS);
        assertThat(reporter.lines()).containsExactly(
                "✔ helm-controller: deployment ready",
                "► ghcr.io/fluxcd/helm-controller:v1.5.0",
                "✔ kustomize-controller: deployment ready",
                "► ghcr.io/fluxcd/kustomize-controller:v1.8.0",
                "✔ notification-controller: deployment ready",
                "► ghcr.io/fluxcd/notification-controller:v1.8.0",
                "✔ source-controller: deployment ready",
                "► ghcr.io/fluxcd/source-controller:v1.8.0");
    }

    @Test
    void unavailableControllersFailWithTheirReasonsWithinOneSharedTimeout() {
        // Given two controllers whose pods never became ready
        FluxClusterFixture.V280_CONTROLLERS.forEach(name -> FluxClusterFixture.markAvailable(client(), NAMESPACE, name));
        FluxClusterFixture.markUnavailable(client(), NAMESPACE, "kustomize-controller");
        FluxClusterFixture.markUnavailable(client(), NAMESPACE, "notification-controller");
        ManualClock clock = ManualClock.at("2030-01-01T10:00:00Z");
        try (Cluster timed = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty(), clock, clock.sleeper())) {
            // When
            boolean passed = new FluxChecks(timed, reporter, clock).controllers(NAMESPACE, Duration.ofSeconds(3),
                    new ArrayList<>());

            // Then the others are still checked, and the whole check keeps to the one timeout: the first
            // unavailable controller uses it up, the second gets no more
            assertThat(passed).isFalse();
            assertThat(clock.pauses().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(3));
            assertThat(reporter.lines()).contains(
                    "✗ kustomize-controller: deployment not ready: MinimumReplicasUnavailable: Deployment does not have"
                            + " minimum availability.",
                    "► ghcr.io/fluxcd/kustomize-controller:v1.8.0",
                    "✗ notification-controller: deployment not ready: MinimumReplicasUnavailable: Deployment does not have"
                            + " minimum availability.",
                    "✔ source-controller: deployment ready");
        } finally {
            FluxClusterFixture.markAvailable(client(), NAMESPACE, "kustomize-controller");
            FluxClusterFixture.markAvailable(client(), NAMESPACE, "notification-controller");
        }
    }

    @Test
    void aNamespaceWithoutControllersFails() {
        assertThat(checks.controllers("default", Duration.ofSeconds(1), new ArrayList<>())).isFalse();
        assertThat(reporter.lines()).containsExactly(
                "✗ no controllers found in the 'default' namespace with the label selector 'app.kubernetes.io/part-of=flux'");
    }

    // ---- CRDs

    @Test
    void eachCrdIsListedWithItsStoredVersion() {
        assertThat(checks.crds(FluxClusterFixture.V280_CONTROLLERS)).isTrue();
        assertThat(reporter.lines()).containsExactlyElementsOf(V280_CRDS.stream().map(crd -> "✔ " + crd).toList());
    }

    @Test
    void aMissingCrdOfARunningControllerFails() {
        // Given helm-controller's CRD deleted
        Map<String, Object> helmReleases = FluxClusterFixture.v280In(NAMESPACE).stream()
                .filter(o -> "CustomResourceDefinition".equals(o.get("kind")))
                .filter(o -> "helmreleases.helm.toolkit.fluxcd.io".equals(((Map<?, ?>) o.get("metadata")).get("name")))
                .findFirst().orElseThrow();
        client().apiextensions().v1().customResourceDefinitions().withName("helmreleases.helm.toolkit.fluxcd.io").delete();
        FluxClusterFixture.awaitGone(client(), "apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "helmreleases.helm.toolkit.fluxcd.io", Duration.ofSeconds(30));
        try {
            // When
            boolean passed = checks.crds(FluxClusterFixture.V280_CONTROLLERS);

            // Then
            assertThat(passed).isFalse();
            assertThat(reporter.lines()).doesNotContain("✔ helmreleases.helm.toolkit.fluxcd.io/v2")
                    .endsWith("✗ helmreleases.helm.toolkit.fluxcd.io not found (helm-controller needs it)");
        } finally {
            cluster.apply(List.of(helmReleases), Duration.ofSeconds(30));
        }
    }

    private static KubernetesClient client() {
        return kube.client();
    }

    /** The real cluster, except that it reports {@code version} as its Kubernetes version. */
    private static Cluster reportingVersion(String version) {
        return (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(), new Class<?>[]{Cluster.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("serverVersion")) {
                        return version;
                    }
                    try {
                        return method.invoke(cluster, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
