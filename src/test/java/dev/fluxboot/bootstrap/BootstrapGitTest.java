package dev.fluxboot.bootstrap;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.overlay.ComponentsGenerator;
import dev.fluxboot.manifests.bundle.DirectoryBundleReader;
import dev.fluxboot.manifests.overlay.InstallOptions;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.Fault;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
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
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap git} end to end: a real SSH Git server that accepts only the keys it
 * was given, the real kube-apiserver, and {@link FluxControllerSimulator} playing the controllers
 * (it fetches with the Secret the bootstrap created). Scenarios share one API server and run in any
 * order; each uses its own namespace (the test server never finishes deleting one) and repository, and
 * bootstraps first where it starts from a bootstrapped cluster. After each, no secret may be in what
 * its runs printed nor in any repository.
 */
class BootstrapGitTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String PATH = "clusters/my-cluster";

    @TempDir
    static Path work;

    private static Path v280;
    private static Path v281;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static Path keyFile;
    private static SshKeyPair key;
    private static HttpGitServer https;
    private static Path caFile;
    private static final String TOKEN = "tok-7f3e9a1c5b2d4e6f8a0b";
    private static final String BEARER = "bearer-93c1d7e5a2f4b6c8d0e2";
    private static final String GENERATED_SECRET = "Pr0xy-s3cret-4f8e2a";
    /** The runs of the current test, and the namespaces they bootstrapped. */
    private static final List<BootstrapRun> runs = new ArrayList<>();
    private static final java.util.Set<String> namespaces = new java.util.LinkedHashSet<>();

    @BeforeAll
    static void servers() throws IOException {
        v280 = TestBundles.shared("v2.8.0");
        v281 = TestBundles.shared("v2.8.1");
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        key = new SshKeyGenerator().ecdsa(EcdsaCurve.P384);
        keyFile = work.resolve("deploy-key");
        Files.writeString(keyFile, key.privateKeyPem());
        ssh.authorize(key.publicKey());
        TestCertificates certificates = TestCertificates.generate();
        https = HttpGitServer.startHttps(repositories, certificates);
        https.authorizeBasic("git", TOKEN, false);
        https.authorizeBearer(BEARER, false);
        caFile = certificates.writeCaFile(work);
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (https != null) {
            https.close();
        }
        if (repositories != null) {
            repositories.close();
        }
    }

    private static BootstrapRun bootstrap(String namespace, String repository, String... extra) {
        List<String> args = new ArrayList<>(List.of("--url", ssh.url(repository), "--private-key-file", keyFile.toString(),
                "--silent"));
        args.addAll(List.of(extra));
        return run(namespace, Prompter.none(), new java.io.ByteArrayOutputStream(), args);
    }

    private static BootstrapRun run(String namespace, Prompter prompter, java.io.ByteArrayOutputStream err,
                                    List<String> args) {
        return run(namespace, prompter, err, args, Map.of());
    }

    /** {@code bootstrap git} with the test's bundle, path, cluster and namespace, and {@code args}. */
    private static BootstrapRun run(String namespace, Prompter prompter, java.io.ByteArrayOutputStream err,
                                    List<String> args, Map<String, String> env) {
        return run(namespace, prompter, PipedInput.none(), err, args, env);
    }

    /** As above, with {@code stdin} piped in. */
    private static BootstrapRun run(String namespace, Prompter prompter, PipedInput stdin,
                                    java.io.ByteArrayOutputStream err, List<String> args, Map<String, String> env) {
        List<String> all = new ArrayList<>(List.of("bootstrap", "git", "-n", namespace));
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("--path", PATH);
        defaults.put("--version", "v2.8.0");
        defaults.put("--manifests", v280.toString());
        defaults.put("--kubeconfig", kube.kubeconfig().toString());
        defaults.put("--timeout", "2m");
        defaults.forEach((flag, value) -> {
            if (!args.contains(flag)) {
                all.addAll(List.of(flag, value));
            }
        });
        all.addAll(args);
        namespaces.add(namespace);
        BootstrapRun run = BootstrapRun.run(env, prompter, stdin, all, err);
        runs.add(run);
        return run;
    }

    private static BootstrapRun bootstrapWithControllers(String namespace, String repository, String... extra) {
        try (FluxControllerSimulator flux = controllers(namespace)) {
            BootstrapRun run = bootstrap(namespace, repository, extra);
            assertThat(flux.internalErrors()).isEmpty();
            return run;
        }
    }

    /** Given: the cluster bootstrapped into {@code namespace} from a new {@code repository}. */
    private static void bootstrapped(String namespace, String repository) {
        repositories.create(repository);
        BootstrapRun run = bootstrapWithControllers(namespace, repository);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** source-, kustomize-controller and the deployment controller for the namespace, running. */
    private static FluxControllerSimulator controllers(String namespace) {
        return new FluxControllerSimulator(kube.client(), namespace).start();
    }

    private static String generatedComponents(Path bundle, String version, String namespace) {
        Bundle read = new Bundle(version, new DirectoryBundleReader().read(bundle), bundle.toString());
        InstallOptions defaults = InstallOptions.defaults(version);
        InstallOptions options = new InstallOptions(version, namespace, defaults.components(), List.of(),
                defaults.registry(), "", true, true, "info", "cluster.local", List.of());
        return new ComponentsGenerator().generate(read, options).yaml();
    }

    @Test
    void firstBootstrapIntoAnEmptyRepositoryWritesFluxFilesAndSyncsTheCluster() {
        repositories.create("org/fleet");

        BootstrapRun run = bootstrapWithControllers("flux-system", "org/fleet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String dir = PATH + "/flux-system/";
        assertThat(repositories.files("org/fleet", "main")).containsExactlyInAnyOrder(
                dir + "gotk-components.yaml", dir + "gotk-sync.yaml", dir + "kustomization.yaml");
        assertThat(repositories.log("org/fleet", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.8.0 component manifests");
        assertThat(repositories.log("org/fleet", "main")).allSatisfy(commit ->
                assertThat(commit.getAuthorIdent().getName()).isEqualTo("Flux"));
        assertThat(repositories.readFile("org/fleet", "main", dir + "gotk-components.yaml"))
                .hasValue(generatedComponents(v280, "v2.8.0", "flux-system"));
        // The same generator over the real bundle writes what the Flux CLI wrote, byte for byte.
        assertThat(generatedComponents(TestBundles.shared("v2.8.0"), "v2.8.0", "flux-system"))
                .isEqualTo(TestBundles.expected("gotk-components.yaml"));
        String syncUrl = ssh.url("org/fleet");
        assertThat(repositories.readFile("org/fleet", "main", dir + "gotk-sync.yaml"))
                .hasValue(TestBundles.expected("gotk-sync.yaml")
                        .replace("ssh://git@github.com/AGarciaRipalda/flux-tyk-gotenberg", syncUrl));
        assertThat(repositories.readFile("org/fleet", "main", dir + "kustomization.yaml"))
                .hasValue(TestBundles.expected("kustomization.yaml"));

        Map<String, String> secret = secretData("flux-system", "flux-system");
        assertThat(secret).containsOnlyKeys("identity", "identity.pub", "known_hosts");
        assertThat(secret.get("identity")).isEqualTo(key.privateKeyPem());
        assertThat(secret.get("identity.pub")).isEqualTo(key.authorizedKey() + "\n");
        assertThat(secret.get("known_hosts")).isEqualTo(ssh.knownHosts().strip());
        String head = repositories.tip("org/fleet", "main").orElseThrow().name();
        // the version check runs first: the test server supports Flux 2.8, so no warning
        assertThat(run.err()).doesNotContain("⚠️ Kubernetes");
        assertThat(run.err()).contains("► cloning branch \"main\" from Git repository",
                "✔ committed component manifests to \"main\"", "► installing components in \"flux-system\" namespace",
                "► applying source secret \"flux-system/flux-system\"", "✔ committed sync manifests to \"main\"",
                "✔ GitRepository reconciled successfully", "✔ Kustomization reconciled successfully",
                "✔ all components are healthy");
        assertThat(kube.client().genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization")
                .inNamespace("flux-system").withName("flux-system").get().getAdditionalProperties().get("status"))
                .asString().contains("main@sha1:" + head);
    }

    @Test
    void rerunCommitsNothingAndChangesNothingInTheCluster() {
        // Given
        bootstrapped("rerun", "org/rerun");
        int pushes = ssh.pushCount();
        Map<String, String> before = resourceVersions("rerun");

        // When
        BootstrapRun run = bootstrapWithControllers("rerun", "org/rerun");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ssh.pushCount()).isEqualTo(pushes);
        assertThat(repositories.log("org/rerun", "main")).hasSize(2);
        assertThat(run.err()).contains("✔ component manifests are up to date", "✔ sync manifests are up to date",
                "✔ sync configuration already applied by Flux at " + repositories.tip("org/rerun", "main")
                        .orElseThrow().name());
        assertThat(run.err()).doesNotContain("► applying sync manifests");
        assertThat(resourceVersions("rerun")).isEqualTo(before);
    }

    @Test
    void aRerunPutsBackAControllerDeletedByHand() {
        // Given a bootstrapped cluster whose kustomize-controller someone deleted
        bootstrapped("repair", "org/repair");
        kube.client().apps().deployments().inNamespace("repair").withName("kustomize-controller").delete();
        kube.client().apps().deployments().inNamespace("repair").withName("kustomize-controller")
                .waitUntilCondition(java.util.Objects::isNull, 1, java.util.concurrent.TimeUnit.MINUTES);

        // When the bootstrap is re-run
        BootstrapRun run = bootstrapWithControllers("repair", "org/repair");

        // Then it applied the repository's manifests again, and the controller is back
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("► applying sync manifests", "✔ all components are healthy");
        assertThat(kube.client().apps().deployments().inNamespace("repair").withName("kustomize-controller").get())
                .isNotNull();
    }

    @Test
    void aRerunAppliesAgainWhenASyncObjectWasEditedInTheCluster() {
        // Given a bootstrapped cluster whose GitRepository someone edited by hand
        bootstrapped("edited", "org/edited");
        int pushes = ssh.pushCount();
        var gitRepository = kube.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace("edited").withName("edited");
        gitRepository.edit(object -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) object.getAdditionalProperties().get("spec");
            spec.put("interval", "7m");
            return object;
        });

        // When the bootstrap is re-run
        BootstrapRun run = bootstrapWithControllers("edited", "org/edited");

        // Then it applied the repository's sync manifests again, and pushed nothing
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("► applying sync manifests").doesNotContain("already applied by Flux");
        assertThat(ssh.pushCount()).isEqualTo(pushes);
        assertThat(gitRepository.get().getAdditionalProperties().get("spec")).asString().contains("interval=1m0s");
    }

    @Test
    void upgradeChangesOnlyTheComponentsInOneCommitAndReachesTheCluster() {
        // Given Flux v2.8.0 bootstrapped
        bootstrapped("upgrade", "org/upgrade");
        String before = repositories.tip("org/upgrade", "main").orElseThrow().name();

        // When
        BootstrapRun run = bootstrapWithControllers("upgrade", "org/upgrade", "--version", "v2.8.1",
                "--manifests", v281.toString());

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<RevCommit> log = repositories.log("org/upgrade", "main");
        assertThat(log).hasSize(3);
        assertThat(log.get(0).getShortMessage()).isEqualTo("Add Flux v2.8.1 component manifests");
        assertThat(log.get(1).getName()).isEqualTo(before);
        assertThat(GitTrees.changedPaths(repositories.get("org/upgrade"), log.get(0)))
                .containsExactly(PATH + "/upgrade/gotk-components.yaml");
        assertThat(repositories.readFile("org/upgrade", "main", PATH + "/upgrade/gotk-components.yaml"))
                .hasValue(generatedComponents(v281, "v2.8.1", "upgrade"));
        assertThat(kube.client().apps().deployments().inNamespace("upgrade").withName("helm-controller").get()
                .getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "v2.8.1");
        assertThat(run.err()).doesNotContain("installing components");
    }

    @Test
    void repositoryWithHistoryAndOtherFilesKeepsThemAll() {
        repositories.create("org/history");
        repositories.commit("org/history", "main", Map.of("README.md", "# fleet\n"), "first");
        String second = repositories.commit("org/history", "main",
                Map.of("apps/podinfo.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: podinfo\n",
                        "clusters/my-cluster/apps.yaml", "# the user's\n"), "second").name();

        BootstrapRun run = bootstrapWithControllers("history", "org/history");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repositories.files("org/history", "main")).contains("README.md", "apps/podinfo.yaml",
                "clusters/my-cluster/apps.yaml", PATH + "/history/gotk-components.yaml", PATH + "/history/gotk-sync.yaml",
                PATH + "/history/kustomization.yaml");
        List<RevCommit> log = repositories.log("org/history", "main");
        assertThat(log).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.8.0 component manifests", "second", "first");
        assertThat(log.get(2).getName()).isEqualTo(second);
        assertThat(repositories.readFile("org/history", "main", "clusters/my-cluster/apps.yaml")).hasValue("# the user's\n");
    }

    @Test
    void pushRejectedBecauseSomeonePushedMeanwhileIsRedoneOnTop() {
        repositories.create("org/race");
        repositories.commit("org/race", "main", Map.of("README.md", "# race\n"), "first");
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        ssh.duringReceive((name, repository, number) -> {
            if (name.equals("org/race") && raced.compareAndSet(false, true)) {
                repositories.commit(name, "main", Map.of("apps/theirs.yaml", "# theirs\n"), "their change");
            }
        });
        BootstrapRun run;
        try {
            run = bootstrapWithControllers("race", "org/race");
        } finally {
            ssh.duringReceive(null);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(raced).isTrue();
        assertThat(run.err()).contains("◎ git conflict detected, retrying with a fresh clone");
        assertThat(repositories.log("org/race", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.8.0 component manifests", "their change", "first");
        assertThat(repositories.files("org/race", "main")).contains("apps/theirs.yaml", PATH + "/race/gotk-components.yaml");
    }

    @Test
    void anotherPathForTheSameClusterIsRefusedNamingBothPaths() {
        // Given a cluster bootstrapped from ./clusters/my-cluster
        bootstrapped("otherpath", "org/otherpath");
        int pushes = ssh.pushCount();

        // When
        BootstrapRun run = bootstrap("otherpath", "org/otherpath", "--path", "clusters/other");

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("\"./clusters/other\"", "\"./clusters/my-cluster\"",
                "delete the Kustomization otherpath/otherpath");
        assertThat(ssh.pushCount()).isEqualTo(pushes);
        assertThat(repositories.files("org/otherpath", "main")).noneMatch(file -> file.startsWith("clusters/other"));
    }

    @Test
    void serverWhoseHostKeyDiffersFromTheOneTheClusterTrustsIsRefused() {
        repositories.create("org/pinned");
        KubernetesClient client = kube.client();
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("pinned").endMetadata().build()).create();
        java.security.PublicKey otherHostKey = SshGitServer.generateHostKey("ecdsa").getPublic();
        String staleKnownHosts = "[127.0.0.1]:" + ssh.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(otherHostKey);
        client.secrets().inNamespace("pinned").resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata().withName("flux-system").endMetadata()
                .addToStringData("identity", key.privateKeyPem())
                .addToStringData("identity.pub", key.identityPub())
                .addToStringData("known_hosts", staleKnownHosts).build()).create();

        BootstrapRun run = bootstrap("pinned", "org/pinned");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("host key of [127.0.0.1]:" + ssh.port() + " has changed");
        assertThat(repositories.log("org/pinned", "main")).isEmpty();
        assertThat(client.apps().deployments().inNamespace("pinned").list().getItems()).isEmpty();
    }

    @Test
    void keyWithoutAccessFailsBeforeAnythingChanges() throws IOException {
        repositories.create("org/locked");
        SshKeyPair stranger = new SshKeyGenerator().ed25519();
        Path strangerFile = work.resolve("stranger-key");
        Files.writeString(strangerFile, stranger.privateKeyPem());

        BootstrapRun run = run("locked", Prompter.none(), new java.io.ByteArrayOutputStream(), List.of(
                "--url", ssh.url("org/locked"), "--private-key-file", strangerFile.toString(), "--silent"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("authentication was refused",
                stranger.publicKeyType() + " " + stranger.fingerprint());
        assertThat(repositories.log("org/locked", "main")).isEmpty();
        assertThat(kube.client().namespaces().withName("locked").get()).isNull();
    }

    @Test
    void kustomizationReadyFalseFailsAtOnceWithTheControllersMessage() {
        repositories.create("org/broken");
        BootstrapRun run;
        try (FluxControllerSimulator flux = controllers("broken")) {
            flux.inject(FluxControllerSimulator.Kind.KUSTOMIZATION, "broken",
                    Fault.notReady("BuildFailed", "kustomize build failed: accumulating resources: 'apps' not found"));
            run = bootstrap("broken", "org/broken");
        }

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("Kustomization \"broken/broken\" is not ready: kustomize build failed: "
                + "accumulating resources: 'apps' not found", "check the manifests under ./clusters/my-cluster");
        // at once: not at the end of --timeout (that would be "timed out after ...")
        assertThat(run.err()).doesNotContain("timed out");
    }

    @Test
    void timeoutNamesTheObjectThatWasNotReadyAndItsLastCondition() {
        // Given a bootstrapped cluster, and a commit of someone else's on its branch since
        bootstrapped("stuck", "org/stuck");
        String old = repositories.tip("org/stuck", "main").orElseThrow().name();
        String theirs = repositories.commit("org/stuck", "main", Map.of("apps/new.yaml", "# new\n"), "their app").name();

        // When the bootstrap is re-run while the controllers are down: nothing reconciles the new revision
        BootstrapRun run;
        try (FluxControllerSimulator ignored = new FluxControllerSimulator(kube.client(), "stuck")) {
            run = bootstrap("stuck", "org/stuck", "--timeout", "20s");
        }

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("timed out after --timeout=20s waiting for GitRepository \"stuck/stuck\"",
                "Ready=True at revision main@sha1:" + old, "not yet at main@sha1:" + theirs, "source-controller");
    }

    @Test
    void tokenAuthOverHttpsWithCaFileStoresTheTokenInTheClusterOnly() {
        repositories.create("org/token");
        BootstrapRun run;
        try (FluxControllerSimulator ignored = controllers("token")) {
            run = run("token", Prompter.none(), new java.io.ByteArrayOutputStream(), List.of("--url", https.url("org/token"),
                    "--token-auth", "--password", TOKEN, "--ca-file", caFile.toString()));
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> secret = secretData("token", "flux-system");
        assertThat(secret).containsOnlyKeys("username", "password", "ca.crt");
        assertThat(secret).containsEntry("username", "git").containsEntry("password", TOKEN);
        assertThat(secret.get("ca.crt")).isEqualTo(readString(caFile));
        assertThat(repositories.readFile("org/token", "main", PATH + "/token/gotk-sync.yaml")).get().asString()
                .contains("  url: " + https.url("org/token") + "\n");
    }

    @Test
    void tokenAuthTakesThePasswordFromPipedStdin() {
        // Given neither --password nor GIT_PASSWORD, and the token piped in (echo "$TOKEN" | fluxboot ...)
        repositories.create("org/piped");

        // When
        BootstrapRun run;
        try (FluxControllerSimulator ignored = controllers("piped")) {
            run = run("piped", Prompter.none(), PipedInput.of(TOKEN + "\n"), new java.io.ByteArrayOutputStream(),
                    List.of("--url", https.url("org/piped"), "--token-auth", "--ca-file", caFile.toString()), Map.of());
        }

        // Then the tool pushed with it and the cluster fetches with it; no output shows it (checked after each)
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(secretData("piped", "flux-system")).containsEntry("username", "git").containsEntry("password", TOKEN);
        assertThat(repositories.files("org/piped", "main")).contains(PATH + "/piped/gotk-sync.yaml");
    }

    @Test
    void sparseCheckoutIsInTheSyncFileAndInTheClustersGitRepository() {
        // Given
        repositories.create("org/sparse");

        // When
        BootstrapRun run = bootstrapWithControllers("sparse", "org/sparse", "--sparse-checkout",
                "clusters,infrastructure");

        // Then gotk-sync.yaml lists the folders where Flux writes them (go-yaml's key order)
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repositories.readFile("org/sparse", "main", PATH + "/sparse/gotk-sync.yaml")).get().asString()
                .contains("""
                        spec:
                          interval: 1m0s
                          ref:
                            branch: main
                          secretRef:
                            name: flux-system
                          sparseCheckout:
                          - clusters
                          - infrastructure
                          url: %s
                        ---
                        """.formatted(ssh.url("org/sparse")));
        // and the GitRepository in the cluster, applied from there, carries them
        Object spec = kube.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace("sparse").withName("sparse").get().getAdditionalProperties().get("spec");
        assertThat(((Map<?, ?>) spec).get("sparseCheckout")).isEqualTo(List.of("clusters", "infrastructure"));
    }

    @Test
    void bearerTokenOverHttps() {
        repositories.create("org/bearer");
        BootstrapRun run;
        try (FluxControllerSimulator ignored = controllers("bearer")) {
            run = run("bearer", Prompter.none(), new java.io.ByteArrayOutputStream(), List.of("--url", https.url("org/bearer"),
                    "--with-bearer-token", "--ca-file", caFile.toString()), Map.of("GIT_PASSWORD", BEARER));
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(secretData("bearer", "flux-system")).containsOnlyKeys("bearerToken", "ca.crt")
                .containsEntry("bearerToken", BEARER);
        assertThat(https.lastAuthorizationScheme()).isEqualTo("Bearer");
    }

    @Test
    void clusterLostBetweenPushAndInstallIsFinishedByARerun() {
        // Given a user who may read everything and check the CRDs (a dry-run patch, before the push),
        // but change nothing: the cluster refuses the install after the push
        repositories.create("org/interrupted");
        Path reader = readOnlyKubeconfig();

        BootstrapRun broken = run("interrupted", Prompter.none(), new java.io.ByteArrayOutputStream(), List.of(
                "--url", ssh.url("org/interrupted"), "--private-key-file", keyFile.toString(), "--silent",
                "--kubeconfig", reader.toString()));

        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(1);
        assertThat(broken.lastErrLine()).contains("permission denied");
        assertThat(repositories.log("org/interrupted", "main")).as(broken.err()).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux v2.8.0 component manifests");

        BootstrapRun rerun = bootstrapWithControllers("interrupted", "org/interrupted");

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("✔ component manifests are up to date", "✔ installed components");
        assertThat(repositories.log("org/interrupted", "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.8.0 component manifests");
    }

    @Test
    void generatedKeyIsShownAndConfirmedAtTheTerminalBeforeItIsUsed() {
        // Given a person at the terminal who gives the key they are shown access to the repository
        repositories.create("org/generated");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        List<String> questions = new ArrayList<>();

        // When
        BootstrapRun run = bootstrapWithGeneratedKey("generated", "org/generated", err, questions);

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(questions).singleElement().asString().startsWith("Please give the key access to your repository");
        Map<String, String> secret = secretData("generated", "flux-system");
        assertThat(secret.get("identity.pub")).startsWith("ssh-ed25519 ");
        assertThat(run.err()).contains("✔ public key: " + secret.get("identity.pub").strip());
    }

    @Test
    void rerunWithTheSecretPresentReusesItsKeyAndLeavesItAlone() {
        // Given a cluster bootstrapped with a key generated for it
        repositories.create("org/reused");
        BootstrapRun first = bootstrapWithGeneratedKey("reused", "org/reused", new java.io.ByteArrayOutputStream(),
                new ArrayList<>());
        assertThat(first.exitCode()).as(first.err()).isZero();
        String version = kube.client().secrets().inNamespace("reused").withName("flux-system").get()
                .getMetadata().getResourceVersion();

        // When it is re-run without a key, and without a terminal
        BootstrapRun run;
        try (FluxControllerSimulator ignored = controllers("reused")) {
            run = run("reused", Prompter.none(), new java.io.ByteArrayOutputStream(),
                    List.of("--url", ssh.url("org/reused")));
        }

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("✔ source secret up to date").doesNotContain("public key:");
        assertThat(kube.client().secrets().inNamespace("reused").withName("flux-system").get()
                .getMetadata().getResourceVersion()).isEqualTo(version);
    }

    /**
     * {@code bootstrap git} that generates an ed25519 key, with a person at the terminal who, asked,
     * gives the key printed on {@code err} access to the repository.
     */
    private static BootstrapRun bootstrapWithGeneratedKey(String namespace, String repository,
                                                          java.io.ByteArrayOutputStream err, List<String> questions) {
        Prompter person = new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                questions.add(question);
                String printed = err.toString(StandardCharsets.UTF_8);
                String line = printed.lines().filter(l -> l.contains("public key: ")).reduce((a, b) -> b).orElseThrow();
                ssh.authorize(line.substring(line.indexOf("public key: ") + "public key: ".length()), false);
                return true;
            }
        };
        try (FluxControllerSimulator ignored = controllers(namespace)) {
            return run(namespace, person, err, List.of("--url", ssh.url(repository), "--ssh-key-algorithm", "ed25519"));
        }
    }

    @Test
    void newKeyWithoutTerminalAndWithoutSilentIsAClearError() {
        repositories.create("org/noterminal");

        BootstrapRun run = run("noterminal", Prompter.none(), new java.io.ByteArrayOutputStream(),
                List.of("--url", ssh.url("org/noterminal")));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("no terminal", "--private-key-file", "--silent");
        assertThat(run.err()).doesNotContain("public key:");
        assertThat(repositories.log("org/noterminal", "main")).isEmpty();
    }

    @Test
    void userPatchesInKustomizationYamlAreKeptAndAppliedFromTheFirstInstall() {
        repositories.create("org/patched");
        String kustomization = String.join("\n",
                "apiVersion: kustomize.config.k8s.io/v1beta1",
                "kind: Kustomization",
                "resources:",
                "- gotk-components.yaml",
                "- gotk-sync.yaml",
                "patches:",
                "- patch: |",
                "    apiVersion: apps/v1",
                "    kind: Deployment",
                "    metadata:",
                "      name: kustomize-controller",
                "    spec:",
                "      template:",
                "        spec:",
                "          containers:",
                "          - name: manager",
                "            env:",
                "            - name: FLUX_PATCHED",
                "              value: \"yes\"",
                "  target:",
                "    kind: Deployment",
                "    name: kustomize-controller",
                "- patch: |",
                "    - op: add",
                "      path: /spec/template/spec/containers/0/args/-",
                "      value: --requeue-dependency=5s",
                "  target:",
                "    kind: Deployment",
                "    name: source-controller",
                "");
        String file = PATH + "/patched/kustomization.yaml";
        repositories.commit("org/patched", "main", Map.of(file, kustomization), "my patches");

        BootstrapRun run = bootstrapWithControllers("patched", "org/patched");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repositories.readFile("org/patched", "main", file)).hasValue(kustomization);
        assertThat(GitTrees.changedPaths(repositories.get("org/patched"), repositories.log("org/patched", "main").get(0)))
                .containsExactly(PATH + "/patched/gotk-sync.yaml");
        var kustomizeController = kube.client().apps().deployments().inNamespace("patched")
                .withName("kustomize-controller").get();
        // Created with the patch: the first install went through kustomization.yaml, not around it.
        assertThat(kustomizeController.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(kustomizeController.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(io.fabric8.kubernetes.api.model.EnvVar::getName)
                .contains("RUNTIME_NAMESPACE", "FLUX_PATCHED");
        assertThat(kube.client().apps().deployments().inNamespace("patched").withName("source-controller").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("--requeue-dependency=5s");
    }

    @Test
    void aGitHostPlugsInTheRepositoryAndDeployKeySteps() {
        // A host in the shape of the forge commands: the tool clones over HTTPS with the token, the
        // cluster syncs over SSH with a key the host registers (here: hands to the SSH server).
        List<String> calls = new ArrayList<>();
        dev.fluxboot.githost.GitHost host = new dev.fluxboot.githost.GitHost() {
            @Override
            public String name() {
                return "test-forge";
            }

            @Override
            public dev.fluxboot.githost.RepositoryResult reconcileRepository(dev.fluxboot.githost.RepositorySpec spec,
                                                                             boolean dryRun) {
                calls.add("repository " + spec.owner() + "/" + spec.name());
                repositories.create(spec.owner() + "/" + spec.name());
                String sshUrl = ssh.url(spec.owner() + "/" + spec.name());
                return new dev.fluxboot.githost.RepositoryResult(new dev.fluxboot.githost.RemoteRepository(spec.owner(),
                        spec.name(), https.url(spec.owner() + "/" + spec.name()), sshUrl.substring(0, sshUrl.length() - 4),
                        "main"), List.of(dev.fluxboot.githost.HostChange.done("repository " + spec.owner() + "/"
                        + spec.name() + " created")));
            }

            @Override
            public List<dev.fluxboot.githost.HostChange> ensureDeployKey(dev.fluxboot.githost.RemoteRepository repository,
                                                                         dev.fluxboot.githost.DeployKey deployKey,
                                                                         boolean dryRun) {
                calls.add("deploy key " + deployKey.title() + " readOnly=" + deployKey.readOnly());
                ssh.authorize(deployKey.publicKey(), deployKey.readOnly());
                return List.of(dev.fluxboot.githost.HostChange.done("deploy key " + deployKey.title() + " added"));
            }

            @Override
            public List<dev.fluxboot.githost.HostChange> deleteDeployKey(dev.fluxboot.githost.RemoteRepository repository,
                                                                         String title, boolean dryRun) {
                throw new AssertionError("not called");
            }
        };
        InstallOptions options = InstallOptions.builder("v2.8.0").namespace("forge").build();
        InstallRequest install = new InstallRequest(options, Optional.of(v280), Optional.of("v2.8.0"), Optional.empty(),
                false, dev.fluxboot.cluster.KubeConnection.builder().kubeconfig(Optional.of(kube.kubeconfig())).build());
        dev.fluxboot.githost.ForgeConnection connection = new dev.fluxboot.githost.ForgeConnection(TOKEN,
                "forge.example", Optional.empty(), Optional.empty(), Map.of(), java.time.Duration.ofMinutes(2),
                Optional.empty(), new RecordingReporter());
        ForgeRequest forge = new ForgeRequest(dev.fluxboot.githost.Forge.GITHUB, connection, null,
                new dev.fluxboot.githost.RepositorySpec("org", "forged", false, "private", "", "main", List.of(), false),
                false, false);
        BootstrapRequest request = new BootstrapRequest(install,
                new SyncTarget(https.url("org/forged"), "main", PATH, java.time.Duration.ofMinutes(1), false, "flux-system"),
                SourceAuth.builder().password(TOKEN).caPem(Optional.of(readString(caFile))).build(),
                new CommitSettings("Flux", "", "", null), true, Optional.of(forge));
        RecordingReporter reporter = new RecordingReporter();
        World world = World.create(Map.of(), reporter).withForges((kind, given, username) -> host);

        try (FluxControllerSimulator ignored = controllers("forge");
             Run run = Run.builder("bootstrap", world, reporter).timeout(java.time.Duration.ofMinutes(2))
                     .input(Products.BOOTSTRAP, request).input(Products.INSTALL, install)
                     .input(Products.CONNECTION, install.connection()).input(Products.FORGE_REQUEST, forge).build()) {
            Workflows.bootstrap(request).run(run);
        }

        assertThat(calls).containsExactly("repository org/forged",
                "deploy key forge-main-flux-system-./clusters/my-cluster readOnly=true");
        assertThat(repositories.readFile("org/forged", "main", PATH + "/forge/gotk-sync.yaml")).get().asString()
                .contains("  url: " + ssh.url("org/forged").replace(".git", "") + "\n");
        assertThat(secretData("forge", "flux-system")).containsOnlyKeys("identity", "identity.pub", "known_hosts");
        assertThat(https.lastAuthorizationScheme()).isEqualTo("Basic");
        assertThat(reporter.lines()).contains("✔ repository org/forged created",
                "✔ deploy key forge-main-flux-system-./clusters/my-cluster added");
        assertThat(String.join("\n", reporter.lines())).doesNotContain(TOKEN);
    }

    @Test
    void aSourceFailureFromBeforeTheRunIsNotTakenForThisRunsOwn() {
        // Given a bootstrapped cluster whose source failed once since (a deploy key removed, say)
        repositories.create("org/stale");
        try (FluxControllerSimulator flux = controllers("stale")) {
            BootstrapRun first = bootstrap("stale", "org/stale");
            assertThat(first.exitCode()).as(first.err()).isZero();
            flux.inject(FluxControllerSimulator.Kind.GIT_REPOSITORY, "stale",
                    Fault.notReady("GitOperationFailed", "unable to clone: ssh: handshake failed"));
            flux.reconcileNow(FluxControllerSimulator.Kind.GIT_REPOSITORY, "stale");
            flux.pause();
            flux.clearFault(FluxControllerSimulator.Kind.GIT_REPOSITORY, "stale");

            // When the bootstrap is re-run after access was fixed, and the controllers come back only
            // once the run has asked for a reconciliation and looked at the status: the run's wait
            // pauses between looks, and its first pause after the request brings them back
            String earlierRequest = reconcileRequest("stale");
            java.util.concurrent.atomic.AtomicBoolean sawStaleStatus = new java.util.concurrent.atomic.AtomicBoolean();
            dev.fluxboot.net.Sleeper controllersComeBack = pause -> {
                if (!sawStaleStatus.get() && !java.util.Objects.equals(reconcileRequest("stale"), earlierRequest)) {
                    sawStaleStatus.set(true);
                    flux.resume();
                }
                flux.awaitBackgroundPasses(1, java.time.Duration.ofSeconds(60));
            };
            dev.fluxboot.api.BootstrapResult result = dev.fluxboot.api.Fluxboot.builder()
                    .reporter(new RecordingReporter()).sleeper(controllersComeBack).build()
                    .bootstrap(dev.fluxboot.api.BootstrapSpec.builder()
                            .url(ssh.url("org/stale")).path(PATH).silent(true)
                            .credentials(dev.fluxboot.api.GitCredentials.builder().privateKeyFile(keyFile).build())
                            .install(dev.fluxboot.api.InstallSpec.builder().namespace("stale")
                                    .cluster(dev.fluxboot.api.ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                                    .components(dev.fluxboot.api.Components.builder().version("v2.8.0").manifests(v280).build())
                                    .timeout(java.time.Duration.ofMinutes(2)).build())
                            .build());

            // Then the old Ready=False, which the run saw after its request, did not fail it: it waited
            // for the requested reconciliation
            assertThat(sawStaleStatus).isTrue();
            assertThat(result.revision()).contains(repositories.tip("org/stale", "main").orElseThrow().name());
        }
    }

    /** The GitRepository's {@code reconcile.fluxcd.io/requestedAt}, or null. */
    private static String reconcileRequest(String namespace) {
        Map<String, String> annotations = kube.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1",
                "GitRepository").inNamespace(namespace).withName(namespace).get().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("reconcile.fluxcd.io/requestedAt");
    }

    @Test
    void aKustomizationWithGeneratorsAndCommonFieldsIsAppliedAsKustomizeBuildsIt() {
        // Given a kustomization.yaml with what users put there: annotations, a generated Secret the
        // controllers read
        repositories.create("org/kustom");
        String file = PATH + "/kustom/kustomization.yaml";
        repositories.commit("org/kustom", "main", Map.of(file, String.join("\n",
                "resources: [gotk-components.yaml, gotk-sync.yaml]",
                "commonAnnotations: {team: platform}",
                "secretGenerator:",
                "- name: proxy-credentials",
                "  namespace: kustom",
                "  literals: [HTTPS_PROXY=http://user:" + GENERATED_SECRET + "@proxy:3128]",
                "patches:",
                "- target: {kind: Deployment, name: kustomize-controller}",
                "  patch: |",
                "    - op: add",
                "      path: /spec/template/spec/containers/0/envFrom",
                "      value: [{secretRef: {name: proxy-credentials}}]",
                "")), "my kustomization");

        // When
        BootstrapRun run = bootstrapWithControllers("kustom", "org/kustom", "--verbose");

        // Then the generated Secret is there under its hashed name, and the controller refers to that name
        assertThat(run.exitCode()).as(run.err()).isZero();
        var deployment = kube.client().apps().deployments().inNamespace("kustom").withName("kustomize-controller").get();
        String secretName = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().get(0)
                .getSecretRef().getName();
        assertThat(secretName).matches("proxy-credentials-[a-z0-9]{10}");
        Secret secret = kube.client().secrets().inNamespace("kustom").withName(secretName).get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("HTTPS_PROXY")), StandardCharsets.UTF_8))
                .contains(GENERATED_SECRET);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("team", "platform");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("team", "platform");
        // and its value was printed nowhere, verbose as the run was
        assertThat(run.out() + run.err()).doesNotContain(GENERATED_SECRET);
    }

    @Test
    void aFieldOnlyKustomizeBuildsFailsBeforeAnyChangeWithoutAKustomize() {
        // Given a kustomization.yaml with a Helm chart, and no kustomize or kubectl on PATH
        repositories.create("org/helm");
        String file = PATH + "/helm/kustomization.yaml";
        repositories.commit("org/helm", "main", Map.of(file, String.join("\n",
                "resources: [gotk-components.yaml, gotk-sync.yaml]",
                "helmCharts:",
                "- name: podinfo",
                "  repo: https://stefanprodan.github.io/podinfo",
                "")), "my kustomization");

        // When
        BootstrapRun run = bootstrap("helm", "org/helm");

        // Then one line naming the field and the fix, and nothing pushed or applied
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains(file + ": field 'helmCharts' needs kustomize:",
                "put kustomize or kubectl on PATH, or give --kustomize-bin PATH");
        assertThat(repositories.log("org/helm", "main")).hasSize(1);
        assertThat(kube.client().namespaces().withName("helm").get()).isNull();
    }

    @Test
    void aFieldOnlyKustomizeBuildsIsBuiltByTheKustomizeGiven() {
        // Given a kustomization.yaml with sortOptions, which only kustomize knows
        Path kustomize = dev.fluxboot.testing.RealKustomize.program();
        repositories.create("org/sorted");
        String file = PATH + "/sorted/kustomization.yaml";
        repositories.commit("org/sorted", "main", Map.of(file, String.join("\n",
                "resources: [gotk-components.yaml, gotk-sync.yaml]",
                "sortOptions: {order: fifo}",
                "commonLabels: {team: platform}",
                "")), "my kustomization");

        // When
        BootstrapRun run = bootstrapWithControllers("sorted", "org/sorted", "--kustomize-bin", kustomize.toString());

        // Then the folder was built by it: the label is on the controllers
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(kube.client().apps().deployments().inNamespace("sorted").withName("source-controller").get()
                .getMetadata().getLabels()).containsEntry("team", "platform");
    }

    /**
     * Whatever a test did, no token, password nor private key (given or generated) is in what its runs
     * printed nor in any repository's history, and no generated Secret value in what they printed.
     */
    @AfterEach
    void noSecretInAnyOutputOrCommit() {
        // GENERATED_SECRET is in the user's own kustomization.yaml: only the output must not show it
        List<String> secrets = new ArrayList<>(List.of(TOKEN, BEARER));
        secrets.addAll(privateKeyLines(key.privateKeyPem()));
        for (String namespace : namespaces) {
            Secret source = kube.client().secrets().inNamespace(namespace).withName("flux-system").get();
            if (source != null && source.getData() != null && source.getData().containsKey("identity")) {
                secrets.addAll(privateKeyLines(secretData(namespace, "flux-system").get("identity")));
            }
        }
        try {
            for (BootstrapRun run : runs) {
                assertThat(run.out() + run.err()).doesNotContain(GENERATED_SECRET);
                for (String secret : secrets) {
                    assertThat(run.out()).doesNotContain(secret);
                    assertThat(run.err()).doesNotContain(secret);
                }
            }
            for (String repository : repositories.names()) {
                String everything = GitTrees.allBlobs(repositories.get(repository));
                for (String secret : secrets) {
                    assertThat(everything).as(repository).doesNotContain(secret);
                }
            }
        } finally {
            runs.clear();
            namespaces.clear();
        }
    }

    /** The base64 lines of a PEM key: each is secret on its own. */
    private static List<String> privateKeyLines(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----") && line.length() >= 16).toList();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A user who may read everything and create or patch CRDs, which the check of the CRDs before the push does as
     * a dry run, and change nothing else: the cluster refuses the install.
     */
    private static Path readOnlyKubeconfig() {
        KubernetesClient client = kube.client();
        client.rbac().clusterRoles().resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
                .withNewMetadata().withName("read-everything").endMetadata()
                .addNewRule().withApiGroups("*").withResources("*").withVerbs("get", "list", "watch").endRule()
                .addNewRule().withApiGroups("apiextensions.k8s.io").withResources("customresourcedefinitions")
                .withVerbs("create", "patch").endRule()
                .build()).createOr(existing -> existing.update());
        client.rbac().clusterRoleBindings().resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder()
                .withNewMetadata().withName("reader-reads-everything").endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "read-everything")
                .addNewSubject().withKind("User").withName("reader").withApiGroup("rbac.authorization.k8s.io").endSubject()
                .build()).createOr(existing -> existing.update());
        return kube.kubeconfigForUser("reader");
    }

    private static Map<String, String> secretData(String namespace, String name) {
        Secret secret = kube.client().secrets().inNamespace(namespace).withName(name).get();
        assertThat(secret).as("Secret %s/%s", namespace, name).isNotNull();
        Map<String, String> data = new TreeMap<>();
        secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return data;
    }

    /** kind/name to resourceVersion of every object of the namespace that the bootstrap touches, and the CRDs. */
    private static Map<String, String> resourceVersions(String namespace) {
        KubernetesClient client = kube.client();
        Map<String, String> versions = new TreeMap<>();
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(client.namespaces().withName(namespace).get());
        objects.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
        objects.addAll(client.services().inNamespace(namespace).list().getItems());
        objects.addAll(client.serviceAccounts().inNamespace(namespace).list().getItems());
        objects.addAll(client.secrets().inNamespace(namespace).list().getItems());
        objects.addAll(client.network().v1().networkPolicies().inNamespace(namespace).list().getItems());
        objects.addAll(client.apiextensions().v1().customResourceDefinitions().list().getItems());
        objects.addAll(client.rbac().clusterRoleBindings().list().getItems());
        objects.addAll(client.rbac().clusterRoles().list().getItems());
        objects.addAll(client.resourceQuotas().inNamespace(namespace).list().getItems());
        objects.add(client.genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace(namespace).withName(namespace).get());
        objects.add(client.genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization")
                .inNamespace(namespace).withName(namespace).get());
        for (HasMetadata object : objects) {
            versions.put(object.getKind() + "/" + object.getMetadata().getName(), object.getMetadata().getResourceVersion());
        }
        return versions;
    }
}
