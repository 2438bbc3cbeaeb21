package dev.fluxboot.terraform;

import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.forge.FakeGitHubServer;
import dev.fluxboot.testing.forge.ForgeTestBed;
import dev.fluxboot.testing.git.GitRepositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fluxboot_bootstrap_github} through the real terraform and fluxboot's engine: the fake
 * GitHub API over HTTPS ({@code api_url}, {@code ca_file}) that grants the deploy keys it stores on
 * the real SSH Git server ({@code ssh_hostname}), Git over HTTPS with the token ({@code hostname}),
 * the real kube-apiserver and the controller simulator, which fetches with the Secret the bootstrap
 * wrote: the cluster syncs only if the deploy key was registered right. The token comes from a
 * sensitive Terraform variable into the provider's {@code forge.token}. Skips without terraform on
 * PATH, the built jar or the shared Flux releases.
 */
class TerraformBootstrapGitHubTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String TOKEN = "ghp_terraformTokenThatMustNeverBeShown89";
    private static final String TITLE = "flux-system-main-flux-system-./clusters/staging";

    private static Path terraformBinary;
    private static Path jar;

    @TempDir
    Path dir;

    private ForgeTestBed bed;
    private FakeGitHubServer github;
    private FluxControllerSimulator flux;
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
        bed = new ForgeTestBed(dir);
        github = FakeGitHubServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        github.addUser("alice", TOKEN, "repo", "admin:org");
        github.addOrganization("fleet");
        flux = new FluxControllerSimulator(kube.client(), "flux-system").start();
        terraform = TerraformCli.install(terraformBinary, jar, dir, Map.of("TF_VAR_github_token", TOKEN));
    }

    @AfterEach
    void stopServers() {
        flux.close();
        github.close();
        bed.close();
    }

    private String configuration() {
        Path manifests = TestBundles.shared("v2.8.1").toAbsolutePath();
        Path ca = bed.certificates().writeCaFile(dir).toAbsolutePath();
        return """
                terraform {
                  required_providers {
                    fluxboot = { source = "fluxboot/fluxboot" }
                  }
                }

                variable "github_token" {
                  type      = string
                  sensitive = true
                }

                provider "fluxboot" {
                  kubernetes = {
                    config_path = "%s"
                  }
                  forge = {
                    token = var.github_token
                  }
                }

                resource "fluxboot_bootstrap_github" "staging" {
                  owner          = "fleet"
                  repository     = "infra"
                  path           = "clusters/staging"
                  version        = "v2.8.1"
                  manifests_path = "%s"
                  hostname       = "127.0.0.1:%d"
                  api_url        = "%s"
                  ca_file        = "%s"
                  ssh_hostname   = "127.0.0.1:%d"
                }
                """.formatted(kube.kubeconfig().toAbsolutePath(), manifests, bed.gitHttp().port(), github.apiUrl(), ca,
                bed.ssh().port());
    }

    private GitRepositories git() {
        return bed.repositories();
    }

    @Test
    void applyCreatesTheRepositoryRegistersTheKeyPushesThenPlansNothingAndDestroyRemovesFolderAndKeyButNotTheRepository()
            throws Exception {
        // Given no repository fleet/infra yet
        assertThat(github.repository("fleet", "infra")).isEmpty();
        terraform.writeConfiguration(configuration());
        assertThat(terraform.run("init").exitCode()).isZero();

        // When applied
        TerraformCli.Result apply = terraform.run("apply", "-auto-approve");

        // Then the repository is created private, the cluster's key registered read-only, the files pushed, and Flux syncs
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(github.repository("fleet", "infra")).get()
                .satisfies(repository -> assertThat(repository.visibility()).isEqualTo("private"));
        assertThat(github.deployKeys("fleet", "infra")).singleElement().satisfies(key -> {
            assertThat(key.title()).isEqualTo(TITLE);
            assertThat(key.readOnly()).isTrue();
            assertThat(key.key()).isEqualTo(PublicKeys.material(secretData("identity.pub")));
        });
        String dir = "clusters/staging/flux-system/";
        assertThat(git().files("fleet/infra", "main")).containsExactlyInAnyOrder(
                dir + "gotk-components.yaml", dir + "gotk-sync.yaml", dir + "kustomization.yaml");
        assertThat(flux.lastRevision(FluxControllerSimulator.Kind.GIT_REPOSITORY, "flux-system")).isPresent();
        String state = terraform.stateFiles();
        assertThat(state).contains(dir + "gotk-sync.yaml", "\"owner\": \"fleet\"");
        assertThat(state + apply.output()).doesNotContain(TOKEN, privateKeyLine());

        // When planned again
        TerraformCli.Result unchanged = terraform.run("plan", "-detailed-exitcode");

        // Then nothing is to change
        assertThat(unchanged.exitCode()).as(unchanged.output()).isZero();
        assertThat(unchanged.output()).contains("No changes.");

        // When destroyed
        TerraformCli.Result destroy = terraform.run("destroy", "-auto-approve");

        // Then the cluster's folder and deploy key are gone, the repository stays, Flux is uninstalled
        assertThat(destroy.exitCode()).as(destroy.output()).isZero();
        assertThat(git().files("fleet/infra", "main")).noneMatch(path -> path.startsWith("clusters/staging/"));
        assertThat(github.deployKeys("fleet", "infra")).isEmpty();
        assertThat(github.repository("fleet", "infra")).isPresent();
        var crd = kube.client().apiextensions().v1().customResourceDefinitions()
                .withName("gitrepositories.source.toolkit.fluxcd.io").get();
        assertThat(crd == null || crd.getMetadata().getDeletionTimestamp() != null).as("Flux's CRDs deleted").isTrue();
        assertThat(terraform.stateFiles() + unchanged.output() + destroy.output()).doesNotContain(TOKEN);
        try (var files = Files.walk(terraform.work())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains(".terraform/")).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(TOKEN);
            }
        }
    }

    private String secretData(String key) {
        var secret = kube.client().secrets().inNamespace("flux-system").withName("flux-system").get();
        assertThat(secret).as("the flux-system Secret").isNotNull();
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    /** A line of the generated private key's base64 body, read while the Secret is there. */
    private String privateKeyLine() {
        return secretData("identity").lines().filter(line -> !line.startsWith("-----") && line.length() >= 16)
                .findFirst().orElseThrow();
    }
}
