package dev.fluxboot.bootstrap;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Prompter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two clusters bootstrapped from one repository, each with its own {@code --path}: neither touches the other's files. */
class BootstrapTwoClustersTest {

    @RegisterExtension
    static final KubeApiServerSupport staging = new KubeApiServerSupport();

    @RegisterExtension
    static final KubeApiServerSupport production = new KubeApiServerSupport();

    @TempDir
    static Path work;

    private static Path bundle;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static Path keyFile;

    @BeforeAll
    static void servers() throws IOException {
        bundle = TestBundles.shared("v2.8.0");
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        keyFile = Files.writeString(work.resolve("key"), key.privateKeyPem());
        ssh.authorize(key.publicKey());
        repositories.create("org/fleet");
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

    private static BootstrapRun bootstrap(KubeApiServerSupport cluster, String path) {
        try (FluxControllerSimulator ignored = new FluxControllerSimulator(cluster.client(), "flux-system").start()) {
            return BootstrapRun.run(Map.of(), Prompter.none(), List.of("bootstrap", "git", "--url", ssh.url("org/fleet"),
                    "--path", path, "--private-key-file", keyFile.toString(), "--silent", "--version", "v2.8.0",
                    "--manifests", bundle.toString(), "--kubeconfig", cluster.kubeconfig().toString(), "--timeout", "2m"));
        }
    }

    @Test
    void secondClusterWithAnotherPathAddsItsOwnFolderAndLeavesTheFirstAlone() {
        BootstrapRun first = bootstrap(staging, "clusters/staging");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, String> stagingFiles = files("clusters/staging/");

        BootstrapRun second = bootstrap(production, "clusters/production");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(files("clusters/staging/")).isEqualTo(stagingFiles);
        assertThat(repositories.files("org/fleet", "main")).filteredOn(f -> f.startsWith("clusters/production/"))
                .containsExactlyInAnyOrder("clusters/production/flux-system/gotk-components.yaml",
                        "clusters/production/flux-system/gotk-sync.yaml",
                        "clusters/production/flux-system/kustomization.yaml");
        List<RevCommit> log = repositories.log("org/fleet", "main");
        assertThat(log).hasSize(4);
        for (RevCommit commit : log.subList(0, 2)) {
            assertThat(GitTrees.changedPaths(repositories.get("org/fleet"), commit))
                    .allMatch(path -> path.startsWith("clusters/production/"));
        }
        assertThat(repositories.readFile("org/fleet", "main", "clusters/production/flux-system/gotk-sync.yaml"))
                .get().asString().contains("path: ./clusters/production\n");

        // The first cluster now sees a branch that moved; its re-run commits nothing and is healthy again.
        BootstrapRun rerun = bootstrap(staging, "clusters/staging");

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(repositories.log("org/fleet", "main")).hasSize(4);
        assertThat(rerun.err()).contains("✔ Kustomization reconciled successfully");
    }

    private static Map<String, String> files(String prefix) {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String file : repositories.files("org/fleet", "main")) {
            if (file.startsWith(prefix)) {
                files.put(file, repositories.readFile("org/fleet", "main", file).orElseThrow());
            }
        }
        return files;
    }
}
