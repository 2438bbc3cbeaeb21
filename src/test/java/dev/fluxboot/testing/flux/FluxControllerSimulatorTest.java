package dev.fluxboot.testing.flux;

import dev.fluxboot.ui.Reporter;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.FluxManifestFixtures;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.FluxControllerSimulator.Kind;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulator against a real kube-apiserver with the Flux v2.8.0 CRDs and controllers
 * installed (through the product's {@link Cluster#apply}), and the real test Git servers. Each
 * test works in its own namespace, except the Deployment tests, which use the installed
 * {@code flux-system} controllers.
 */
class FluxControllerSimulatorTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String FLUX_NAMESPACE = "flux-system";
    private static final List<String> CONTROLLERS = List.of("helm-controller", "kustomize-controller",
            "notification-controller", "source-controller");
    private static final String TOKEN = "glpat-SimulatorTestTokenThatMustNotShow";
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private static Cluster cluster;
    private static KubernetesClient client;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static HttpGitServer https;
    private static TestCertificates certificates;
    private static SshKeyPair deployKey;

    @BeforeAll
    static void setUp() {
        client = kube.client();
        cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty());
        cluster.apply(FluxManifestFixtures.v280Components(), Duration.ofMinutes(2));
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        certificates = TestCertificates.generate();
        https = HttpGitServer.startHttps(repositories, certificates);
        https.authorizeBasic("git", TOKEN, true);
        deployKey = new SshKeyGenerator().ecdsa(SshKeyGenerator.DEFAULT_CURVE);
        ssh.authorizeReadOnly(deployKey.publicKey());
    }

    @AfterAll
    static void tearDown() {
        if (ssh != null) {
            ssh.close();
        }
        if (https != null) {
            https.close();
        }
        if (repositories != null) {
            repositories.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- source-controller and kustomize-controller over SSH

    @Test
    void aBootstrappedRepositoryBecomesReadyAtThePushedRevision() {
        // Given a repository with a cluster folder, the source secret, and the sync objects of gotk-sync.yaml
        String namespace = namespace();
        String repo = repository(namespace);
        String sha = pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/my-cluster");
        int fetchesBefore = ssh.fetchCount();

        // When
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.reconcileNow();

        // Then the GitRepository has the artifact of the pushed commit, as source-controller writes it
        String revision = "main@sha1:" + sha;
        Map<String, Object> source = status(FluxResources.GIT_REPOSITORIES, namespace);
        assertThat(Nested.number(source, "observedGeneration")).contains(1L);
        assertThat(Nested.string(source, "artifact", "revision")).contains(revision);
        assertThat(Nested.string(source, "artifact", "path")).contains("gitrepository/" + namespace + "/" + namespace + "/" + sha + ".tar.gz");
        assertThat(Nested.string(source, "artifact", "url")).contains("http://source-controller." + namespace
                + ".svc.cluster.local./gitrepository/" + namespace + "/" + namespace + "/" + sha + ".tar.gz");
        assertThat(Nested.string(source, "artifact", "digest").orElseThrow()).matches("sha256:[0-9a-f]{64}");
        assertThat(Nested.string(source, "artifact", "lastUpdateTime").orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Nested.number(source, "artifact", "size").orElseThrow()).isPositive();
        assertThat(conditions(source)).containsExactly(
                "Ready=True Succeeded: stored artifact for revision '" + revision + "'",
                "ArtifactInStorage=True Succeeded: stored artifact for revision '" + revision + "'");
        // and really fetched from the SSH server with the deploy key of the secret
        assertThat(ssh.fetchCount()).isGreaterThan(fetchesBefore);
        // and the Kustomization reports that revision applied
        Map<String, Object> sync = status(FluxResources.KUSTOMIZATIONS, namespace);
        assertThat(Nested.number(sync, "observedGeneration")).contains(1L);
        assertThat(Nested.string(sync, "lastAttemptedRevision")).contains(revision);
        assertThat(Nested.string(sync, "lastAppliedRevision")).contains(revision);
        assertThat(conditions(sync)).containsExactly("Ready=True ReconciliationSucceeded: Applied revision: " + revision);
        assertThat(flux.lastRevision(Kind.GIT_REPOSITORY, namespace)).contains(revision);
        assertThat(flux.lastRevision(Kind.KUSTOMIZATION, namespace)).contains(revision);
    }

    @Test
    void aStatusIsWrittenOnlyWhenItChanges() {
        // Given objects the simulator made ready
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/my-cluster");
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.reconcileNow();
        String sourceVersion = object(FluxResources.GIT_REPOSITORIES, namespace).getMetadata().getResourceVersion();
        String syncVersion = object(FluxResources.KUSTOMIZATIONS, namespace).getMetadata().getResourceVersion();

        // When nothing changed and it reconciles again
        flux.reconcileNow();
        flux.reconcileNow();

        // Then the objects were not written again
        assertThat(object(FluxResources.GIT_REPOSITORIES, namespace).getMetadata().getResourceVersion()).isEqualTo(sourceVersion);
        assertThat(object(FluxResources.KUSTOMIZATIONS, namespace).getMetadata().getResourceVersion()).isEqualTo(syncVersion);
        assertThat(flux.statusWrites(Kind.GIT_REPOSITORY, namespace)).isEqualTo(1);
        assertThat(flux.statusWrites(Kind.KUSTOMIZATION, namespace)).isEqualTo(1);
    }

    @Test
    void aKeyTheServerDoesNotAuthorizeMakesTheFetchFail() {
        // Given a secret with a key that was never registered as a deploy key
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        SshKeyPair unregistered = new SshKeyGenerator().ecdsa(SshKeyGenerator.DEFAULT_CURVE);
        sshSecret(namespace, unregistered, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/my-cluster");
        int refusedBefore = ssh.refusedAuthentications();

        // When
        new FluxControllerSimulator(client, namespace).reconcileNow();

        // Then Ready=False with the git error, as source-controller reports a failed clone
        Map<String, Object> source = status(FluxResources.GIT_REPOSITORIES, namespace);
        String message = "failed to checkout and determine revision: unable to clone '" + ssh.url(repo) + "': ";
        assertThat(conditions(source)).hasSize(2);
        assertThat(conditions(source).get(0)).startsWith("Ready=False GitOperationFailed: " + message)
                .contains("authentication was refused").contains(unregistered.fingerprint())
                .doesNotContain("PRIVATE KEY");
        assertThat(conditions(source).get(1)).startsWith("FetchFailed=True GitOperationFailed: " + message);
        assertThat(Nested.get(source, "artifact")).isEmpty();
        // observedGeneration stays at the CRD's default, as source-controller leaves it after a failure
        assertThat(Nested.number(source, "observedGeneration")).contains(-1L);
        assertThat(ssh.refusedAuthentications()).isGreaterThan(refusedBefore);
        // and the Kustomization waits for an artifact
        assertThat(conditions(status(FluxResources.KUSTOMIZATIONS, namespace)))
                .containsExactly("Ready=False ArtifactFailed: Source artifact not found, retrying in 5s");
    }

    @Test
    void aWrongKnownHostsMakesTheFetchFail() {
        // Given a secret whose known_hosts has another key for the server
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        String otherHostKey = "[127.0.0.1]:" + ssh.port() + " "
                + PublicKeyEntry.toString(SshGitServer.generateHostKey("ecdsa").getPublic()) + "\n";
        sshSecret(namespace, deployKey, otherHostKey);
        gitRepository(namespace, ssh.url(repo), "main");

        // When
        new FluxControllerSimulator(client, namespace).reconcileNow();

        // Then
        assertThat(conditions(status(FluxResources.GIT_REPOSITORIES, namespace)).get(0))
                .startsWith("Ready=False GitOperationFailed: failed to checkout and determine revision: unable to clone '")
                .contains("host key").contains("has changed");
    }

    @Test
    void aMissingSecretIsAnAuthenticationFailure() {
        // Given a GitRepository whose secret was never created
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        gitRepository(namespace, ssh.url(repo), "main");

        // When
        new FluxControllerSimulator(client, namespace).reconcileNow();

        // Then
        assertThat(conditions(status(FluxResources.GIT_REPOSITORIES, namespace))).containsExactly(
                "Ready=False AuthenticationFailed: failed to get secret '" + namespace + "/" + namespace
                        + "': secrets \"" + namespace + "\" not found",
                "FetchFailed=True AuthenticationFailed: failed to get secret '" + namespace + "/" + namespace
                        + "': secrets \"" + namespace + "\" not found");
    }

    @Test
    void aPathMissingFromTheRevisionMakesTheKustomizationFail() {
        // Given a Kustomization whose path is not in the repository
        String namespace = namespace();
        String repo = repository(namespace);
        String sha = pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/staging");

        // When
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.reconcileNow();

        // Then the source is ready but the Kustomization fails as kustomize-controller does
        assertThat(Nested.string(status(FluxResources.GIT_REPOSITORIES, namespace), "artifact", "revision"))
                .contains("main@sha1:" + sha);
        Map<String, Object> sync = status(FluxResources.KUSTOMIZATIONS, namespace);
        assertThat(conditions(sync)).singleElement().asString()
                .matches("Ready=False ArtifactFailed: kustomization path not found: stat /tmp/kustomization-\\d+/clusters/staging:"
                        + " no such file or directory");
        assertThat(Nested.get(sync, "lastAppliedRevision")).isEmpty();
        // kustomize-controller records the attempt before it looks for the path
        assertThat(Nested.string(sync, "lastAttemptedRevision")).contains("main@sha1:" + sha);
        assertThat(flux.lastRevision(Kind.KUSTOMIZATION, namespace)).isEmpty();

        // When the path is corrected (a new generation)
        patchSpec(FluxResources.KUSTOMIZATIONS, namespace, Map.of("path", "./clusters/my-cluster"));
        flux.reconcileNow();

        // Then
        sync = status(FluxResources.KUSTOMIZATIONS, namespace);
        assertThat(Nested.number(sync, "observedGeneration")).contains(2L);
        assertThat(conditions(sync)).containsExactly("Ready=True ReconciliationSucceeded: Applied revision: main@sha1:" + sha);
    }

    @Test
    void inTheBackgroundANewCommitAndALateKeyRegistrationAreSeen() {
        // Given a key that is not registered yet, and the simulator running
        String namespace = namespace();
        String repo = repository(namespace);
        String first = pushClusterFolder(repo, "clusters/my-cluster");
        SshKeyPair lateKey = new SshKeyGenerator().ed25519();
        sshSecret(namespace, lateKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/my-cluster");
        try (FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace).start()) {
            awaitCondition(FluxResources.GIT_REPOSITORIES, namespace, "Ready=False GitOperationFailed");

            // When the key is registered
            ssh.authorizeReadOnly(lateKey.publicKey());

            // Then the next fetches succeed
            flux.awaitRevision(Kind.KUSTOMIZATION, namespace, "main@sha1:" + first, Duration.ofSeconds(15));

            // When someone pushes a new commit
            String second = repositories.commit(repo, "main", Map.of("clusters/my-cluster/apps.yaml", "kind: List\n"), "Add apps")
                    .name();

            // Then both objects move to it within the refetch interval
            flux.awaitRevision(Kind.KUSTOMIZATION, namespace, "main@sha1:" + second, Duration.ofSeconds(15));
            assertThat(Nested.string(status(FluxResources.GIT_REPOSITORIES, namespace), "artifact", "revision"))
                    .contains("main@sha1:" + second);
            assertThat(flux.statusWrites(Kind.GIT_REPOSITORY, namespace)).isEqualTo(3);
            assertThat(flux.internalErrors()).isEmpty();
        }
    }

    @Test
    void aReconcileRequestIsHandledAtOnce() {
        // Given a ready GitRepository
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.reconcileNow();

        // When flux reconcile annotates it
        client.genericKubernetesResources(FluxResources.GIT_REPOSITORIES).inNamespace(namespace).withName(namespace)
                .edit(object -> {
                    object.getMetadata().setAnnotations(Map.of(FluxResources.REQUESTED_AT, "2026-01-02T03:04:05Z"));
                    return object;
                });
        flux.reconcileNow();

        // Then the request is marked handled
        assertThat(Nested.string(status(FluxResources.GIT_REPOSITORIES, namespace), "lastHandledReconcileAt"))
                .contains("2026-01-02T03:04:05Z");
    }

    // ---- HTTPS

    @Test
    void aTokenAndCaCertificateOverHttpsWork() {
        // Given a secret with basic auth and the CA of the server
        String namespace = namespace();
        String repo = repository(namespace);
        String sha = pushClusterFolder(repo, "clusters/my-cluster");
        secret(namespace, Map.of("username", "git", "password", TOKEN, "ca.crt", certificates.caPem()));
        gitRepository(namespace, https.url(repo), "main");

        // When
        new FluxControllerSimulator(client, namespace).reconcileNow();

        // Then
        assertThat(Nested.string(status(FluxResources.GIT_REPOSITORIES, namespace), "artifact", "revision"))
                .contains("main@sha1:" + sha);
        assertThat(https.lastAuthorizationScheme()).isEqualTo("Basic");
    }

    @Test
    void withoutTheCaCertificateHttpsFails() {
        // Given a secret with the token but without ca.crt
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        secret(namespace, Map.of("username", "git", "password", TOKEN));
        gitRepository(namespace, https.url(repo), "main");

        // When
        new FluxControllerSimulator(client, namespace).reconcileNow();

        // Then
        assertThat(conditions(status(FluxResources.GIT_REPOSITORIES, namespace)).get(0))
                .startsWith("Ready=False GitOperationFailed: ").contains("TLS certificate").doesNotContain(TOKEN);
    }

    @Test
    void aBearerTokenOverPlainHttpWorks() {
        // Given a plain http server that takes a bearer token, and a secret with it
        String namespace = namespace();
        String repo = repository(namespace);
        String sha = pushClusterFolder(repo, "clusters/my-cluster");
        secret(namespace, Map.of("bearerToken", TOKEN));
        try (HttpGitServer http = HttpGitServer.startHttp(repositories)) {
            http.authorizeBearer(TOKEN, true);
            gitRepository(namespace, http.url(repo), "main");

            // When
            new FluxControllerSimulator(client, namespace).reconcileNow();

            // Then
            assertThat(Nested.string(status(FluxResources.GIT_REPOSITORIES, namespace), "artifact", "revision"))
                    .contains("main@sha1:" + sha);
            assertThat(http.lastAuthorizationScheme()).isEqualTo("Bearer");
        }
    }

    // ---- kube-controller-manager

    @Test
    void theInstalledControllersBecomeAvailable() {
        // Given the four controllers of the installation, without status
        FluxControllerSimulator flux = new FluxControllerSimulator(client, FLUX_NAMESPACE);

        // When
        flux.reconcileNow();

        // Then the product's own wait sees them ready, and each has a healthy rollout's status
        cluster.waitForDeployments(FLUX_NAMESPACE, CONTROLLERS, Duration.ofSeconds(10), Reporter.silent());
        for (String name : CONTROLLERS) {
            Deployment deployment = client.apps().deployments().inNamespace(FLUX_NAMESPACE).withName(name).get();
            assertThat(deployment.getStatus().getObservedGeneration()).isEqualTo(deployment.getMetadata().getGeneration());
            assertThat(deployment.getStatus().getReplicas()).isEqualTo(1);
            assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(1);
            assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(1);
            assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(1);
            assertThat(deployment.getStatus().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason())
                    .containsExactly("Available=True MinimumReplicasAvailable", "Progressing=True NewReplicaSetAvailable");
        }
    }

    @Test
    void aDeploymentPastItsProgressDeadlineFailsTheWaitUntilTheFaultIsCleared() {
        // Given a controller whose rollout is stuck
        FluxControllerSimulator flux = new FluxControllerSimulator(client, FLUX_NAMESPACE);
        flux.inject(Kind.DEPLOYMENT, "helm-controller", Fault.progressDeadlineExceeded());

        // When
        flux.reconcileNow();

        // Then the product's wait fails at once with the reason
        assertThatThrownBy(() -> cluster.waitForDeployments(FLUX_NAMESPACE, CONTROLLERS, Duration.ofSeconds(30), Reporter.silent()))
                .isInstanceOf(FluxbootException.class).hasMessageContaining("helm-controller");
        DeploymentCondition progressing = client.apps().deployments().inNamespace(FLUX_NAMESPACE).withName("helm-controller").get()
                .getStatus().getConditions().stream().filter(c -> c.getType().equals("Progressing")).findFirst().orElseThrow();
        assertThat(progressing.getStatus() + " " + progressing.getReason()).isEqualTo("False ProgressDeadlineExceeded");
        assertThat(progressing.getMessage()).matches("ReplicaSet \"helm-controller-[a-z0-9]{10}\" has timed out progressing\\.");

        // When the fault is cleared
        flux.clearFault(Kind.DEPLOYMENT, "helm-controller");
        flux.reconcileNow();

        // Then
        cluster.waitForDeployments(FLUX_NAMESPACE, CONTROLLERS, Duration.ofSeconds(10), Reporter.silent());
    }

    // ---- faults, suspend, pause

    @Test
    void anInjectedNotReadyIsReportedAndClearedAgain() {
        // Given a ready sync
        String namespace = namespace();
        String repo = repository(namespace);
        String sha = pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/my-cluster");
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.reconcileNow();

        // When the Kustomization is made to fail
        flux.inject(Kind.KUSTOMIZATION, namespace, Fault.notReady("HealthCheckFailed", "timeout waiting for: [Deployment/apps/web status: 'InProgress']"));
        flux.reconcileNow();

        // Then Ready=False with that reason; the revisions stay
        Map<String, Object> sync = status(FluxResources.KUSTOMIZATIONS, namespace);
        assertThat(conditions(sync)).containsExactly(
                "Ready=False HealthCheckFailed: timeout waiting for: [Deployment/apps/web status: 'InProgress']");
        assertThat(Nested.string(sync, "lastAppliedRevision")).contains("main@sha1:" + sha);

        // When the fault is cleared
        flux.clearFault(Kind.KUSTOMIZATION, namespace);
        flux.reconcileNow();

        // Then
        assertThat(conditions(status(FluxResources.KUSTOMIZATIONS, namespace)))
                .containsExactly("Ready=True ReconciliationSucceeded: Applied revision: main@sha1:" + sha);
    }

    @Test
    void aNeverReadyObjectGetsNoStatus() {
        // Given a GitRepository that must never become ready
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.inject(Kind.GIT_REPOSITORY, namespace, Fault.neverReady());
        int fetchesBefore = ssh.fetchCount();

        // When
        flux.reconcileNow();

        // Then
        assertUntouched(FluxResources.GIT_REPOSITORIES, namespace);
        assertThat(ssh.fetchCount()).isEqualTo(fetchesBefore);
        assertThatThrownBy(() -> flux.awaitRevision(Kind.GIT_REPOSITORY, namespace, "main@sha1:0", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("last revision: none");
    }

    @Test
    void suspendedObjectsGetNoNewStatus() {
        // Given a suspended GitRepository and a suspended Kustomization
        String namespace = namespace();
        String repo = repository(namespace);
        pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        gitRepository(namespace, ssh.url(repo), "main");
        kustomization(namespace, "./clusters/my-cluster");
        patchSpec(FluxResources.GIT_REPOSITORIES, namespace, Map.of("suspend", true));
        patchSpec(FluxResources.KUSTOMIZATIONS, namespace, Map.of("suspend", true));

        // When
        FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace);
        flux.reconcileNow();

        // Then
        assertUntouched(FluxResources.GIT_REPOSITORIES, namespace);
        assertUntouched(FluxResources.KUSTOMIZATIONS, namespace);

        // When the source is resumed
        patchSpec(FluxResources.GIT_REPOSITORIES, namespace, Map.of("suspend", false));
        flux.reconcileNow();

        // Then only the source is reconciled
        assertThat(Nested.get(status(FluxResources.GIT_REPOSITORIES, namespace), "artifact")).isPresent();
        assertUntouched(FluxResources.KUSTOMIZATIONS, namespace);
    }

    @Test
    void whilePausedNothingIsReconciled() throws Exception {
        // Given a running simulator that is paused
        String namespace = namespace();
        String repo = repository(namespace);
        String sha = pushClusterFolder(repo, "clusters/my-cluster");
        sshSecret(namespace, deployKey, ssh.knownHosts());
        try (FluxControllerSimulator flux = new FluxControllerSimulator(client, namespace).start()) {
            flux.pause();

            // When the sync objects appear and several background passes go by
            gitRepository(namespace, ssh.url(repo), "main");
            kustomization(namespace, "./clusters/my-cluster");
            flux.reconcileNow();
            flux.awaitBackgroundPasses(3, Duration.ofSeconds(30));

            // Then nothing was written
            assertUntouched(FluxResources.GIT_REPOSITORIES, namespace);
            assertUntouched(FluxResources.KUSTOMIZATIONS, namespace);

            // When resumed
            flux.resume();

            // Then
            flux.awaitRevision(Kind.KUSTOMIZATION, namespace, "main@sha1:" + sha, Duration.ofSeconds(10));
        }
    }

    // ---- helpers

    /** A fresh namespace; its name is also the name of its repository, secret and sync objects. */
    private static String namespace() {
        String name = "sim-" + NAMESPACES.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static String repository(String namespace) {
        String name = "org/" + namespace;
        repositories.create(name);
        return name;
    }

    /** Commits what a bootstrap commits under {@code folder}; returns the commit. */
    private static String pushClusterFolder(String repo, String folder) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(folder + "/flux-system/gotk-components.yaml", "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n");
        files.put(folder + "/flux-system/gotk-sync.yaml", "---\n# sync\n");
        files.put(folder + "/flux-system/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                + "resources:\n- gotk-components.yaml\n- gotk-sync.yaml\n");
        return repositories.commit(repo, "main", files, "Add Flux sync manifests").name();
    }

    private static void sshSecret(String namespace, SshKeyPair key, String knownHosts) {
        secret(namespace, Map.of("identity", key.privateKeyPem(), "identity.pub", key.identityPub(), "known_hosts", knownHosts));
    }

    private static void secret(String namespace, Map<String, String> data) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(namespace).endMetadata()
                .withStringData(data).build()).create();
    }

    private static void gitRepository(String namespace, String url, String branch) {
        create(FluxResources.GIT_REPOSITORIES, """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: %1$s
                  namespace: %1$s
                spec:
                  interval: 1m0s
                  ref:
                    branch: %3$s
                  secretRef:
                    name: %1$s
                  url: %2$s
                """.formatted(namespace, url, branch));
    }

    private static void kustomization(String namespace, String path) {
        create(FluxResources.KUSTOMIZATIONS, """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: %1$s
                  namespace: %1$s
                spec:
                  interval: 10m0s
                  path: %2$s
                  prune: true
                  sourceRef:
                    kind: GitRepository
                    name: %1$s
                """.formatted(namespace, path));
    }

    private static void create(ResourceDefinitionContext type, String yaml) {
        GenericKubernetesResource object = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(type).inNamespace(object.getMetadata().getNamespace()).resource(object).create();
    }

    private static void patchSpec(ResourceDefinitionContext type, String namespace,
                                  Map<String, Object> changes) {
        client.genericKubernetesResources(type).inNamespace(namespace).withName(namespace).edit(object -> {
            Map<String, Object> spec = Nested.copy(object.getAdditionalProperties().get("spec"));
            spec.putAll(changes);
            object.setAdditionalProperty("spec", spec);
            return object;
        });
    }

    private static GenericKubernetesResource object(ResourceDefinitionContext type, String namespace) {
        return client.genericKubernetesResources(type).inNamespace(namespace).withName(namespace).get();
    }

    private static Map<String, Object> status(ResourceDefinitionContext type, String namespace) {
        Object status = FluxResources.status(object(type, namespace));
        assertThat(status).as("status of %s %s", type.getKind(), namespace).isNotNull();
        return Nested.copy(status);
    }

    /** The status is still the one the API server gave the new object (the CRD's default). */
    private static void assertUntouched(ResourceDefinitionContext type, String namespace) {
        assertThat(FluxResources.status(object(type, namespace))).as("status of %s %s", type.getKind(), namespace)
                .isEqualTo(Map.of("observedGeneration", -1));
    }

    /** {@code Type=Status Reason: message} of each condition, in order. */
    private static List<String> conditions(Map<String, Object> status) {
        Object conditions = status.get("conditions");
        if (conditions == null) {
            return List.of();
        }
        assertThat(conditions).isInstanceOf(List.class);
        return ((List<?>) conditions).stream().map(c -> (Map<?, ?>) c)
                .map(c -> c.get("type") + "=" + c.get("status") + " " + c.get("reason") + ": " + c.get("message"))
                .toList();
    }

    /** Waits, watching the object, until it has a condition starting with {@code prefix}. */
    private static void awaitCondition(ResourceDefinitionContext type, String namespace, String prefix) {
        try {
            client.genericKubernetesResources(type).inNamespace(namespace).withName(namespace).waitUntilCondition(object -> {
                Object status = object == null ? null : FluxResources.status(object);
                return status != null && conditions(Nested.copy(status)).stream().anyMatch(c -> c.startsWith(prefix));
            }, 30, TimeUnit.SECONDS);
        } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
            throw new AssertionError(type.getKind() + " " + namespace + " has no condition " + prefix + ": "
                    + FluxResources.status(object(type, namespace)));
        }
    }
}
