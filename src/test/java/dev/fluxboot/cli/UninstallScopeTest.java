package dev.fluxboot.cli;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * (a typo) changes nothing, and another installation keeps its cluster roles and the CRDs. Two
 * installations (flux-a, flux-b) of the real v2.8.0 manifests on a real kube-apiserver.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UninstallScopeTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @BeforeAll
    static void installTwice() {
        try (Cluster cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty())) {
            cluster.apply(FluxClusterFixture.v280In("flux-a"), Duration.ofMinutes(2));
            cluster.apply(FluxClusterFixture.v280In("flux-b"), Duration.ofMinutes(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--silent", "--dry-run", "--silent --keep-namespace"})
    @Order(1)
    void aNamespaceWithoutFluxChangesNothingAndFailsWithOneLine(String flags) {
        // Given the cluster as it is
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
    @Order(2)
    void dryRunPrintsThePlanOnStdoutAndChangesNothing() {
        Map<String, String> before = clusterState();

        CliRun run = run("uninstall", "-n", "flux-a", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("Deployment/flux-a/source-controller would be deleted",
                        "ClusterRole/crd-controller-flux-a would be deleted", "Namespace/flux-a would be deleted")
                .noneMatch(line -> line.contains("flux-b"))
                .noneMatch(line -> line.startsWith("CustomResourceDefinition/"));
        assertThat(run.err()).doesNotContain("would be");
        assertThat(clusterState()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void uninstallingOneOfTwoKeepsTheOtherOnesClusterRolesAndTheCrds() {
        CliRun run = run("uninstall", "-n", "flux-a", "--silent");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains("⚠️ keeping the toolkit.fluxcd.io custom resource definitions: Flux is also"
                + " installed in namespace flux-b", "✔ ClusterRole/crd-controller-flux-a deleted");
        assertThat(client().apps().deployments().inNamespace("flux-a").list().getItems()).isEmpty();
        assertThat(names(client().rbac().clusterRoles().withLabel("app.kubernetes.io/part-of", "flux").list().getItems()))
                .allMatch(name -> name.endsWith("-flux-b")).isNotEmpty();
        assertThat(names(client().rbac().clusterRoleBindings().withLabel("app.kubernetes.io/part-of", "flux").list()
                .getItems())).allMatch(name -> name.endsWith("-flux-b")).isNotEmpty();
        assertThat(client().apiextensions().v1().customResourceDefinitions().withLabel("app.kubernetes.io/part-of", "flux")
                .list().getItems()).hasSizeGreaterThan(10)
                .allSatisfy(crd -> assertThat(crd.getMetadata().getDeletionTimestamp()).isNull());
        assertThat(client().apps().deployments().inNamespace("flux-b").list().getItems()).hasSize(4);
    }

    @Test
    @Order(4)
    void theLastInstallationTakesTheCrdsWithIt() {
        CliRun run = run("uninstall", "-n", "flux-b", "--silent");

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
