package dev.fluxboot.terraform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The provider as the real terraform (v1.11 here) runs it: installed by {@code fluxboot terraform
 * install-provider} into a temporary HOME, found by {@code terraform init} with no network,
 * started through its launcher from the built jar, with the {@link FakeBootstrapBackend} selected
 * through {@code FLUXBOOT_JAVA_OPTS}. Skips without terraform on PATH or without the built jar.
 */
class TerraformProviderTest {

    private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAAc2VjcmV0a2V5\\n"
            + "-----END OPENSSH PRIVATE KEY-----\\n";
    private static final String PRIVATE_KEY_MATERIAL = "b3BlbnNzaC1rZXktdjEAAAAAc2VjcmV0a2V5";
    private static final String TOKEN = "kube-token-e3b0c44298fc1c149afbf4c8996fb924";

    private static Path terraformBinary;
    private static Path jar;

    @TempDir
    Path dir;

    private Path backendDir;
    private TerraformCli terraform;

    @BeforeAll
    static void findTerraformAndJar() {
        Path[] found = TerraformCli.find().orElse(null);
        assumeTrue(found != null, "no terraform on PATH or no target/fluxboot.jar (run 'mvn -DskipTests package'): "
                + "the provider's tests against Terraform are skipped");
        terraformBinary = found[0];
        jar = found[1];
    }

    @BeforeEach
    void installProviderAndWriteConfiguration() throws Exception {
        backendDir = Files.createDirectories(dir.resolve("backend"));
        Path testClasses = Path.of(FakeBootstrapBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        terraform = TerraformCli.install(terraformBinary, jar, dir, Map.of(
                "FLUXBOOT_JAVA_OPTS", "-D" + Backends.BACKEND_PROPERTY + "=" + FakeBootstrapBackend.class.getName()
                        + " -D" + Backends.CLASSPATH_PROPERTY + "=" + testClasses,
                FakeBootstrapBackend.DIR_ENV, backendDir.toString()));
        terraform.writeConfiguration("""
                terraform {
                  required_providers {
                    fluxboot = {
                      source = "fluxboot/fluxboot"
                    }
                  }
                }

                provider "fluxboot" {
                  kubernetes = {
                    host  = "https://127.0.0.1:6443"
                    token = "%s"
                  }
                  git = {
                    url = "ssh://git@example.com/org/fleet.git"
                    ssh = {
                      username    = "git"
                      private_key = "%s"
                    }
                  }
                }

                resource "fluxboot_bootstrap_git" "prod" {
                  path = "clusters/prod"
                }
                """.formatted(TOKEN, PRIVATE_KEY));
    }

    private TerraformCli.Result terraform(String... args) throws IOException, InterruptedException {
        return terraform.run(args);
    }

    private Process start(List<String> prefix, String... args) throws IOException {
        return terraform.start(prefix, args);
    }

    private String stateFiles() throws IOException {
        return terraform.stateFiles();
    }

    @Test
    void initValidateAndPlanOfferTheResourceWithItsComputedAttributesUnknown() throws Exception {
        // When
        TerraformCli.Result init = terraform("init");
        TerraformCli.Result validate = terraform("validate");
        TerraformCli.Result plan = terraform("plan");

        // Then
        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(init.output()).contains("Installing fluxboot/fluxboot v");
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.output()).contains(
                "# fluxboot_bootstrap_git.prod will be created",
                "+ id                   = (known after apply)",
                "+ repository_files     = (known after apply)",
                "+ path                 = \"clusters/prod\"",
                "+ namespace            = \"flux-system\"",
                "Plan: 1 to add, 0 to change, 0 to destroy.");
        assertThat(plan.output() + validate.output()).doesNotContain(PRIVATE_KEY_MATERIAL, TOKEN);
        assertThat(new FakeBootstrapBackend(backendDir).calls()).isEmpty();
        // install-provider trained the class-data archive the launcher maps
        try (Stream<Path> archives = Files.list(dir.resolve("home").resolve(".cache/fluxboot/terraform"))) {
            assertThat(archives).singleElement().asString().endsWith(".jsa");
        }
    }

    @Test
    void validateReportsAnInvalidAttributeAtItsLine() throws Exception {
        // Given
        Files.writeString(terraform.work().resolve("main.tf"), Files.readString(terraform.work().resolve("main.tf"))
                .replace("path = \"clusters/prod\"", "path = \"clusters/prod\"\n  log_level = \"trace\""));
        terraform("init");

        // When
        TerraformCli.Result validate = terraform("validate");

        // Then
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.output()).contains("Invalid Attribute Value", "log_level must be info, debug or error",
                "on main.tf line 25, in resource \"fluxboot_bootstrap_git\" \"prod\"");
    }

    @Test
    void applyThenNoChangesThenDriftRepairedThenDestroyAndNoSecretInStateOrOutput() throws Exception {
        // Given
        assertThat(terraform("init").exitCode()).isZero();
        FakeBootstrapBackend backend = new FakeBootstrapBackend(backendDir);

        // When the bootstrap is applied
        TerraformCli.Result apply = terraform("apply", "-auto-approve");

        // Then the backend got the provider's settings, and the state has the files but no secret
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(backend.calls()).contains("create flux-system git=ssh://git@example.com/org/fleet.git branch=main "
                + "author=Flux ssh-key=given kube-token=given timeout=PT15M");
        assertThat(stateFiles()).contains("clusters/prod/flux-system/gotk-sync.yaml").doesNotContain(PRIVATE_KEY_MATERIAL, TOKEN);

        // When planned again
        TerraformCli.Result unchanged = terraform("plan", "-detailed-exitcode");

        // Then nothing is to change
        assertThat(unchanged.exitCode()).as(unchanged.output()).isZero();
        assertThat(unchanged.output()).contains("No changes.");

        // When gotk-sync.yaml is edited by hand
        Path sync = backend.repository().resolve("clusters/prod/flux-system/gotk-sync.yaml");
        String generated = Files.readString(sync);
        Files.writeString(sync, "# edited by hand\n");
        TerraformCli.Result drift = terraform("plan", "-detailed-exitcode");

        // Then the plan shows that file's repair, and apply repairs it
        assertThat(drift.exitCode()).as(drift.output()).isEqualTo(2);
        assertThat(drift.output()).contains("# fluxboot_bootstrap_git.prod will be updated in-place",
                "\"clusters/prod/flux-system/gotk-sync.yaml\"", "- # edited by hand", "Plan: 0 to add, 1 to change, 0 to destroy.");
        assertThat(terraform("apply", "-auto-approve").exitCode()).isZero();
        assertThat(sync).hasContent(generated.strip());

        // When destroyed
        TerraformCli.Result destroy = terraform("destroy", "-auto-approve");

        // Then the backend uninstalled and removed the files
        assertThat(destroy.exitCode()).as(destroy.output()).isZero();
        assertThat(backend.calls()).last().isEqualTo("delete flux-system delete-git-manifests=true timeout=PT5M");
        assertThat(sync).doesNotExist();
        assertThat(stateFiles() + apply.output() + unchanged.output() + drift.output() + destroy.output())
                .doesNotContain(PRIVATE_KEY_MATERIAL, TOKEN);
    }

    @Test
    void ctrlCStopsTheProvidersWorkAndTheProviderSurvivesTheSignal() throws Exception {
        // Given a backend whose create says it started, then waits for StopProvider
        assertThat(terraform("init").exitCode()).isZero();
        Path started = backendDir.resolve("create-started");
        assertThat(new ProcessBuilder("mkfifo", started.toString()).start().waitFor()).isZero();
        // In a process group of its own, as a terminal's foreground job.
        Process apply = start(List.of("setsid"), "apply", "-auto-approve");
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return apply.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture<String> createStarted = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = Files.newBufferedReader(started)) {
                return reader.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture.anyOf(createStarted, apply.onExit()).get(10, TimeUnit.MINUTES);
        if (!createStarted.isDone()) {
            // Unblock the reader: terraform ended before the create began.
            try (OutputStream unblock = Files.newOutputStream(started, StandardOpenOption.WRITE)) {
                unblock.flush();
            }
        }
        assertThat(createStarted.get()).as("create started before terraform ended").isEqualTo("create started");

        // When Ctrl-C reaches terraform and its providers, as from a terminal (the whole process group)
        Process interrupted = new ProcessBuilder("kill", "-INT", "--", "-" + apply.pid()).inheritIO().start();
        assertThat(interrupted.waitFor()).isZero();

        // Then terraform stops the provider's work, which reports it, and fails
        assertThat(apply.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(output.get(), StandardCharsets.UTF_8);
        assertThat(apply.exitValue()).as(text).isEqualTo(1);
        assertThat(text).contains("Interrupt received", "Bootstrap failed",
                "stopped: Terraform asked the provider to stop");
        assertThat(stateFiles()).doesNotContain("fluxboot_bootstrap_git");
    }
}
