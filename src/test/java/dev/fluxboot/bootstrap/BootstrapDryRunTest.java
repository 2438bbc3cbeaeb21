package dev.fluxboot.bootstrap;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap git --dry-run [--exit-code]} against a real SSH and HTTPS Git server
 * and the real kube-apiserver: nothing pushed, nothing applied, and the plan on stdout.
 */
class BootstrapDryRunTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String PATH = "clusters/my-cluster";
    private static final String DIR = PATH + "/flux-system/";
    private static final String FRESH_DIR = PATH + "/fresh/";
    private static final String TOKEN = "tok-dry-5b2d4e6f8a0b7f3e9a1c";

    @TempDir
    static Path work;

    private static Path v280;
    private static Path v281;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static HttpGitServer https;
    private static Path caFile;
    private static Path keyFile;
    private static SshKeyPair key;

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

    private static BootstrapRun bootstrap(String namespace, List<String> args) {
        List<String> all = new ArrayList<>(List.of("bootstrap", "git", "-n", namespace, "--path", PATH,
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"));
        if (!args.contains("--version")) {
            all.addAll(List.of("--version", "v2.8.0", "--manifests", v280.toString()));
        }
        all.addAll(args);
        return BootstrapRun.run(Map.of(), Prompter.none(), all, new ByteArrayOutputStream());
    }

    private static BootstrapRun overSsh(String namespace, String repository, String... extra) {
        List<String> args = new ArrayList<>(List.of("--url", ssh.url(repository), "--private-key-file",
                keyFile.toString(), "--silent"));
        args.addAll(List.of(extra));
        return bootstrap(namespace, args);
    }

    /** The namespace's objects of the kinds bootstrap writes, the CRDs and the namespaces, to their resourceVersion. */
    private static Map<String, String> resourceVersions(String namespace) {
        KubernetesClient client = kube.client();
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client.apiextensions().v1().customResourceDefinitions().list().getItems());
        objects.addAll(client.namespaces().list().getItems());
        objects.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
        objects.addAll(client.services().inNamespace(namespace).list().getItems());
        objects.addAll(client.serviceAccounts().inNamespace(namespace).list().getItems());
        objects.addAll(client.secrets().inNamespace(namespace).list().getItems());
        objects.addAll(client.rbac().clusterRoles().list().getItems());
        objects.addAll(client.rbac().clusterRoleBindings().list().getItems());
        if (client.apiextensions().v1().customResourceDefinitions()
                .withName("kustomizations.kustomize.toolkit.fluxcd.io").get() != null) {
            objects.addAll(client.genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization")
                    .inNamespace(namespace).list().getItems());
            objects.addAll(client.genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                    .inNamespace(namespace).list().getItems());
        }
        Map<String, String> versions = new TreeMap<>();
        for (HasMetadata object : objects) {
            versions.put(object.getKind() + "/" + object.getMetadata().getNamespace() + "/"
                    + object.getMetadata().getName(), object.getMetadata().getResourceVersion());
        }
        return versions;
    }

    @Test
    void aFreshRepositoryAndClusterShowTheNewFilesAndObjectsAndChangeNothing() {
        // Given
        repositories.create("org/fresh");
        Map<String, String> before = resourceVersions("fresh");

        // When
        BootstrapRun run = overSsh("fresh", "org/fresh", "--dry-run", "--exit-code");

        // Then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains(
                "diff --git a/" + FRESH_DIR + "gotk-components.yaml b/" + FRESH_DIR + "gotk-components.yaml\n",
                "+++ b/" + FRESH_DIR + "gotk-components.yaml\n", "+# Flux Version: v2.8.0\n",
                "+++ b/" + FRESH_DIR + "gotk-sync.yaml\n", "+++ b/" + FRESH_DIR + "kustomization.yaml\n");
        assertThat(run.out().lines()).contains(
                "Namespace/fresh would be created",
                "Deployment/fresh/source-controller would be created",
                "GitRepository/fresh/fresh would be created",
                "Kustomization/fresh/fresh would be created",
                "Secret/fresh/flux-system would be created",
                "    keys: identity, identity.pub, known_hosts");
        assertThat(run.err()).contains("would commit component manifests", "would commit sync manifests");
        assertThat(run.out() + run.err()).doesNotContain("PRIVATE KEY").doesNotContain(privateKeyBody());
        assertThat(repositories.tip("org/fresh", "main")).isEmpty();
        assertThat(kube.client().namespaces().withName("fresh").get()).isNull();
        assertThat(resourceVersions("fresh")).isEqualTo(before);
    }

    @Test
    void afterARealBootstrapNothingWouldChangeAndAnUpgradeShowsItsDiff() {
        // Given
        repositories.create("org/dry");
        BootstrapRun real;
        try (FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
            real = overSsh("flux-system", "org/dry");
        }
        assertThat(real.exitCode()).as(real.err()).isZero();
        Optional<ObjectId> tip = repositories.tip("org/dry", "main");
        Map<String, String> before = resourceVersions("flux-system");

        // When
        BootstrapRun same = overSsh("flux-system", "org/dry", "--dry-run", "--exit-code");
        BootstrapRun upgrade = overSsh("flux-system", "org/dry", "--dry-run", "--exit-code",
                "--version", "v2.8.1", "--manifests", v281.toString());

        // Then
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).isEmpty();
        assertThat(same.err()).contains("✔ dry run: the repository is up to date", "✔ dry run: the cluster is up to date");

        assertThat(upgrade.exitCode()).as(upgrade.err()).isEqualTo(3);
        assertThat(upgrade.out()).contains(
                "diff --git a/" + DIR + "gotk-components.yaml b/" + DIR + "gotk-components.yaml\n",
                "--- a/" + DIR + "gotk-components.yaml\n", "+++ b/" + DIR + "gotk-components.yaml\n",
                "-# Flux Version: v2.8.0\n", "+# Flux Version: v2.8.1\n", "\n@@ -")
                .doesNotContain("gotk-sync.yaml");
        assertThat(upgrade.out().lines()).contains("Deployment/flux-system/source-controller would be configured")
                .anyMatch(line -> line.startsWith("    ") && line.contains("\"v2.8.0\" -> \"v2.8.1\""));
        assertThat(upgrade.out() + upgrade.err()).doesNotContain(privateKeyBody());

        assertThat(repositories.tip("org/dry", "main")).isEqualTo(tip);
        assertThat(resourceVersions("flux-system")).isEqualTo(before);
    }

    @Test
    void tokenAuthShowsTheSecretKeysButNeverTheToken() {
        // Given
        repositories.create("org/token");

        // When
        BootstrapRun run = bootstrap("token-ns", List.of("--url", https.url("org/token"), "--token-auth",
                "--password", TOKEN, "--ca-file", caFile.toString(), "--dry-run", "--exit-code"));

        // Then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out().lines()).contains("Secret/token-ns/flux-system would be created",
                "    keys: ca.crt, password, username");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(TOKEN.getBytes()));
        assertThat(repositories.tip("org/token", "main")).isEmpty();
        assertThat(kube.client().secrets().inNamespace("token-ns").withName("flux-system").get()).isNull();
    }

    @Test
    void aKeyThatWouldBeGeneratedIsListedButNotGeneratedOrAskedFor() {
        // Given: no --private-key-file and no source secret; fluxboot reads over HTTPS with the password
        repositories.create("org/newkey");

        // When
        BootstrapRun https = bootstrap("newkey-ns", List.of("--url", BootstrapDryRunTest.https.url("org/newkey"),
                "--password", TOKEN, "--ca-file", caFile.toString(), "--dry-run", "--exit-code"));
        BootstrapRun overSsh = bootstrap("newkey-ns", List.of("--url", ssh.url("org/newkey"), "--dry-run"));

        // Then
        assertThat(https.exitCode()).as(https.err()).isEqualTo(3);
        assertThat(https.out().lines()).contains("Secret/newkey-ns/flux-system would be created with keys identity, "
                + "identity.pub, known_hosts (a new SSH key, generated by the real run)");
        assertThat(https.err()).doesNotContain("public key:", "SSH key pair");
        assertThat(https.out() + https.err()).doesNotContain(TOKEN).doesNotContain("PRIVATE KEY");
        assertThat(overSsh.exitCode()).isEqualTo(1);
        assertThat(overSsh.err()).contains("dry run cannot read", "--private-key-file");
        assertThat(repositories.tip("org/newkey", "main")).isEmpty();
    }

    @Test
    void exitCodeWithoutDryRunIsAUsageError() {
        BootstrapRun run = overSsh("flux-system", "org/dry", "--exit-code");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--exit-code needs --dry-run");
    }

    /** A line from the middle of the private key's PEM body. */
    private static String privateKeyBody() {
        List<String> lines = key.privateKeyPem().lines().toList();
        return lines.get(lines.size() / 2);
    }
}
