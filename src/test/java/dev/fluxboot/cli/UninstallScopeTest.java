package dev.fluxboot.cli;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code uninstall} removes only the installation of {@code --namespace}: a namespace without Flux
 * (a typo) changes nothing, and another installation keeps its cluster roles and the CRDs. Each
 * test installs the real v2.8.0 manifests where it needs them on a real kube-apiserver, and what
 * it leaves is uninstalled after it (keeping the namespace, which the test server could never
 * finish deleting), so each starts without Flux.
 */
class UninstallScopeTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final List<String> installed = new ArrayList<>();

    /** Given: Flux installed in each of {@code namespaces}. */
    private static void installed(String... namespaces) {
        try (Cluster cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty())) {
            for (String namespace : namespaces) {
                installed.add(namespace);
                cluster.apply(FluxClusterFixture.v280In(namespace), Duration.ofMinutes(2));
            }
        }
    }

    @AfterEach
    void uninstallWhatTheTestLeft() {
        for (String namespace : installed) {
            run("uninstall", "-n", namespace, "--silent", "--keep-namespace"); // fails when the test uninstalled it
        }
        installed.clear();
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--silent", "--dry-run", "--silent --keep-namespace"})
    void aNamespaceWithoutFluxChangesNothingAndFailsWithOneLine(String flags) {
        // Given two installations
        installed("flux-a", "flux-b");
        Map<String, String> before = clusterState();

        // When the namespace is mistyped
        List<String> args = new ArrayList<>(List.of("uninstall", "-n", "flux-aa"));
        args.addAll(List.of(flags.split(" ")));
        CliRun run = run(args.toArray(String[]::new));

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("✗ no Flux installation found in namespace \"flux-aa\" (Flux is"
                + " installed in namespace flux-a, flux-b); nothing was changed: check --namespace");
        assertThat(clusterState()).isEqualTo(before);
    }

    @Test
    void dryRunPrintsThePlanOnStdoutAndChangesNothing() {
        // Given
        installed("flux-a", "flux-b");
        Map<String, String> before = clusterState();

        // When
        CliRun run = run("uninstall", "-n", "flux-a", "--dry-run");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("Deployment/flux-a/source-controller would be deleted",
                        "ClusterRole/crd-controller-flux-a would be deleted", "Namespace/flux-a would be deleted")
                .noneMatch(line -> line.contains("flux-b"))
                .noneMatch(line -> line.startsWith("CustomResourceDefinition/"));
        assertThat(run.err()).doesNotContain("would be");
        assertThat(clusterState()).isEqualTo(before);
    }

    @Test
    void uninstallingOneOfTwoKeepsTheOtherOnesClusterRolesAndTheCrds() {
        // Given two installations (in namespaces of their own: this uninstall deletes its namespace)
        installed("flux-c", "flux-d");

        // When
        CliRun run = run("uninstall", "-n", "flux-c", "--silent");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains("⚠️ keeping the toolkit.fluxcd.io custom resource definitions: Flux is also"
                + " installed in namespace flux-d", "✔ ClusterRole/crd-controller-flux-c deleted");
        assertThat(client().apps().deployments().inNamespace("flux-c").list().getItems()).isEmpty();
        assertThat(names(client().rbac().clusterRoles().withLabel("app.kubernetes.io/part-of", "flux").list().getItems()))
                .allMatch(name -> name.endsWith("-flux-d")).isNotEmpty();
        assertThat(names(client().rbac().clusterRoleBindings().withLabel("app.kubernetes.io/part-of", "flux").list()
                .getItems())).allMatch(name -> name.endsWith("-flux-d")).isNotEmpty();
        assertThat(client().apiextensions().v1().customResourceDefinitions().withLabel("app.kubernetes.io/part-of", "flux")
                .list().getItems()).hasSizeGreaterThan(10)
                .allSatisfy(crd -> assertThat(crd.getMetadata().getDeletionTimestamp()).isNull());
        assertThat(client().apps().deployments().inNamespace("flux-d").list().getItems()).hasSize(4);
    }

    @Test
    void theLastInstallationTakesTheCrdsWithIt() {
        // Given one installation
        installed("flux-e");

        // When
        CliRun run = run("uninstall", "-n", "flux-e", "--silent");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains("✔ CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io deleted");
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
    }

    /** Every Flux-labelled object of the cluster with its resourceVersion and deletion mark. */
    private static Map<String, String> clusterState() {
        Map<String, String> state = new TreeMap<>();
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client().apiextensions().v1().customResourceDefinitions().list().getItems());
        objects.addAll(client().rbac().clusterRoles().withLabel("app.kubernetes.io/part-of", "flux").list().getItems());
        objects.addAll(client().rbac().clusterRoleBindings().withLabel("app.kubernetes.io/part-of", "flux").list().getItems());
        objects.addAll(client().apps().deployments().inAnyNamespace().list().getItems());
        objects.addAll(client().namespaces().list().getItems());
        for (HasMetadata object : objects) {
            state.put(object.getKind() + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName(),
                    object.getMetadata().getResourceVersion() + " " + object.getMetadata().getDeletionTimestamp());
        }
        return state;
    }

    private static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).toList();
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kube.kubeconfig().toString());
        return CliRun.run(Map.of("HOME", kube.workDir().toString(), "NO_COLOR", "1"), all.toArray(String[]::new));
    }

    private static KubernetesClient client() {
        return kube.client();
    }
}
