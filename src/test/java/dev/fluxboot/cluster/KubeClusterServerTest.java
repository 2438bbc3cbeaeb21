package dev.fluxboot.cluster;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.ManualClock;
import dev.fluxboot.net.Sleeper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting for controllers, reading an installation, Secrets, credentials and permissions against
 * a real kube-apiserver. It has no controller manager: the tests write Deployment status
 * themselves, through the status subresource, as kube-controller-manager would.
 */
class KubeClusterServerTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String START = "2030-01-01T10:00:00Z";

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

    // ---- waitForDeployments

    @Test
    void deploymentsThatBecomeAvailableAreReportedReady() {
        // Given two controllers whose rollout the "controller manager" completes
        String namespace = namespace();
        createDeployment(namespace, "source-controller");
        createDeployment(namespace, "kustomize-controller");
        markAvailable(namespace, "source-controller");
        markAvailable(namespace, "kustomize-controller");
        RecordingReporter reporter = new RecordingReporter();

        // When
        cluster.waitForDeployments(namespace, List.of("source-controller", "kustomize-controller"), Duration.ofSeconds(20), reporter);

        // Then
        assertThat(reporter.lines()).containsExactly(
                "✔ kustomize-controller: deployment ready",
                "✔ source-controller: deployment ready");
    }

    @Test
    void waitingEndsAsSoonAsTheLastDeploymentBecomesAvailable() throws Exception {
        // Given one controller that the "controller manager" makes available during the wait's second pause
        String namespace = namespace();
        createDeployment(namespace, "helm-controller");
        ManualClock clock = ManualClock.at(START);
        Sleeper recorded = clock.sleeper();
        Sleeper controllerManager = pause -> {
            recorded.sleep(pause);
            if (clock.pauses().size() == 2) {
                markAvailable(namespace, "helm-controller");
            }
        };
        RecordingReporter reporter = new RecordingReporter();

        // When
        try (Cluster timed = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty(), clock, controllerManager)) {
            timed.waitForDeployments(namespace, List.of("helm-controller"), Duration.ofSeconds(30), reporter);
        }

        // Then the first look after that pause ended the wait, long before the timeout
        assertThat(reporter.lines()).containsExactly("✔ helm-controller: deployment ready");
        assertThat(clock.pauses()).hasSize(2);
    }

    @Test
    void aDeploymentPastItsProgressDeadlineFailsAtOnceWithItsReason() {
        // Given one available controller and one whose rollout failed
        String namespace = namespace();
        createDeployment(namespace, "source-controller");
        createDeployment(namespace, "kustomize-controller");
        markAvailable(namespace, "source-controller");
        writeStatus(namespace, "kustomize-controller", new DeploymentStatusBuilder()
                .withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1).withUnavailableReplicas(1)
                .withConditions(
                        new DeploymentConditionBuilder().withType("Available").withStatus("False")
                                .withReason("MinimumReplicasUnavailable").withMessage("Deployment does not have minimum availability.").build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                                .withReason("ProgressDeadlineExceeded")
                                .withMessage("ReplicaSet \"kustomize-controller-5d4f\" has timed out progressing.").build())
                .build());
        RecordingReporter reporter = new RecordingReporter();

        ManualClock clock = ManualClock.at(START);

        // When / Then: no waiting for the whole timeout, nor at all
        try (Cluster timed = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty(), clock, clock.sleeper())) {
            assertThatThrownBy(() -> timed.waitForDeployments(namespace, List.of("source-controller", "kustomize-controller"),
                    Duration.ofMinutes(5), reporter))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("deployments failed in namespace " + namespace + ": kustomize-controller (ProgressDeadlineExceeded:"
                            + " ReplicaSet \"kustomize-controller-5d4f\" has timed out progressing.)");
        }
        assertThat(clock.pauses()).isEmpty();
        assertThat(reporter.lines()).containsExactly(
                "✗ kustomize-controller: deployment not ready: ProgressDeadlineExceeded: ReplicaSet \"kustomize-controller-5d4f\""
                        + " has timed out progressing.",
                "✔ source-controller: deployment ready");
    }

    @Test
    void deploymentsNotReadyInTimeAreReportedWithTheReasonFromTheirStatus() {
        // Given one controller without minimum availability and one that does not exist
        String namespace = namespace();
        createDeployment(namespace, "notification-controller");
        writeStatus(namespace, "notification-controller", new DeploymentStatusBuilder()
                .withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1).withUnavailableReplicas(1)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("False")
                        .withReason("MinimumReplicasUnavailable").withMessage("Deployment does not have minimum availability.").build())
                .build());
        RecordingReporter reporter = new RecordingReporter();

        ManualClock clock = ManualClock.at(START);

        // When / Then
        try (Cluster timed = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty(), clock, clock.sleeper())) {
            assertThatThrownBy(() -> timed.waitForDeployments(namespace, List.of("notification-controller", "helm-controller"),
                    Duration.ofSeconds(3), reporter))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("timed out after 3s waiting for deployments in namespace " + namespace
                            + ": helm-controller (deployment not found), notification-controller"
                            + " (MinimumReplicasUnavailable: Deployment does not have minimum availability.)");
        }
        // it polled until the whole timeout had passed, and no longer
        assertThat(clock.pauses()).isNotEmpty().allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(KubeClusters.DEPLOYMENT_POLL));
        assertThat(clock.pauses().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(3));
        assertThat(reporter.lines()).containsExactly(
                "✗ helm-controller: deployment not found",
                "✗ notification-controller: deployment not ready: MinimumReplicasUnavailable:"
                        + " Deployment does not have minimum availability.");
    }

    @Test
    void aDeploymentTheControllerManagerHasNotSeenIsNotReady() {
        // Given a Deployment without any status (no controller manager ran)
        String namespace = namespace();
        createDeployment(namespace, "source-controller");
        RecordingReporter reporter = new RecordingReporter();

        // When / Then
        assertThatThrownBy(() -> cluster.waitForDeployments(namespace, List.of("source-controller"), Duration.ofSeconds(1), reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("source-controller (waiting for the deployment controller to observe generation 1 (observed 0))");
        assertThat(reporter.lines()).singleElement().asString().startsWith("✗ source-controller: deployment not ready");
    }

    // ---- inspectFlux

    @Test
    void inspectFluxReadsVersionBootstrapKustomizationAndManager() {
        // Given no Flux CRD
        assertThat(cluster.inspectFlux()).isEqualTo(FluxInstallation.none());

        // When only a labelled Flux CRD of another controller exists (this test's own group)
        cluster.apply(List.of(fluxCrd("alerts", "Alert", "notification.inspect.example", Map.of(
                "app.kubernetes.io/part-of", "flux", "app.kubernetes.io/version", "v2.7.5"))), Duration.ofSeconds(30));

        // Then it is found by its part-of label
        assertThat(cluster.inspectFlux()).isEqualTo(new FluxInstallation(true, Optional.of("v2.7.5"), Optional.empty(),
                Optional.empty()));

        // When the GitRepository CRD carries the labels kustomize-controller and Helm leave
        cluster.apply(List.of(fluxCrd("gitrepositories", "GitRepository", "source.toolkit.fluxcd.io", Map.of(
                "app.kubernetes.io/part-of", "flux",
                "app.kubernetes.io/version", "v2.8.0",
                "app.kubernetes.io/managed-by", "Helm",
                "kustomize.toolkit.fluxcd.io/name", "flux-system",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"))), Duration.ofSeconds(30));

        // Then that one is read
        assertThat(cluster.inspectFlux()).isEqualTo(new FluxInstallation(true, Optional.of("v2.8.0"),
                Optional.of("flux-system/flux-system"), Optional.of("Helm")));
    }

    // ---- applySecret

    @Test
    void applySecretCreatesThenUpdatesAndRewritesNothingWhenUnchanged() {
        // Given
        String namespace = namespace();
        String password = "s3cr3t-" + UUID.randomUUID();

        // When created
        cluster.applySecret(namespace, "flux-system", "Opaque", Map.of("username", "git", "password", password));

        // Then
        Secret created = kube.client().secrets().inNamespace(namespace).withName("flux-system").get();
        assertThat(created.getType()).isEqualTo("Opaque");
        assertThat(decode(created.getData().get("password"))).isEqualTo(password);
        assertThat(decode(created.getData().get("username"))).isEqualTo("git");

        // When applied again unchanged
        cluster.applySecret(namespace, "flux-system", "Opaque", Map.of("username", "git", "password", password));

        // Then it was not written
        assertThat(kube.client().secrets().inNamespace(namespace).withName("flux-system").get().getMetadata().getResourceVersion())
                .isEqualTo(created.getMetadata().getResourceVersion());

        // When a value changes and a key goes away
        cluster.applySecret(namespace, "flux-system", "Opaque", Map.of("password", "rotated-" + password));

        // Then
        Secret updated = kube.client().secrets().inNamespace(namespace).withName("flux-system").get();
        assertThat(updated.getData()).containsOnlyKeys("password");
        assertThat(decode(updated.getData().get("password"))).isEqualTo("rotated-" + password);
    }

    @Test
    void applySecretFailureDoesNotCarryTheValues() {
        // Given an existing Opaque secret, whose type cannot change
        String namespace = namespace();
        String password = "hunter2-" + UUID.randomUUID();
        cluster.applySecret(namespace, "creds", "Opaque", Map.of("password", password));

        // When / Then
        assertThatThrownBy(() -> cluster.applySecret(namespace, "creds", "kubernetes.io/basic-auth", Map.of("password", password)))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("apply Secret/" + namespace + "/creds failed: ")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password)
                        .doesNotContain(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8))));
    }

    // ---- credentials, permissions, kubeconfig selection

    @Test
    void aUserWithoutRightsGetsOneLineNamingTheMissingPermission() {
        // Given a kubeconfig of a user the cluster knows but grants nothing
        Path kubeconfig = kube.kubeconfigForUser("nobody");

        // When / Then
        try (Cluster forbidden = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty())) {
            assertThatThrownBy(() -> forbidden.apply(List.of(Map.of("apiVersion", "v1", "kind", "Namespace",
                    "metadata", Map.of("name", "forbidden-ns"))), Duration.ofSeconds(10)))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("permission denied: namespaces \"forbidden-ns\" is forbidden: User \"nobody\" cannot get resource"
                            + " \"namespaces\" in API group \"\" in the namespace \"forbidden-ns\"; use a kubeconfig user allowed to"
                            + " install Flux (cluster-admin)");
            assertThatThrownBy(forbidden::inspectFlux)
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageStartingWith("permission denied: customresourcedefinitions.apiextensions.k8s.io"
                            + " \"gitrepositories.source.toolkit.fluxcd.io\" is forbidden: User \"nobody\"");
        }
    }

    @Test
    void aUserGrantedClusterAdminCanApply() {
        // Given the same kind of user, bound to cluster-admin
        Path kubeconfig = kube.kubeconfigForUser("admin-by-binding");
        kube.client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName("admin-by-binding").endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                .addNewSubject().withKind("User").withName("admin-by-binding").withApiGroup("rbac.authorization.k8s.io").endSubject()
                .build()).serverSideApply();

        // When
        try (Cluster admin = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty())) {
            List<ObjectChange> changes = admin.apply(List.of(Map.of("apiVersion", "v1", "kind", "Namespace",
                    "metadata", Map.of("name", "granted-ns"))), Duration.ofSeconds(10));

            // Then
            assertThat(changes).extracting(ObjectChange::toString).containsExactly("Namespace/granted-ns created");
        }
    }

    @Test
    void credentialsTheClusterRejectsAreOneLineWithoutTheToken() throws Exception {
        // Given a kubeconfig whose user has a bearer token the cluster does not know
        String token = "not-a-token-" + UUID.randomUUID();
        Path kubeconfig = kube.workDir().resolve("kubeconfig-bad-token");
        Files.writeString(kubeconfig, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: test",
                "  cluster:",
                "    certificate-authority: " + kube.workDir().resolve("apiserver.crt"),
                "    server: " + kube.serverUrl(),
                "users:",
                "- name: intruder",
                "  user:",
                "    token: " + token,
                "contexts:",
                "- name: test",
                "  context:",
                "    cluster: test",
                "    user: intruder",
                "current-context: test",
                ""));

        // When / Then
        try (Cluster rejected = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty())) {
            assertThatThrownBy(rejected::inspectFlux)
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("the cluster at " + kube.serverUrl() + " rejected the credentials (401 Unauthorized);"
                            + " check --kubeconfig/--context");
        }
    }

    @Test
    void kubeconfigVariableIsAPathListWhoseMissingEntriesAreSkipped() {
        // Given KUBECONFIG naming a missing file, then the real one
        Path missing = kube.workDir().resolve("does-not-exist");
        Map<String, String> env = Map.of("KUBECONFIG", missing + java.io.File.pathSeparator + kube.kubeconfig(),
                "HOME", kube.workDir().toString());

        // When
        try (Cluster fromVariable = KubeClusters.connect(Optional.empty(), Optional.empty(), env)) {
            // Then it reaches the test server
            assertThat(fromVariable.inspectFlux()).isNotNull();
        }
    }

    @Test
    void theContextFlagChoosesAmongTheKubeconfigContexts() throws Exception {
        // Given a kubeconfig with a second context (current) pointing at a closed port
        String text = Files.readString(kube.kubeconfig());
        Path twoContexts = kube.workDir().resolve("kubeconfig-two-contexts");
        Files.writeString(twoContexts, text.replace("current-context: kubeapitest", "current-context: broken")
                + "\n# second context, on a port nothing listens on\n");
        String withBroken = Files.readString(twoContexts).replace("contexts:\n", """
                contexts:
                  - context:
                      cluster: nowhere
                      user: kubeapitest
                    name: broken
                """).replace("clusters:\n", """
                clusters:
                  - cluster:
                      server: https://127.0.0.1:1
                    name: nowhere
                """);
        Files.writeString(twoContexts, withBroken);

        // When / Then: --context picks the working one, the current one is unreachable
        try (Cluster chosen = KubeClusters.connect(Optional.of(twoContexts), Optional.of("kubeapitest"))) {
            assertThat(chosen.inspectFlux()).isNotNull();
        }
        try (Cluster current = KubeClusters.connect(Optional.of(twoContexts), Optional.empty())) {
            assertThatThrownBy(current::inspectFlux)
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("cannot reach the cluster at https://127.0.0.1:1/: connection refused; check --kubeconfig/--context");
        }
    }

    private static Map<String, Object> fluxCrd(String plural, String kind, String group, Map<String, String> labels) {
        return Map.of("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
                "metadata", Map.of("name", plural + "." + group, "labels", labels),
                "spec", Map.of("group", group, "scope", "Namespaced",
                        "names", Map.of("kind", kind, "plural", plural),
                        "versions", List.of(Map.of("name", "v1", "served", true, "storage", true,
                                "schema", Map.of("openAPIV3Schema", Map.of("type", "object",
                                        "x-kubernetes-preserve-unknown-fields", true))))));
    }

    private static String namespace() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static void createDeployment(String namespace, String name) {
        client().apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("manager").withImage("ghcr.io/fluxcd/" + name + ":v1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    private static void markAvailable(String namespace, String name) {
        writeStatus(namespace, name, new DeploymentStatusBuilder()
                .withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                .withConditions(
                        new DeploymentConditionBuilder().withType("Available").withStatus("True")
                                .withReason("MinimumReplicasAvailable").withMessage("Deployment has minimum availability.").build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                .withReason("NewReplicaSetAvailable").withMessage("ReplicaSet has successfully progressed.").build())
                .build());
    }

    private static void writeStatus(String namespace, String name, io.fabric8.kubernetes.api.model.apps.DeploymentStatus status) {
        client().apps().deployments().inNamespace(namespace).withName(name).editStatus(deployment -> {
            Deployment copy = new DeploymentBuilder(deployment).build();
            copy.setStatus(status);
            return copy;
        });
    }

    private static KubernetesClient client() {
        return kube.client();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
