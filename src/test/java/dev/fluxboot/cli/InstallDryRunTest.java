package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot install --dry-run [--exit-code]} against a real kube-apiserver (no controllers), on
 * an installation each test makes as it needs it ({@link InstallDryRunOnAFreshClusterTest}: without).
 */
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
        return install(kube, bundle, extra);
    }

    static CliRun install(KubeApiServerSupport kube, Path bundle, String... extra) {
        List<String> args = new ArrayList<>(List.of("install", "--version", "v2.8.0", "--manifests", bundle.toString(),
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"));
        args.addAll(List.of(extra));
        try (InstallClusterTest.ControllerManagerStandIn ignored =
                     new InstallClusterTest.ControllerManagerStandIn(kube.client(), NAMESPACE)) {
            return CliRun.run(Map.of(), Prompter.none(), args.toArray(String[]::new));
        }
    }

    private static Map<String, String> resourceVersions() {
        return resourceVersions(kube.client());
    }

    /** Every object of the namespace's usual kinds, and the CRDs, to its resourceVersion. */
    static Map<String, String> resourceVersions(KubernetesClient client) {
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
    void aChangedOptionListsTheConfiguredFieldsAndTheSecretWithoutItsValue() {
        // Given an installation with the default options
        CliRun real = install();
        assertThat(real.exitCode()).as(real.err()).isZero();
        Map<String, String> before = resourceVersions();

        // When
        CliRun dryRun = install("--dry-run", "--exit-code", "--registry-creds", "bot:" + REGISTRY_PASSWORD,
                "--image-pull-secret", "dry-registry", "--log-level", "debug");

        // Then
        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(3);
        assertThat(dryRun.out().lines()).contains(
                "Secret/flux-system/dry-registry would be created",
                "Deployment/flux-system/source-controller would be configured",
                "    spec.template.spec.imagePullSecrets: added",
                "    spec.template.spec.containers[0].args[2]: \"--log-level=info\" -> \"--log-level=debug\"");
        assertThat(dryRun.out()).doesNotContain("Namespace/flux-system would");
        assertThat(dryRun.out() + dryRun.err()).doesNotContain(REGISTRY_PASSWORD);
        assertThat(kube.client().secrets().inNamespace(NAMESPACE).withName("dry-registry").get()).isNull();
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
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
    void exitCodeWithoutDryRunIsAUsageError() {
        CliRun run = install("--exit-code");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--exit-code needs --dry-run");
    }
}
