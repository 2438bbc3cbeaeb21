package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.OlderFluxRelease;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap git} re-run with v2.9.4 on a cluster an older Flux bootstrapped, whose image
 * automation and notification objects are stored in the versions 2.9 removed ({@link OlderFluxRelease}):
 * one commit, the objects kept, the stored versions trimmed, and a warning for each file of the
 * repository that Flux v2.9.4 could no longer apply, with the command that fixes it.
 */
class BootstrapUpgradeAcrossRemovedApisTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String PATH = "clusters/my-cluster";
    private static final String REPOSITORY = "org/fleet";
    private static final String APPS = "apps";
    private static final String IMAGE_AUTOMATION = """
            apiVersion: image.toolkit.fluxcd.io/v1beta2
            kind: ImageRepository
            metadata: {name: podinfo, namespace: apps}
            spec: {image: ghcr.io/stefanprodan/podinfo, interval: 5m}
            ---
            apiVersion: image.toolkit.fluxcd.io/v1beta2
            kind: ImagePolicy
            metadata: {name: podinfo, namespace: apps}
            spec:
              imageRepositoryRef: {name: podinfo}
              policy: {semver: {range: 6.x}}
            """;
    private static final Map<String, String> NEW_VERSIONS = Map.of(
            "ImageRepository", "image.toolkit.fluxcd.io/v1", "ImagePolicy", "image.toolkit.fluxcd.io/v1",
            "ImageUpdateAutomation", "image.toolkit.fluxcd.io/v1",
            "Provider", "notification.toolkit.fluxcd.io/v1beta3", "Alert", "notification.toolkit.fluxcd.io/v1beta3",
            "Receiver", "notification.toolkit.fluxcd.io/v1");

    @TempDir
    static Path work;
    private static Path older;
    private static Path v294;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static Path keyFile;
    private static Map<String, Object> specsBefore;

    @BeforeAll
    static void servers() throws IOException {
        older = OlderFluxRelease.bundle(work);
        v294 = TestBundles.shared("v2.9.4");
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        keyFile = Files.writeString(work.resolve("key"), key.privateKeyPem());
        ssh.authorize(key.publicKey());
        repositories.create(REPOSITORY);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("apps/image-automation.yaml", IMAGE_AUTOMATION);
        files.put("apps/source.yaml", "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\n"
                + "metadata: {name: apps, namespace: apps}\n");
        repositories.commit(REPOSITORY, "main", files, "the apps");
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (repositories != null) {
            repositories.close();
        }
    }

    private static BootstrapRun bootstrap(String version, Path manifests) {
        try (FluxControllerSimulator ignored = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
            return BootstrapRun.run(Map.of(), Prompter.none(), List.of("bootstrap", "git", "--url", ssh.url(REPOSITORY),
                    "--path", PATH, "--private-key-file", keyFile.toString(), "--silent", "--version", version,
                    "--manifests", manifests.toString(), "--components-extra", OlderFluxRelease.IMAGE_COMPONENTS,
                    "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"));
        }
    }

    /**
     * One scenario, as objects stored in removed versions can be made once per server: the older
     * bootstrap, the upgrade with its warning, and the fix the warning names.
     */
    @Test
    void anOlderFluxThenTheUpgradeWithItsWarningThenTheFixTheWarningNames() throws IOException {
        anOlderFluxBootstrapsAndItsObjectsAreStoredInV1beta2();
        theRerunWithV294UpgradesInOneCommitAndWarnsAboutTheFilesItCannotApply();
        theCommandTheWarningNamesFixesTheFile();
    }

    private static void anOlderFluxBootstrapsAndItsObjectsAreStoredInV1beta2() {
        // When
        BootstrapRun run = bootstrap("v2.8.1", older);

        // Then its release still serves v1beta2: nothing to warn about
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("no longer serves");
        OlderFluxRelease.createObjects(kube.client(), APPS);
        specsBefore = OlderFluxRelease.specs(kube.client(), APPS, Map.of(
                "ImageRepository", "image.toolkit.fluxcd.io/v1beta2", "ImagePolicy", "image.toolkit.fluxcd.io/v1beta2",
                "ImageUpdateAutomation", "image.toolkit.fluxcd.io/v1beta2",
                "Provider", "notification.toolkit.fluxcd.io/v1beta2", "Alert", "notification.toolkit.fluxcd.io/v1beta2",
                "Receiver", "notification.toolkit.fluxcd.io/v1beta2"));
        assertThat(OlderFluxRelease.storedVersions(kube.client())).allSatisfy((crd, stored) ->
                assertThat(stored).containsExactly("v1beta2"));
    }

    private static void theRerunWithV294UpgradesInOneCommitAndWarnsAboutTheFilesItCannotApply() {
        // Given a file in the Flux folder that its kustomization.yaml does not list: the bootstrap's, not the user's
        String before = repositories.commit(REPOSITORY, "main", Map.of(PATH + "/flux-system/old-alert.yaml",
                "apiVersion: notification.toolkit.fluxcd.io/v1beta2\nkind: Alert\nmetadata: {name: old}\n"),
                "an old file").name();

        // When
        BootstrapRun run = bootstrap("v2.9.4", v294);

        // Then one commit, only the components
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<RevCommit> log = repositories.log(REPOSITORY, "main");
        assertThat(log.get(0).getShortMessage()).isEqualTo("Add Flux v2.9.4 component manifests");
        assertThat(log.get(1).getName()).isEqualTo(before);
        assertThat(GitTrees.changedPaths(repositories.get(REPOSITORY), log.get(0)))
                .containsExactly(PATH + "/flux-system/gotk-components.yaml");
        // the objects moved, the stored versions went, the v2.9.4 definitions are in place
        OlderFluxRelease.assertKept(kube.client(), APPS, specsBefore, NEW_VERSIONS);
        Map<String, List<String>> stored = new LinkedHashMap<>();
        OlderFluxRelease.V1BETA2_CRDS.forEach(crd -> stored.put(crd, List.of(OlderFluxRelease.CURRENT_STORAGE.get(crd))));
        assertThat(OlderFluxRelease.storedVersions(kube.client())).isEqualTo(stored);
        for (String name : OlderFluxRelease.V1BETA2_CRDS) {
            CustomResourceDefinition crd = kube.client().apiextensions().v1().customResourceDefinitions().withName(name).get();
            assertThat(crd.getSpec().getVersions()).extracting(CustomResourceDefinitionVersion::getName)
                    .containsExactly(OlderFluxRelease.CURRENT_STORAGE.get(name));
        }
        assertThat(run.err()).contains("✔ imagepolicies.image.toolkit.fluxcd.io migrated to storage version v1");
        // one warning, for the user's file outside the Flux folder
        assertThat(run.err().lines().filter(line -> line.startsWith("⚠️")).toList()).containsExactly(
                "⚠️ apps/image-automation.yaml uses API versions Flux v2.9.4 no longer serves (line 1: ImageRepository"
                        + " image.toolkit.fluxcd.io/v1beta2, line 6: ImagePolicy image.toolkit.fluxcd.io/v1beta2); Flux"
                        + " cannot apply it after the upgrade: run fluxboot migrate -f apps/image-automation.yaml"
                        + " --version v2.9.4 and commit the result");
    }

    private static void theCommandTheWarningNamesFixesTheFile() throws IOException {
        // Given the file checked out
        Path checkout = Files.createDirectories(work.resolve("checkout/apps"));
        Path file = Files.writeString(checkout.resolve("image-automation.yaml"),
                repositories.readFile(REPOSITORY, "main", "apps/image-automation.yaml").orElseThrow());

        // When
        BootstrapRun migrate = BootstrapRun.run(Map.of(), Prompter.none(), List.of("migrate", "-f", file.toString(),
                "--version", "v2.9.4", "--manifests", v294.toString(), "--yes"));
        repositories.commit(REPOSITORY, "main", Map.of("apps/image-automation.yaml", Files.readString(file)), "migrate");
        BootstrapRun rerun = bootstrap("v2.9.4", v294);

        // Then
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(Files.readString(file)).isEqualTo(IMAGE_AUTOMATION.replace("/v1beta2", "/v1"));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).doesNotContain("⚠️", "migrated");
        assertThat(repositories.log(REPOSITORY, "main").get(0).getShortMessage()).isEqualTo("migrate");
    }
}
