package dev.fluxboot.cli;

import dev.fluxboot.testing.FluxManifestFixtures;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.OlderFluxRelease;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot migrate} in cluster mode, as {@code flux migrate} before a minor upgrade: the cluster runs
 * the real v2.8.1, whose image automation and notification CRDs store v1 (v1beta3), with objects an older
 * release stored in v1beta2 ({@link OlderFluxRelease}).
 */
class MigrateClusterTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String NAMESPACE = "flux-system";
    private static final String APPS = "apps";
    private static final Map<String, String> CURRENT_VERSIONS = Map.of(
            "ImageRepository", "image.toolkit.fluxcd.io/v1", "ImagePolicy", "image.toolkit.fluxcd.io/v1",
            "ImageUpdateAutomation", "image.toolkit.fluxcd.io/v1",
            "Provider", "notification.toolkit.fluxcd.io/v1beta3", "Alert", "notification.toolkit.fluxcd.io/v1beta3",
            "Receiver", "notification.toolkit.fluxcd.io/v1");

    @TempDir
    static Path work;
    private static Map<String, Object> specsBefore;

    @BeforeAll
    static void flux281WithObjectsStoredInV1beta2() {
        CliRun older = install("v2.8.1", OlderFluxRelease.bundle(work));
        assertThat(older.exitCode()).as(older.err()).isZero();
        OlderFluxRelease.createObjects(client(), APPS);
        CliRun upgraded = install("v2.8.1", TestBundles.shared("v2.8.1"));
        assertThat(upgraded.exitCode()).as(upgraded.err()).isZero();
        specsBefore = OlderFluxRelease.specs(client(), APPS, CURRENT_VERSIONS);
        assertThat(OlderFluxRelease.storedVersions(client())).allSatisfy((crd, stored) ->
                assertThat(stored).containsExactly("v1beta2", OlderFluxRelease.CURRENT_STORAGE.get(crd)));
    }

    private static CliRun install(String version, Path manifests) {
        try (InstallClusterTest.ControllerManagerStandIn ignored =
                     new InstallClusterTest.ControllerManagerStandIn(client(), NAMESPACE)) {
            return CliRun.run(Map.of(), Prompter.none(), "install", "--version", version, "--manifests",
                    manifests.toString(), "--components-extra", OlderFluxRelease.IMAGE_COMPONENTS,
                    "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m");
        }
    }

    private static CliRun migrate(String... extra) {
        List<String> args = new ArrayList<>(List.of("migrate", "--kubeconfig", kube.kubeconfig().toString()));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static KubernetesClient client() {
        return kube.client();
    }

    /**
     * One scenario, as the objects stored in v1beta2 can be made once per server: a dry run first,
     * then the migration it listed, then a rerun.
     */
    @Test
    void aDryRunListsEveryDefinitionAndObjectThenTheMigrationRewritesThemThenARerunFindsNothing() {
        // Given objects stored in v1beta2
        Map<String, String> before = resourceVersions();

        // When
        CliRun run = migrate("--dry-run");
        CliRun forTheNextRelease = migrate("--dry-run", "--version", "v2.9.4", "--manifests",
                TestBundles.shared("v2.9.4").toString());

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains(
                "► starting migration of custom resources",
                "imagepolicies.image.toolkit.fluxcd.io: 1 object rewritten in v1, stored versions v1beta2, v1 -> v1",
                "  ImagePolicy/apps/podinfo",
                "alerts.notification.toolkit.fluxcd.io: 1 object rewritten in v1beta3, stored versions v1beta2, v1beta3"
                        + " -> v1beta3",
                "  Alert/apps/apps",
                "✔ dry-run mode enabled, no changes will be made");
        assertThat(run.errLines()).filteredOn(line -> line.contains(" rewritten in ")).hasSize(6);
        assertThat(forTheNextRelease.exitCode()).as(forTheNextRelease.err()).isZero();
        assertThat(forTheNextRelease.errLines()).filteredOn(line -> line.contains(" rewritten in ")).hasSize(6)
                .noneMatch(line -> line.contains("transitional"));
        assertThat(resourceVersions()).isEqualTo(before);

        // When the migration runs
        CliRun migration = migrate();

        // Then it rewrites each object and trims the stored versions
        assertThat(migration.exitCode()).as(migration.err()).isZero();
        assertThat(migration.errLines()).contains(
                "✔ ImagePolicy/apps/podinfo migrated to version v1",
                "✔ imagepolicies.image.toolkit.fluxcd.io migrated to storage version v1",
                "✔ Receiver/apps/github migrated to version v1",
                "✔ receivers.notification.toolkit.fluxcd.io migrated to storage version v1")
                .last().isEqualTo("✔ custom resources migrated successfully");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        OlderFluxRelease.V1BETA2_CRDS.forEach(crd -> expected.put(crd, List.of(OlderFluxRelease.CURRENT_STORAGE.get(crd))));
        assertThat(OlderFluxRelease.storedVersions(client())).isEqualTo(expected);
        OlderFluxRelease.assertKept(client(), APPS, specsBefore, CURRENT_VERSIONS);
        for (Map<String, Object> object : FluxManifestFixtures.parse(OlderFluxRelease.objectsYaml(APPS))) {
            String kind = (String) object.get("kind");
            GenericKubernetesResource live = client().genericKubernetesResources(CURRENT_VERSIONS.get(kind), kind)
                    .inNamespace(APPS).withName((String) ((Map<?, ?>) object.get("metadata")).get("name")).get();
            assertThat(live.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getApiVersion)
                    .containsOnly(CURRENT_VERSIONS.get(kind));
        }

        // When it is run again
        Map<String, String> migrated = resourceVersions();
        CliRun rerun = migrate();

        // Then it finds nothing to migrate
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.errLines()).containsExactly("► starting migration of custom resources",
                "✔ no custom resources found that require migration");
        assertThat(resourceVersions()).isEqualTo(migrated);
    }

    /** The resourceVersion of each Flux CRD and each object of {@link OlderFluxRelease#objectsYaml}. */
    private static Map<String, String> resourceVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (HasMetadata crd : client().apiextensions().v1().customResourceDefinitions()
                .withLabel("app.kubernetes.io/part-of", "flux").list().getItems()) {
            versions.put(crd.getMetadata().getName(), crd.getMetadata().getResourceVersion());
        }
        for (Map<String, Object> object : FluxManifestFixtures.parse(OlderFluxRelease.objectsYaml(APPS))) {
            String kind = (String) object.get("kind");
            String name = (String) ((Map<?, ?>) object.get("metadata")).get("name");
            HasMetadata live = client().genericKubernetesResources(CURRENT_VERSIONS.get(kind), kind).inNamespace(APPS)
                    .withName(name).get();
            versions.put(kind + "/" + name, live.getMetadata().getResourceVersion());
        }
        return versions;
    }
}
