package dev.fluxboot.terraform;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three clusters, one provider alias each, bootstrapped into one repository by one parallel
 * {@code terraform apply} (their pushes collide and are retried), then one destroyed while the
 * others stay, then one adopted again by {@code terraform import}: real terraform, fluxboot's
 * engine, three real kube-apiservers with the controller simulator, the test SSH Git server.
 */
class TerraformFleetTest {

    static final List<String> CLUSTERS = List.of("dev", "staging", "production");

    @RegisterExtension
    static final KubeApiServerSupport dev = new KubeApiServerSupport();

    @RegisterExtension
    static final KubeApiServerSupport staging = new KubeApiServerSupport();

    @RegisterExtension
    static final KubeApiServerSupport production = new KubeApiServerSupport();

    private static Path terraformBinary;
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTerraform() {
        Path[] found = TerraformCli.find().orElse(null);
        assumeTrue(found != null, "no terraform on PATH or no target/fluxboot.jar: skipped");
        terraformBinary = found[0];
        jar = found[1];
    }

    @Test
    void threeClustersInOneApplyThenOneDestroyedThenOneImported() throws Exception {
        Map<String, KubeApiServerSupport> kubes = Map.of("dev", dev, "staging", staging, "production", production);
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator devFlux = new FluxControllerSimulator(dev.client(), "flux-system").start();
             FluxControllerSimulator stagingFlux = new FluxControllerSimulator(staging.client(), "flux-system").start();
             FluxControllerSimulator productionFlux = new FluxControllerSimulator(production.client(), "flux-system")
                     .start()) {
            // Given one repository and three clusters, one provider alias each
            repositories.create("org/fleet");
            SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
            ssh.authorize(key.publicKey());
            TerraformCli terraform = TerraformCli.install(terraformBinary, jar, dir, Map.of());
            Files.writeString(terraform.work().resolve("deploy-key.pem"), key.privateKeyPem());
            terraform.writeConfiguration(configuration(kubes, ssh.url("org/fleet")));
            assertThat(terraform.run("init").exitCode()).isZero();

            // When applied, the three resources in parallel
            TerraformCli.Result apply = terraform.run("apply", "-auto-approve", "-parallelism=3");

            // Then all three succeed, each cluster following its own folder of the one branch
            assertThat(apply.exitCode()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
            for (String cluster : CLUSTERS) {
                assertThat(repositories.files("org/fleet", "main")).contains(
                        "clusters/" + cluster + "/flux-system/gotk-sync.yaml");
            }
            for (FluxControllerSimulator flux : List.of(devFlux, stagingFlux, productionFlux)) {
                assertThat(flux.lastRevision(FluxControllerSimulator.Kind.KUSTOMIZATION, "flux-system")).isPresent();
            }

            // When one cluster is destroyed
            TerraformCli.Result destroy = terraform.run("destroy", "-auto-approve", "-target=fluxboot_bootstrap_git.dev");

            // Then its folder is gone and the others' stay, as their Flux does
            assertThat(destroy.exitCode()).as(destroy.output()).isZero();
            assertThat(repositories.files("org/fleet", "main"))
                    .noneMatch(path -> path.startsWith("clusters/dev/"))
                    .contains("clusters/staging/flux-system/gotk-sync.yaml",
                            "clusters/production/flux-system/gotk-sync.yaml");
            assertThat(staging.client().apiextensions().v1().customResourceDefinitions()
                    .withName("gitrepositories.source.toolkit.fluxcd.io").get()).isNotNull();

            // When production is forgotten by Terraform, then imported from its cluster
            assertThat(terraform.run("state", "rm", "fluxboot_bootstrap_git.production").exitCode()).isZero();
            TerraformCli.Result imported = terraform.run("import", "fluxboot_bootstrap_git.production", "flux-system");

            // Then the state has its files again, and the plan neither recreates nor destroys it
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(terraform.stateFiles()).contains("clusters/production/flux-system/gotk-components.yaml");
            TerraformCli.Result plan = terraform.run("plan", "-target=fluxboot_bootstrap_git.production");
            assertThat(plan.exitCode()).as(plan.output()).isZero();
            assertThat(plan.output()).doesNotContain("must be replaced", "will be destroyed", "will be created");
            assertThat(terraform.stateFiles() + apply.output() + destroy.output() + imported.output())
                    .doesNotContain(key.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
        }
    }

    /** One provider alias and one resource per cluster, all into {@code url}. */
    static String configuration(Map<String, KubeApiServerSupport> kubes, String url) {
        Path manifests = TestBundles.shared("v2.9.4").toAbsolutePath();
        StringBuilder tf = new StringBuilder("""
                terraform {
                  required_providers {
                    fluxboot = { source = "fluxboot/fluxboot" }
                  }
                }
                """);
        for (String cluster : CLUSTERS) {
            tf.append("""

                    provider "fluxboot" {
                      alias = "%1$s"
                      kubernetes = {
                        config_path = "%2$s"
                      }
                      git = {
                        url = "%3$s"
                        ssh = {
                          username    = "git"
                          private_key = file("${path.module}/deploy-key.pem")
                        }
                      }
                    }

                    resource "fluxboot_bootstrap_git" "%1$s" {
                      provider       = fluxboot.%1$s
                      path           = "clusters/%1$s"
                      version        = "v2.9.4"
                      manifests_path = "%4$s"
                    }
                    """.formatted(cluster, kubes.get(cluster).kubeconfig().toAbsolutePath(), url, manifests));
        }
        return tf.toString();
    }
}
