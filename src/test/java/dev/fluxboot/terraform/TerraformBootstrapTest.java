package dev.fluxboot.terraform;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fluxboot_bootstrap_git} through the real terraform and fluxboot's engine (no fake
 * backend): the OpenSSH-style test Git server, the real kube-apiserver and the controller
 * simulator. Skips without terraform on PATH, the built jar or the shared Flux releases.
 */
class TerraformBootstrapTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static Path terraformBinary;
    private static Path jar;

    @TempDir
    Path dir;

    private GitRepositories repositories;
    private SshGitServer ssh;
    private FluxControllerSimulator flux;
    private SshKeyPair key;
    private TerraformCli terraform;

    @BeforeAll
    static void findTerraform() {
        Path[] found = TerraformCli.find().orElse(null);
        assumeTrue(found != null, "no terraform on PATH or no target/fluxboot.jar: skipped");
        terraformBinary = found[0];
        jar = found[1];
    }

    @BeforeEach
    void startServers() throws Exception {
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        repositories.create("org/fleet");
        key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        ssh.authorize(key.publicKey());
        flux = new FluxControllerSimulator(kube.client(), "flux-system").start();
        terraform = TerraformCli.install(terraformBinary, jar, dir, Map.of());
        Files.writeString(terraform.work().resolve("deploy-key.pem"), key.privateKeyPem());
    }

    @AfterEach
    void stopServers() throws Exception {
        flux.close();
        ssh.close();
        repositories.close();
    }

    private String configuration(String version) {
        Path manifests = TestBundles.shared(version).toAbsolutePath();
        return """
                terraform {
                  required_providers {
                    fluxboot = { source = "fluxboot/fluxboot" }
                  }
                }

                provider "fluxboot" {
                  kubernetes = {
                    config_path = "%s"
                  }
                  git = {
                    url = "%s"
                    ssh = {
                      username    = "git"
                      private_key = file("${path.module}/deploy-key.pem")
                    }
                  }
                }

                resource "fluxboot_bootstrap_git" "staging" {
                  path           = "clusters/staging"
                  version        = "%s"
                  manifests_path = "%s"
                }
                """.formatted(kube.kubeconfig().toAbsolutePath(), ssh.url("org/fleet"), version, manifests);
    }

    @Test
    void applyPlanNothingRepairDriftUpgradeInOneCommitAndDestroyOnlyThisClustersFolder() throws Exception {
        // Given a repository that holds another cluster's folder too
        repositories.commit("org/fleet", "main", Map.of("clusters/production/apps.yaml", "# production\n"), "production");
        terraform.writeConfiguration(configuration("v2.8.1"));
        assertThat(terraform.run("init").exitCode()).isZero();

        // When applied
        TerraformCli.Result apply = terraform.run("apply", "-auto-approve");

        // Then Flux is bootstrapped from the repository, and the state holds its three files and no key
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(repositories.files("org/fleet", "main")).contains("clusters/staging/flux-system/gotk-components.yaml",
                "clusters/staging/flux-system/gotk-sync.yaml", "clusters/staging/flux-system/kustomization.yaml");
        assertThat(flux.lastRevision(FluxControllerSimulator.Kind.GIT_REPOSITORY, "flux-system")).isPresent();
        String state = terraform.stateFiles();
        assertThat(state).contains("clusters/staging/flux-system/gotk-sync.yaml", "v2.8.1");
        assertThat(state + apply.output()).doesNotContain(secretMaterial());

        // When planned again
        TerraformCli.Result unchanged = terraform.run("plan", "-detailed-exitcode");

        // Then nothing is to change
        assertThat(unchanged.exitCode()).as(unchanged.output()).isZero();
        assertThat(unchanged.output()).contains("No changes.");

        // When gotk-sync.yaml is edited by hand in the repository
        String generated = repositories.readFile("org/fleet", "main", "clusters/staging/flux-system/gotk-sync.yaml")
                .orElseThrow();
        repositories.commit("org/fleet", "main", Map.of("clusters/staging/flux-system/gotk-sync.yaml", "# edited by hand\n"),
                "hand edit");
        TerraformCli.Result drift = terraform.run("plan", "-detailed-exitcode");

        // Then the plan shows the repair of that file, and the apply makes it
        assertThat(drift.exitCode()).as(drift.output()).isEqualTo(2);
        assertThat(drift.output()).contains("# fluxboot_bootstrap_git.staging will be updated in-place",
                "- # edited by hand", "Plan: 0 to add, 1 to change, 0 to destroy.");
        TerraformCli.Result repaired = terraform.run("apply", "-auto-approve");
        assertThat(repaired.exitCode()).as(repaired.output()).isZero();
        assertThat(repositories.readFile("org/fleet", "main", "clusters/staging/flux-system/gotk-sync.yaml"))
                .contains(generated);

        // When the version changes
        int commits = repositories.log("org/fleet", "main").size();
        terraform.writeConfiguration(configuration("v2.9.4"));
        TerraformCli.Result upgradePlan = terraform.run("plan", "-detailed-exitcode");
        TerraformCli.Result upgrade = terraform.run("apply", "-auto-approve");

        // Then the plan names the components file, and the upgrade is one commit
        assertThat(upgradePlan.exitCode()).as(upgradePlan.output()).isEqualTo(2);
        assertThat(upgradePlan.output()).contains("clusters/staging/flux-system/gotk-components.yaml");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(repositories.log("org/fleet", "main")).hasSize(commits + 1);
        assertThat(repositories.log("org/fleet", "main").get(0).getFullMessage())
                .startsWith("Add Flux v2.9.4 component manifests");

        // When destroyed
        TerraformCli.Result destroy = terraform.run("destroy", "-auto-approve");

        // Then this cluster's folder is gone, the other cluster's files stay, and Flux is uninstalled
        assertThat(destroy.exitCode()).as(destroy.output()).isZero();
        assertThat(repositories.files("org/fleet", "main")).contains("clusters/production/apps.yaml")
                .noneMatch(path -> path.startsWith("clusters/staging/"));
        var crd = kube.client().apiextensions().v1().customResourceDefinitions()
                .withName("gitrepositories.source.toolkit.fluxcd.io").get();
        assertThat(crd == null || crd.getMetadata().getDeletionTimestamp() != null).as("Flux's CRDs deleted").isTrue();
        assertThat(terraform.stateFiles() + drift.output() + upgrade.output() + destroy.output())
                .doesNotContain(secretMaterial());
    }

    /** A line of the private key's base64 body: no part of it may reach state or output. */
    private String secretMaterial() {
        return key.privateKeyPem().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }
}
