package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot install} against a real kube-apiserver (no controllers): the test
 * plays kube-controller-manager by writing the Deployments' status.
 */
class InstallClusterTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String NAMESPACE = "flux-system";
    private static final String GIT_REPOSITORY_CRD = "gitrepositories.source.toolkit.fluxcd.io";

    private static Path bundle;

    @BeforeAll
    static void release() {
        bundle = TestBundles.shared("v2.8.0");
    }

    @AfterEach
    void forgetWhoManagesFlux() {
        relabelGitRepositoryCrd(Map.of(), List.of("app.kubernetes.io/managed-by", "kustomize.toolkit.fluxcd.io/name",
                "kustomize.toolkit.fluxcd.io/namespace"));
    }

    private static CliRun install(Prompter prompter, String... extra) {
        return install(kube, bundle, prompter, extra);
    }

    /** {@code install} of the release in {@code bundle} while the controller manager stand-in rolls it out. */
    static CliRun install(KubeApiServerSupport kube, Path bundle, Prompter prompter, String... extra) {
        List<String> args = new ArrayList<>(List.of("install", "--version", "v2.8.0", "--manifests", bundle.toString(),
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"));
        args.addAll(List.of(extra));
        try (ControllerManagerStandIn ignored = new ControllerManagerStandIn(kube.client(), NAMESPACE)) {
            return CliRun.run(Map.of(), prompter, args.toArray(String[]::new));
        }
    }

    private static CliRun install(String... extra) {
        return install(Prompter.none(), extra);
    }

    /** Given: Flux installed with the default options (whatever another test installed before). */
    private static void ensureInstalled() {
        CliRun run = install();
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static void relabelGitRepositoryCrd(Map<String, String> add, List<String> remove) {
        var crd = kube.client().apiextensions().v1().customResourceDefinitions().withName(GIT_REPOSITORY_CRD);
        if (crd.get() == null) {
            return;
        }
        crd.edit(object -> {
            Map<String, String> labels = new java.util.LinkedHashMap<>(
                    object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels());
            remove.forEach(labels::remove);
            labels.putAll(add);
            object.getMetadata().setLabels(labels);
            return object;
        });
    }

    @Test
    void aBootstrappedClusterIsRefused() {
        ensureInstalled();
        relabelGitRepositoryCrd(Map.of("kustomize.toolkit.fluxcd.io/name", "flux-system",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"), List.of());

        CliRun run = install();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).last().asString()
                .isEqualTo("✗ this cluster has already been bootstrapped with Flux v2.8.0! Please use 'fluxboot bootstrap' to upgrade");
        assertThat(run.err()).doesNotContain(" unchanged", " created", " configured");
    }

    @Test
    void helmManagedFluxWithoutTerminalOrForceIsAClearError() {
        ensureInstalled();
        relabelGitRepositoryCrd(Map.of("app.kubernetes.io/managed-by", "Helm"), List.of());

        CliRun run = install();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).contains("Flux v2.8.0 has been installed on this cluster with Helm!");
        assertThat(run.errLines()).last().asString().startsWith("✗ ").contains("Helm", "--force");
        assertThat(run.err()).doesNotContain(" unchanged", " created", " configured");
    }

    @Test
    void helmManagedFluxWithForceIsTakenOver() {
        ensureInstalled();
        relabelGitRepositoryCrd(Map.of("app.kubernetes.io/managed-by", "Helm"), List.of());

        CliRun run = install("--force");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Deployment/flux-system/source-controller unchanged");
        assertThat(run.errLines()).last().isEqualTo("✔ install finished");
    }

    @Test
    void helmManagedFluxIsTakenOverWhenThePersonAtTheTerminalSaysYes() {
        ensureInstalled();
        relabelGitRepositoryCrd(Map.of("app.kubernetes.io/managed-by", "Helm"), List.of());
        AnsweringPrompter yes = new AnsweringPrompter(true);
        AnsweringPrompter no = new AnsweringPrompter(false);

        CliRun accepted = install(yes);
        CliRun declined = install(no);

        assertThat(yes.questions).containsExactly("Are you sure you want to override the Helm installation?");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.errLines()).last().isEqualTo("✗ installation cancelled");
    }

    @Test
    void registryCredentialsBecomeTheImagePullSecretWithoutBeingPrinted() {
        // Given
        ensureInstalled();

        // When
        CliRun run = install("--registry-creds", "bot:hunter2-registry", "--image-pull-secret", "flux-registry");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("► generating image pull secret flux-registry")
                .contains("Deployment/flux-system/source-controller configured")
                .doesNotContain("hunter2");
        assertThat(run.out()).doesNotContain("hunter2");
        Secret secret = kube.client().secrets().inNamespace(NAMESPACE).withName("flux-registry").get();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        String config = new String(Base64.getDecoder().decode(secret.getData().get(".dockerconfigjson")), StandardCharsets.UTF_8);
        assertThat(config).contains("\"ghcr.io/fluxcd\"", "\"username\":\"bot\"", "\"password\":\"hunter2-registry\"");
        assertThat(kube.client().apps().deployments().inNamespace(NAMESPACE).withName("source-controller").get()
                .getSpec().getTemplate().getSpec().getImagePullSecrets())
                .anySatisfy(reference -> assertThat(reference.getName()).isEqualTo("flux-registry"));
    }

    @Test
    void anUnreachableClusterFailsWithOneLine(@TempDir Path dir) throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config",
                "clusters:", "- name: nowhere", "  cluster:", "    server: https://127.0.0.1:1", "users:",
                "- name: nobody", "  user:", "    token: not-a-real-token-1234", "contexts:", "- name: nowhere",
                "  context:", "    cluster: nowhere", "    user: nobody", "current-context: nowhere", ""));

        CliRun run = CliRun.run("install", "--version", "v2.8.0", "--manifests", bundle.toString(),
                "--kubeconfig", kubeconfig.toString(), "--timeout", "30s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).last().asString().startsWith("✗ ");
        assertThat(run.err()).doesNotContain("not-a-real-token-1234").doesNotContain("\tat ");
    }

    /** The terminal, answering as told and remembering the questions. */
    private static final class AnsweringPrompter implements Prompter {
        private final boolean answer;
        private final List<String> questions = new ArrayList<>();

        AnsweringPrompter(boolean answer) {
            this.answer = answer;
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public boolean confirm(String question) {
            questions.add(question);
            return answer;
        }
    }

    /**
     * What kube-controller-manager would do for the Deployments while the install waits: mark each
     * observed generation as rolled out and available.
     */
    static final class ControllerManagerStandIn implements AutoCloseable {
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

        ControllerManagerStandIn(KubernetesClient client, String namespace) {
            executor.scheduleWithFixedDelay(() -> markAvailable(client, namespace), 0, 200, TimeUnit.MILLISECONDS);
        }

        private static void markAvailable(KubernetesClient client, String namespace) {
            try {
                for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
                    Long generation = deployment.getMetadata().getGeneration();
                    if (deployment.getStatus() != null && generation.equals(deployment.getStatus().getObservedGeneration())) {
                        continue;
                    }
                    deployment.setStatus(new DeploymentStatusBuilder()
                            .withObservedGeneration(generation)
                            .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                            .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                                    .withReason("MinimumReplicasAvailable").build())
                            .build());
                    client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
                }
            } catch (KubernetesClientException conflictOrNotYet) {
                // the next round tries again
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
