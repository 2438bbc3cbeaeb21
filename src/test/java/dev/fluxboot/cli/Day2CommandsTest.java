package dev.fluxboot.cli;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.manifests.bundle.FluxReleases;
import dev.fluxboot.testing.FluxClusterFixture;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check}, {@code version}, {@code export} and {@code uninstall} run as a user runs them,
 * against a real kube-apiserver with the real Flux v2.8.0 installation: exit codes, results on
 * stdout only, progress and failures on stderr. The methods share the cluster and run in any
 * order: each starts with the installation there, installed again after an uninstall took it.
 */
class Day2CommandsTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String CRD_LINE_PREFIX = "✔ gitrepositories.source.toolkit.fluxcd.io/";

    @BeforeEach
    void fluxInstalled() {
        boolean installed = client().apps().deployments().inNamespace("flux-system")
                .withLabel("app.kubernetes.io/part-of", "flux").list().getItems().size() == 4
                && client().apiextensions().v1().customResourceDefinitions()
                .withName("gitrepositories.source.toolkit.fluxcd.io").get() != null;
        if (!installed) {
            install();
        }
    }

    private static void install() {
        try (Cluster cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty())) {
            cluster.apply(FluxClusterFixture.v280In("flux-system"), Duration.ofMinutes(2));
        }
        FluxClusterFixture.V280_CONTROLLERS.forEach(name -> FluxClusterFixture.markAvailable(client(), "flux-system", name));
        // a source with credentials to export
        client().secrets().inNamespace("flux-system").resource(new SecretBuilder().withNewMetadata().withName("creds")
                .endMetadata().addToData("password", "c2VjcmV0").build()).createOr(existing -> existing.update());
        client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository").inNamespace("flux-system")
                .resource(client().getKubernetesSerialization().unmarshal("""
                        apiVersion: source.toolkit.fluxcd.io/v1
                        kind: GitRepository
                        metadata:
                          name: app
                        spec:
                          interval: 1m
                          url: https://git.example.com/app.git
                          secretRef:
                            name: creds
                        """, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                .createOr(existing -> existing.update());
    }

    // ---- check

    @Test
    void checkPrePassesOnASupportedServerAndNamesBothVersions() {
        CliRun run = run("check", "--pre");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "► checking prerequisites",
                "✔ Kubernetes " + KubeApiServerSupport.KUBERNETES_VERSION + " >=1.33.0-0",
                "✔ can create customresourcedefinitions.apiextensions.k8s.io",
                "✔ can create clusterroles.rbac.authorization.k8s.io",
                "✔ can create namespaces",
                "✔ prerequisites checks passed");
    }

    @Test
    void checkRunsEveryCheckAndPassesOnAReadyInstallation() {
        CliRun run = run("check", "--timeout=20s");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).contains(
                "✔ Kubernetes " + KubeApiServerSupport.KUBERNETES_VERSION + " >=1.33.0-0",
                "► checking version in cluster",
                "✔ distribution: flux-v2.8.0",
                "✔ bootstrapped: false",
                "► checking controllers",
                "✔ source-controller: deployment ready",
                "► ghcr.io/fluxcd/source-controller:v1.8.0",
                "► checking crds",
                CRD_LINE_PREFIX + "v1");
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("✗ ")).isEmpty();
        assertThat(run.errLines()).last().isEqualTo("✔ all checks passed");
    }

    @Test
    void checkVersionThatIsNoFluxReleaseIsAUsageError() {
        CliRun run = run("check", "--pre", "--version", "v0.41.2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ --version \"v0.41.2\" is not a Flux 2 release");
    }

    // ---- version

    @Test
    void versionAddsTheDistributionAndTheControllerImagesOfTheCluster() {
        CliRun text = run("version");
        CliRun yaml = run("version", "-o", "yaml");
        CliRun json = run("version", "-o", "json");

        String tool = FluxReleases.toolVersion();
        String flux = FluxReleases.defaultVersion();
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).isEqualTo("fluxboot " + tool + " (installs Flux " + flux + " by default)\n"
                + "cluster: flux-v2.8.0\n"
                + "  helm-controller          v1.5.0\n  kustomize-controller     v1.8.0\n"
                + "  notification-controller  v1.8.0\n  source-controller        v1.8.0\n");
        assertThat(yaml.exitCode()).isZero();
        assertThat(yaml.err()).isEmpty();
        assertThat(yaml.out()).isEqualTo("fluxboot: " + tool + "\nflux: " + flux + "\ndistribution: flux-v2.8.0\n"
                + "helm-controller: v1.5.0\nkustomize-controller: v1.8.0\nnotification-controller: v1.8.0\n"
                + "source-controller: v1.8.0\n");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).isEqualTo("{\n  \"fluxboot\": \"" + tool + "\",\n  \"flux\": \"" + flux + "\",\n"
                + "  \"distribution\": \"flux-v2.8.0\",\n  \"helm-controller\": \"v1.5.0\",\n"
                + "  \"kustomize-controller\": \"v1.8.0\",\n  \"notification-controller\": \"v1.8.0\",\n"
                + "  \"source-controller\": \"v1.8.0\"\n}\n");
    }

    @Test
    void versionInANamespaceWithoutFluxFails() {
        CliRun run = run("version", "-n", "default");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("✗ no deployments found in default namespace");
    }

    // ---- export

    @Test
    void exportWritesYamlOnStdoutOnly() {
        // When
        CliRun run = run("export", "source", "git", "app", "--with-credentials");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: app
                  namespace: flux-system
                spec:
                  interval: 1m0s
                  secretRef:
                    name: creds
                  timeout: 1m0s
                  url: https://git.example.com/app.git
                ---
                apiVersion: v1
                data:
                  password: c2VjcmV0
                kind: Secret
                metadata:
                  name: creds
                  namespace: flux-system
                type: Opaque
                """);
    }

    @Test
    void exportFlagsWorkBeforeOrAfterTheKindAsFluxsPersistentFlagsDo() {
        CliRun after = run("export", "source", "git", "--all", "--with-credentials");
        CliRun before = run("export", "--all", "source", "--with-credentials", "git");

        assertThat(after.exitCode()).isZero();
        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).isEqualTo(after.out()).contains("kind: GitRepository", "kind: Secret");
    }

    @Test
    void exportUsageAndLookupErrorsAreOneLineOnStderr() {
        CliRun noName = run("export", "kustomization");
        CliRun nameAndAll = run("export", "ks", "app", "--all");
        CliRun allNamespacesAlone = run("export", "hr", "app", "-A");
        CliRun missing = run("export", "source", "git", "missing");
        CliRun noneAnywhere = run("export", "alert", "--all", "--all-namespaces");
        CliRun noneHere = run("export", "alert", "--all");

        assertThat(List.of(noName, nameAndAll, allNamespacesAlone)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(1);
        });
        assertThat(noName.err()).contains("name is required: 'fluxboot export kustomization NAME', or --all");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.errLines()).containsExactly("✗ GitRepository \"missing\" not found in namespace flux-system");
        assertThat(noneAnywhere.exitCode()).isEqualTo(1);
        assertThat(noneAnywhere.errLines()).containsExactly("✗ no Alert objects found in any namespace");
        // one way of saying it, with or without a namespace
        assertThat(noneHere.exitCode()).isEqualTo(1);
        assertThat(noneHere.errLines()).containsExactly("✗ no Alert objects found in flux-system namespace");
    }

    @Test
    void exportOfAKindWhoseComponentIsNotInstalledSaysWhichInOneLine() {
        // Given Flux without source-watcher: no ArtifactGenerator CRD
        CliRun run = run("export", "artifact", "generator", "--all");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("✗ cannot export ArtifactGenerator objects: the cluster has no"
                + " CustomResourceDefinition artifactgenerators.source.extensions.fluxcd.io; is source-watcher installed?"
                + " It is installed with --components-extra=source-watcher");
    }

    @Test
    void exportGroupsPrintTheirHelp() {
        CliRun run = run("export", "source");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("git", "helm", "oci", "bucket", "chart", "external");
    }

    // ---- uninstall

    @Test
    void uninstallWithoutATerminalNeedsSilent() {
        CliRun run = run("uninstall");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("✗ there is no terminal to confirm the uninstall: rerun with --silent"
                + " to delete Flux without asking, or with --dry-run to see what would be deleted");
        assertThat(client().apps().deployments().inNamespace("flux-system").list().getItems()).hasSize(4);
    }

    @Test
    void uninstallAnsweredNoDeletesNothing() {
        List<String> questions = new ArrayList<>();
        CliRun run = CliRun.run(env(), answering(false, questions), "uninstall", "--kubeconfig", kube.kubeconfig().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(questions).containsExactly("Are you sure you want to delete Flux and its custom resource definitions");
        assertThat(run.errLines()).containsExactly("✗ uninstall cancelled");
        assertThat(client().apps().deployments().inNamespace("flux-system").list().getItems()).hasSize(4);
    }

    @Test
    void uninstallDryRunChangesNothingAndNeedsNoConfirmation() {
        CliRun run = run("uninstall", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("Deployment/flux-system/source-controller would be deleted")
                .endsWith("Namespace/flux-system would be deleted");
        assertThat(run.errLines()).endsWith("✔ uninstall finished");
        assertThat(client().apps().deployments().inNamespace("flux-system").list().getItems()).hasSize(4);
    }

    @Test
    void uninstallByAUserWhoCannotReadTheInstallationFailsBeforeDeletingAnything() {
        // Given a user without any rights
        String kubeconfig = kube.kubeconfigForUser("nobody").toString();

        // When
        CliRun run = CliRun.run(env(), Prompter.none(), "uninstall", "--silent", "--kubeconfig", kubeconfig);

        // Then it cannot even tell what the installation holds, and changes nothing
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("✗ permission denied: deployments.apps is forbidden: User \"nobody\"");
        assertThat(client().apps().deployments().inNamespace("flux-system").list().getItems()).hasSize(4);
    }

    @Test
    void uninstallSilentKeepNamespaceRemovesFlux() {
        CliRun run = run("uninstall", "--silent", "--keep-namespace");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo("► deleting components in flux-system namespace");
        assertThat(run.errLines()).last().isEqualTo("✔ uninstall finished");
        assertThat(client().apps().deployments().inNamespace("flux-system").list().getItems()).isEmpty();
        assertThat(client().namespaces().withName("flux-system").get().getMetadata().getDeletionTimestamp()).isNull();
        FluxClusterFixture.awaitNoFluxCrds(client(), Duration.ofSeconds(60));
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kube.kubeconfig().toString());
        return CliRun.run(env(), Prompter.none(), all.toArray(String[]::new));
    }

    private static Map<String, String> env() {
        return Map.of("HOME", kube.workDir().toString(), "NO_COLOR", "1");
    }

    /** A person at a terminal who answers every question the same. */
    private static Prompter answering(boolean answer, List<String> questions) {
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                questions.add(question);
                return answer;
            }
        };
    }

    private static KubernetesClient client() {
        return kube.client();
    }
}
