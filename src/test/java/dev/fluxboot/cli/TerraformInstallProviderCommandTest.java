package dev.fluxboot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fluxboot terraform install-provider}, in-process. */
class TerraformInstallProviderCommandTest {

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        return Files.writeString(dir.resolve("fluxboot.jar"), "a jar");
    }

    @Test
    void installsIntoTheUsersImpliedMirrorByDefault() throws Exception {
        // Given
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString(), "FLUXBOOT_JAR", jar().toString());

        // When
        CliRun run = CliRun.run(env, "terraform", "install-provider");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path launcher = Path.of(run.out().strip());
        assertThat(launcher.toString()).matches(dir.resolve("home").toString().replace(".", "\\.")
                + "/\\.terraform\\.d/plugins/registry\\.terraform\\.io/fluxboot/fluxboot/\\d+\\.\\d+\\.\\d+/[a-z]+_[a-z0-9]+"
                + "/terraform-provider-fluxboot_v\\d+\\.\\d+\\.\\d+");
        assertThat(launcher).isExecutable();
        assertThat(Files.readString(launcher)).contains(dir.resolve("fluxboot.jar").toString());
        // The fake jar cannot train a class-data archive: a warning, and the launcher works without one
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).contains("no class-data archive");
        assertThat(run.errLines().get(1)).startsWith("✔ installed the fluxboot Terraform provider ");
    }

    @Test
    void dirNamesThePluginFolder() throws Exception {
        // When
        CliRun run = CliRun.run(Map.of("FLUXBOOT_JAR", jar().toString()), "terraform", "install-provider",
                "--dir", dir.resolve("terraform.d/plugins").toString());

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Path.of(run.out().strip())).startsWith(dir.resolve("terraform.d/plugins/registry.terraform.io/fluxboot"));
    }

    @Test
    void aMissingJarIsOneLineAndNothingWritten() {
        // When
        CliRun run = CliRun.run(Map.of("HOME", dir.toString(), "FLUXBOOT_JAR", dir.resolve("gone.jar").toString()),
                "terraform", "install-provider");

        // Then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("gone.jar").contains("FLUXBOOT_JAR");
        assertThat(dir.resolve(".terraform.d")).doesNotExist();
    }
}
