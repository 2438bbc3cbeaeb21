package dev.fluxboot.terraform;

import dev.fluxboot.githost.PublicKeys;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.forge.FakeGiteaServer;
import dev.fluxboot.testing.forge.ForgeTestBed;
import dev.fluxboot.testing.git.GitRepositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fluxboot_bootstrap_gitea} through the real terraform and fluxboot's engine, against the
 * fake Gitea (API over HTTPS, deploy keys granted on the real SSH Git server), the real
 * kube-apiserver and the controller simulator. The token comes from {@code GITEA_TOKEN} in
 * terraform's environment (no {@code forge} block); the provider's {@code git} block without a URL
 * gives the commit author. An update with {@code reconcile} changes the repository's visibility; a
 * destroy with {@code delete_git_manifests = false} keeps the folder but deletes the key.
 */
class TerraformBootstrapGiteaTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String TOKEN = "gitea_terraformTokenThatMustNeverShow42";
    private static final String TITLE = "flux-system-main-flux-system-./clusters/dev";

    private static Path terraformBinary;
    private static Path jar;

    @TempDir
    Path dir;

    private ForgeTestBed bed;
    private FakeGiteaServer gitea;
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
        gitea = FakeGiteaServer.start(bed.certificates(), bed.repositories(), bed.ssh(), bed.gitHttp());
        gitea.addUser("alice", TOKEN, "write:repository", "write:organization", "read:user");
        gitea.addOrganization("fleet");
        gitea.addTeam("fleet", "platform", "write");
        flux = new FluxControllerSimulator(kube.client(), "flux-system").start();
        terraform = TerraformCli.install(terraformBinary, jar, dir, Map.of("GITEA_TOKEN", TOKEN));
    }

    @AfterEach
    void stopServers() {
        flux.close();
        gitea.close();
        bed.close();
    }

    private String configuration(boolean privateRepository) {
        Path manifests = TestBundles.shared("v2.8.1").toAbsolutePath();
        Path ca = bed.certificates().writeCaFile(dir).toAbsolutePath();
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
                    author_name  = "Fleet Bot"
                    author_email = "fleet-bot@example.com"
                  }
                }

                resource "fluxboot_bootstrap_gitea" "dev" {
                  owner                = "fleet"
                  repository           = "apps"
                  team                 = ["platform"]
                  private              = %s
                  reconcile            = true
                  delete_git_manifests = false
                  path                 = "clusters/dev"
                  version              = "v2.8.1"
                  manifests_path       = "%s"
                  hostname             = "127.0.0.1:%d"
                  api_url              = "%s"
                  ca_file              = "%s"
                  ssh_hostname         = "127.0.0.1:%d"
                }
                """.formatted(kube.kubeconfig().toAbsolutePath(), privateRepository, manifests, bed.gitHttp().port(),
                gitea.apiUrl(), ca, bed.ssh().port());
    }

    private GitRepositories git() {
        return bed.repositories();
    }

    @Test
    void applyWithTheEnvironmentsTokenThenAVisibilityUpdateThenDestroyKeepingTheFolderButNotTheKey() throws Exception {
        // Given
        terraform.writeConfiguration(configuration(true));
        assertThat(terraform.run("init").exitCode()).isZero();

        // When applied
        TerraformCli.Result apply = terraform.run("apply", "-auto-approve");

        // Then the repository is created private with the team, the key registered, the files committed by the author
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(gitea.repository("fleet", "apps")).get().satisfies(repository -> {
            assertThat(repository.isPrivate()).isTrue();
            assertThat(repository.teams()).containsExactly("platform");
        });
        assertThat(gitea.deployKeys("fleet", "apps")).singleElement().satisfies(key -> {
            assertThat(key.title()).isEqualTo(TITLE);
            assertThat(key.key()).isEqualTo(PublicKeys.material(secretData("identity.pub")));
        });
        assertThat(git().log("fleet/apps", "main")).extracting(commit -> commit.getAuthorIdent().getName())
                .containsOnly("Fleet Bot");
        assertThat(flux.lastRevision(FluxControllerSimulator.Kind.GIT_REPOSITORY, "flux-system")).isPresent();

        // When private becomes false
        terraform.writeConfiguration(configuration(false));
        int commits = git().log("fleet/apps", "main").size();
        TerraformCli.Result plan = terraform.run("plan", "-detailed-exitcode");
        TerraformCli.Result update = terraform.run("apply", "-auto-approve");

        // Then the plan shows that one change, and the update makes the repository public without a commit
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
        assertThat(plan.output()).contains("~ private", "Plan: 0 to add, 1 to change, 0 to destroy.");
        assertThat(update.exitCode()).as(update.output()).isZero();
        assertThat(gitea.repository("fleet", "apps")).get().satisfies(repository ->
                assertThat(repository.isPrivate()).isFalse());
        assertThat(git().log("fleet/apps", "main")).hasSize(commits);
        assertThat(terraform.run("plan", "-detailed-exitcode").exitCode()).isZero();

        // When destroyed
        TerraformCli.Result destroy = terraform.run("destroy", "-auto-approve");

        // Then the folder stays (delete_git_manifests = false), the deploy key and Flux are gone
        assertThat(destroy.exitCode()).as(destroy.output()).isZero();
        assertThat(git().files("fleet/apps", "main")).contains("clusters/dev/flux-system/gotk-sync.yaml");
        assertThat(git().log("fleet/apps", "main")).hasSize(commits);
        assertThat(gitea.deployKeys("fleet", "apps")).isEmpty();
        assertThat(gitea.repository("fleet", "apps")).isPresent();
        assertThat(terraform.stateFiles() + apply.output() + plan.output() + update.output() + destroy.output())
                .doesNotContain(TOKEN);
    }

    private String secretData(String key) {
        var secret = kube.client().secrets().inNamespace("flux-system").withName("flux-system").get();
        assertThat(secret).as("the flux-system Secret").isNotNull();
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
