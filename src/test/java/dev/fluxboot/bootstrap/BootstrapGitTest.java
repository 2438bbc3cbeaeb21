package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.manifests.Bundle;
import dev.fluxboot.manifests.ComponentsGenerator;
import dev.fluxboot.manifests.DirectoryBundleReader;
import dev.fluxboot.manifests.InstallOptions;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot bootstrap git} end to end: a real SSH Git server that accepts only the keys it
 * was given, the real kube-apiserver, and {@link FluxStandIn} playing the controllers (it
 * fetches with the Secret the bootstrap created). Scenarios run in order on one API server; each
 * uses its own namespace (the test server never finishes deleting one) and repository.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    private static final List<BootstrapRun> runs = new ArrayList<>();

    @BeforeAll
    static void servers() throws IOException {
        v280 = TestBundles.strippedCopy("v2.8.0", work);
        v281 = TestBundles.strippedCopy("v2.8.1", work);
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        key = new SshKeyGenerator().ecdsa(EcdsaCurve.P384);
        keyFile = work.resolve("deploy-key");
        Files.writeString(keyFile, key.privateKeyPem());
        ssh.authorize(key.publicKey());
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

    private static BootstrapRun bootstrap(String namespace, String repository, String... extra) {
        List<String> args = new ArrayList<>(List.of("bootstrap", "git", "--url", ssh.url(repository), "--path", PATH,
                "--private-key-file", keyFile.toString(), "--silent", "--version", "v2.8.0",
                "--manifests", v280.toString(), "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m",
                "-n", namespace));
        args.addAll(List.of(extra));
        BootstrapRun run = BootstrapRun.run(Map.of(), Prompter.none(), args);
        runs.add(run);
        return run;
    }

    private static BootstrapRun bootstrapWithControllers(String namespace, String repository, String... extra) {
        try (FluxStandIn ignored = new FluxStandIn(kube.client(), namespace)) {
            return bootstrap(namespace, repository, extra);
        }
    }

    private static String generatedComponents(Path bundle, String version, String namespace) {
        Bundle read = new Bundle(version, new DirectoryBundleReader().read(bundle), bundle.toString());
        InstallOptions defaults = InstallOptions.defaults(version);
        InstallOptions options = new InstallOptions(version, namespace, defaults.components(), List.of(),
                defaults.registry(), "", true, true, "info", "cluster.local", List.of());
        return new ComponentsGenerator().generate(read, options).yaml();
    }

    @Test
    @Order(1)
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
    @Order(2)
    void rerunCommitsNothingAndChangesNothingInTheCluster() {
        int pushes = ssh.pushCount();
        Map<String, String> before = resourceVersions("flux-system");

        BootstrapRun run = bootstrapWithControllers("flux-system", "org/fleet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ssh.pushCount()).isEqualTo(pushes);
        assertThat(repositories.log("org/fleet", "main")).hasSize(2);
        assertThat(run.err()).contains("✔ component manifests are up to date", "✔ sync manifests are up to date");
        assertThat(resourceVersions("flux-system")).isEqualTo(before);
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
