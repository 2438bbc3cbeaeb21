package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fluxboot install --dry-run [--exit-code]} against a real kube-apiserver (no controllers). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallDryRunTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String NAMESPACE = "flux-system";
    private static final String REGISTRY_PASSWORD = "hunter2-registry-dry";

    private static Path bundle;

    @BeforeAll
    static void release() {
        bundle = TestBundles.shared("v2.8.0");
    }

    private static CliRun install(String... extra) {
        List<String> args = new ArrayList<>(List.of("install", "--version", "v2.8.0", "--manifests", bundle.toString(),
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"));
        args.addAll(List.of(extra));
        try (InstallClusterTest.ControllerManagerStandIn ignored =
                     new InstallClusterTest.ControllerManagerStandIn(kube.client(), NAMESPACE)) {
            return CliRun.run(Map.of(), Prompter.none(), args.toArray(String[]::new));
        }
    }

    /** Every object of the namespace's usual kinds, and the CRDs, to its resourceVersion. */
    private static Map<String, String> resourceVersions() {
        KubernetesClient client = kube.client();
        Map<String, String> versions = new TreeMap<>();
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client.apiextensions().v1().customResourceDefinitions().list().getItems());
        objects.addAll(client.namespaces().list().getItems());
        objects.addAll(client.apps().deployments().inNamespace(NAMESPACE).list().getItems());
        objects.addAll(client.services().inNamespace(NAMESPACE).list().getItems());
        objects.addAll(client.serviceAccounts().inNamespace(NAMESPACE).list().getItems());
        objects.addAll(client.secrets().inNamespace(NAMESPACE).list().getItems());
        objects.addAll(client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems());
        objects.addAll(client.rbac().clusterRoles().list().getItems());
        objects.addAll(client.rbac().clusterRoleBindings().list().getItems());
        for (HasMetadata object : objects) {
            versions.put(object.getKind() + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName(),
                    object.getMetadata().getResourceVersion());
        }
        return versions;
    }

    @Test
    @Order(1)
    void onAFreshClusterEverythingWouldBeCreatedAndNothingIs() {
        // Given
        Map<String, String> before = resourceVersions();

        // When
        CliRun withExitCode = install("--dry-run", "--exit-code");
        CliRun withoutExitCode = install("--dry-run");

        // Then
        assertThat(withExitCode.exitCode()).as(withExitCode.err()).isEqualTo(3);
        assertThat(withExitCode.out().lines()).contains(
                "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io would be created",
                "Namespace/flux-system would be created",
                "Deployment/flux-system/source-controller would be created");
        assertThat(withExitCode.err()).contains("dry run: ").doesNotContain(" created\n");
        assertThat(withoutExitCode.exitCode()).as(withoutExitCode.err()).isZero();
        assertThat(kube.client().namespaces().withName(NAMESPACE).get()).isNull();
        assertThat(kube.client().apiextensions().v1().customResourceDefinitions()
                .withName("gitrepositories.source.toolkit.fluxcd.io").get()).isNull();
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void afterTheInstallNothingWouldChange() {
        // Given
        CliRun real = install();
        assertThat(real.exitCode()).as(real.err()).isZero();
        Map<String, String> before = resourceVersions();

        // When
        CliRun dryRun = install("--dry-run", "--exit-code");

        // Then
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).isEmpty();
        assertThat(dryRun.errLines()).contains("✔ dry run: the cluster is up to date");
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aChangedOptionListsTheConfiguredFieldsAndTheSecretWithoutItsValue() {
        // Given
        Map<String, String> before = resourceVersions();

        // When
        CliRun dryRun = install("--dry-run", "--exit-code", "--registry-creds", "bot:" + REGISTRY_PASSWORD,
                "--image-pull-secret", "flux-registry", "--log-level", "debug");

        // Then
        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(3);
        assertThat(dryRun.out().lines()).contains(
                "Secret/flux-system/flux-registry would be created",
                "Deployment/flux-system/source-controller would be configured",
                "    spec.template.spec.imagePullSecrets: added",
                "    spec.template.spec.containers[0].args[2]: \"--log-level=info\" -> \"--log-level=debug\"");
        assertThat(dryRun.out()).doesNotContain("Namespace/flux-system would");
        assertThat(dryRun.out() + dryRun.err()).doesNotContain(REGISTRY_PASSWORD);
        assertThat(kube.client().secrets().inNamespace(NAMESPACE).withName("flux-registry").get()).isNull();
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aChangedSecretShowsOnlyWhichKeyChanges() {
        // Given
        CliRun real = install("--registry-creds", "bot:first-password-1", "--image-pull-secret", "flux-registry");
        assertThat(real.exitCode()).as(real.err()).isZero();
        Map<String, String> before = resourceVersions();

        // When
        CliRun dryRun = install("--dry-run", "--exit-code", "--registry-creds", "bot:" + REGISTRY_PASSWORD,
                "--image-pull-secret", "flux-registry");

        // Then
        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(3);
        assertThat(dryRun.out().lines()).containsExactly(
                "Secret/flux-system/flux-registry would be configured",
                "    data..dockerconfigjson: changed");
        String output = dryRun.out() + dryRun.err();
        assertThat(output).doesNotContain(REGISTRY_PASSWORD).doesNotContain("first-password-1")
                .doesNotContain(Base64.getEncoder().encodeToString("bot:first-password-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void exitCodeWithoutDryRunIsAUsageError() {
        CliRun run = install("--exit-code");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--exit-code needs --dry-run");
    }
}
