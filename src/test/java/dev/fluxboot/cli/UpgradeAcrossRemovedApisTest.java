package dev.fluxboot.cli;

import dev.fluxboot.testing.FluxManifestFixtures;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.OlderFluxRelease;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot install} from an older Flux whose objects are stored in the versions Flux 2.9 removed
 * ({@link OlderFluxRelease}) to the real v2.9.4, in one run, on the real API server: the dry run lists the
 * storage migration, an object that cannot be rewritten stops the run with every object readable and no
 * stored version dropped, and the next run finishes: every object kept, stored versions trimmed, the v2.9.4
 * definitions applied.
 */
class UpgradeAcrossRemovedApisTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String NAMESPACE = "flux-system";
    private static final String APPS = "apps";
    private static final Map<String, String> OLD_VERSIONS = Map.of(
            "ImageRepository", "image.toolkit.fluxcd.io/v1beta2", "ImagePolicy", "image.toolkit.fluxcd.io/v1beta2",
            "ImageUpdateAutomation", "image.toolkit.fluxcd.io/v1beta2",
            "Provider", "notification.toolkit.fluxcd.io/v1beta2", "Alert", "notification.toolkit.fluxcd.io/v1beta2",
            "Receiver", "notification.toolkit.fluxcd.io/v1beta2");
    private static final Map<String, String> NEW_VERSIONS = Map.of(
            "ImageRepository", "image.toolkit.fluxcd.io/v1", "ImagePolicy", "image.toolkit.fluxcd.io/v1",
            "ImageUpdateAutomation", "image.toolkit.fluxcd.io/v1",
            "Provider", "notification.toolkit.fluxcd.io/v1beta3", "Alert", "notification.toolkit.fluxcd.io/v1beta3",
            "Receiver", "notification.toolkit.fluxcd.io/v1");

    @TempDir
    static Path work;
    private static Path v294;
    private static Map<String, Object> specsBefore;

    @BeforeAll
    static void anOlderFluxWithObjectsStoredInRemovedVersions() {
        v294 = TestBundles.shared("v2.9.4");
        Path older = OlderFluxRelease.bundle(work);
        CliRun installed = install("v2.8.1", older);
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        OlderFluxRelease.createObjects(client(), APPS);
        specsBefore = OlderFluxRelease.specs(client(), APPS, OLD_VERSIONS);
        assertThat(specsBefore).doesNotContainValue(null);
        assertThat(OlderFluxRelease.storedVersions(client())).allSatisfy((crd, stored) ->
                assertThat(stored).containsExactly("v1beta2"));
    }

    private static CliRun install(String version, Path manifests, String... extra) {
        List<String> args = new ArrayList<>(List.of("install", "--version", version, "--manifests", manifests.toString(),
                "--components-extra", OlderFluxRelease.IMAGE_COMPONENTS, "--kubeconfig", kube.kubeconfig().toString(),
                "--timeout", "2m"));
        args.addAll(List.of(extra));
        try (InstallClusterTest.ControllerManagerStandIn ignored =
                     new InstallClusterTest.ControllerManagerStandIn(client(), NAMESPACE)) {
            return CliRun.run(Map.of(), Prompter.none(), args.toArray(String[]::new));
        }
    }

    private static KubernetesClient client() {
        return kube.client();
    }

    /**
     * One scenario, as objects stored in removed versions can be made once per server: the dry run,
     * a run an admission policy stops, the run that migrates, and a rerun.
     */
    @Test
    void aDryRunThenAStoppedRunThenTheMigrationAndTheNewReleaseThenARerun() {
        theDryRunListsTheMigrationAndChangesNothing();
        anObjectThatCannotBeRewrittenStopsTheRunAndLosesNothing();
        theNextRunMigratesEverythingAndInstallsTheNewRelease();
        aRerunFindsNothingToMigrate();
    }

    private static void theDryRunListsTheMigrationAndChangesNothing() {
        // Given
        Map<String, String> before = resourceVersions(OLD_VERSIONS);

        // When
        CliRun run = install("v2.9.4", v294, "--dry-run");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "CustomResourceDefinition/imagepolicies.image.toolkit.fluxcd.io would be configured",
                "storage migration first: imagepolicies.image.toolkit.fluxcd.io: 1 object rewritten in v1, stored versions"
                        + " v1beta2 -> v1 (through a transitional definition)",
                "rewritten in v1: ImagePolicy/apps/podinfo",
                "storage migration first: alerts.notification.toolkit.fluxcd.io: 1 object rewritten in v1beta3");
        assertThat(resourceVersions(OLD_VERSIONS)).isEqualTo(before);
    }

    private static void anObjectThatCannotBeRewrittenStopsTheRunAndLosesNothing() {
        // Given an admission policy that refuses any change to ImagePolicy/apps/podinfo
        freezePodinfoPolicy();
        try {
            // When
            CliRun run = install("v2.9.4", v294);

            // Then one line names the object and the way out; nothing stored was dropped
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).last().asString().startsWith("✗ storage migration of"
                            + " imagepolicies.image.toolkit.fluxcd.io stopped: ImagePolicy/apps/podinfo could not be"
                            + " rewritten in v1: ")
                    .contains("podinfo is frozen")
                    .endsWith("no stored version was removed and no object was lost: fix that and run the command again");
            assertThat(OlderFluxRelease.storedVersions(client()).get("imagepolicies.image.toolkit.fluxcd.io"))
                    .contains("v1beta2");
            OlderFluxRelease.assertKept(client(), APPS, specsBefore, OLD_VERSIONS);
            OlderFluxRelease.assertKept(client(), APPS, specsBefore, NEW_VERSIONS);
            assertThat(client().apps().deployments().inNamespace(NAMESPACE).withName("source-controller").get()
                    .getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "v2.8.1");
        } finally {
            thawPodinfoPolicy();
        }
    }

    private static void theNextRunMigratesEverythingAndInstallsTheNewRelease() {
        // When
        CliRun run = install("v2.9.4", v294);

        // Then every object is as it was, read in the new versions, stored only in them
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("✔ imagepolicies.image.toolkit.fluxcd.io migrated to storage version v1",
                "CustomResourceDefinition/imagepolicies.image.toolkit.fluxcd.io configured", "✔ install finished");
        OlderFluxRelease.assertKept(client(), APPS, specsBefore, NEW_VERSIONS);
        assertThat(OlderFluxRelease.storedVersions(client())).isEqualTo(new TreeMap<>(Map.of(
                        "imagerepositories.image.toolkit.fluxcd.io", List.of("v1"),
                        "imagepolicies.image.toolkit.fluxcd.io", List.of("v1"),
                        "imageupdateautomations.image.toolkit.fluxcd.io", List.of("v1"),
                        "alerts.notification.toolkit.fluxcd.io", List.of("v1beta3"),
                        "providers.notification.toolkit.fluxcd.io", List.of("v1beta3"),
                        "receivers.notification.toolkit.fluxcd.io", List.of("v1"))));
        // the v2.9.4 definitions are in place: the removed versions are no longer served
        for (String name : OlderFluxRelease.V1BETA2_CRDS) {
            CustomResourceDefinition crd = client().apiextensions().v1().customResourceDefinitions().withName(name).get();
            assertThat(crd.getSpec().getVersions()).extracting(CustomResourceDefinitionVersion::getName)
                    .containsExactly(OlderFluxRelease.CURRENT_STORAGE.get(name));
        }
        assertThat(client().genericKubernetesResources("image.toolkit.fluxcd.io/v1beta2", "ImagePolicy")
                .inNamespace(APPS).withName("podinfo").get()).as("read in v1beta2").isNull();
        // no field manager names a removed version, so the objects' owners can keep applying them
        for (Map<String, Object> object : FluxManifestFixtures.parse(OlderFluxRelease.objectsYaml(APPS))) {
            String kind = (String) object.get("kind");
            GenericKubernetesResource live = client().genericKubernetesResources(NEW_VERSIONS.get(kind), kind)
                    .inNamespace(APPS).withName((String) ((Map<?, ?>) object.get("metadata")).get("name")).get();
            assertThat(live.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getApiVersion)
                    .containsOnly(NEW_VERSIONS.get(kind));
        }
        OlderFluxRelease.applyObjects(client(), APPS, NEW_VERSIONS);
        OlderFluxRelease.assertKept(client(), APPS, specsBefore, NEW_VERSIONS);
    }

    private static void aRerunFindsNothingToMigrate() {
        // Given
        Map<String, String> before = resourceVersions(NEW_VERSIONS);

        // When
        CliRun run = install("v2.9.4", v294);

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("migrated");
        assertThat(resourceVersions(NEW_VERSIONS)).isEqualTo(before);
    }

    /** The resourceVersion of each migrated CRD and each object of {@link OlderFluxRelease#objectsYaml}, read in {@code apiVersions}. */
    private static Map<String, String> resourceVersions(Map<String, String> apiVersions) {
        Map<String, String> versions = new TreeMap<>();
        for (String name : OlderFluxRelease.V1BETA2_CRDS) {
            HasMetadata crd = client().apiextensions().v1().customResourceDefinitions().withName(name).get();
            versions.put(name, crd.getMetadata().getResourceVersion());
        }
        for (Map<String, Object> object : FluxManifestFixtures.parse(OlderFluxRelease.objectsYaml(APPS))) {
            String kind = (String) object.get("kind");
            String name = (String) ((Map<?, ?>) object.get("metadata")).get("name");
            HasMetadata live = client().genericKubernetesResources(apiVersions.get(kind), kind).inNamespace(APPS)
                    .withName(name).get();
            versions.put(kind + "/" + name, live.getMetadata().getResourceVersion());
        }
        return versions;
    }

    private static void freezePodinfoPolicy() {
        for (Map<String, Object> object : FluxManifestFixtures.parse("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata: {name: freeze-podinfo}
                spec:
                  failurePolicy: Fail
                  matchConstraints:
                    resourceRules:
                    - apiGroups: [image.toolkit.fluxcd.io]
                      apiVersions: ["*"]
                      operations: [UPDATE]
                      resources: [imagepolicies]
                  validations:
                  - expression: "object.metadata.name != 'podinfo'"
                    message: podinfo is frozen
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata: {name: freeze-podinfo}
                spec:
                  policyName: freeze-podinfo
                  validationActions: [Deny]
                """)) {
            client().resource(client().getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class))
                    .serverSideApply();
        }
        awaitPolicy(true);
    }

    private static void thawPodinfoPolicy() {
        client().genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding")
                .withName("freeze-podinfo").delete();
        client().genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")
                .withName("freeze-podinfo").delete();
        awaitPolicy(false);
    }

    /** The API server enforces a new policy, or forgets a deleted one, a moment later: a dry-run update tells. */
    private static void awaitPolicy(boolean enforced) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (denied() != enforced) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the admission policy is still " + (enforced ? "not " : "") + "enforced");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private static boolean denied() {
        try {
            client().genericKubernetesResources(OLD_VERSIONS.get("ImagePolicy"), "ImagePolicy").inNamespace(APPS)
                    .withName("podinfo").dryRun().patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"metadata\":{\"annotations\":{\"probe\":\"x\"}}}");
            return false;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 422 || e.getCode() == 403) {
                return true;
            }
            throw e;
        }
    }
}
