package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where and how the provider's launcher is installed; the launcher itself runs in {@code TerraformProviderTest}. */
class ProviderInstallerTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0.1.0-SNAPSHOT, 0.1.0", "1.2.3, 1.2.3", "2.0.0-rc.1, 2.0.0-rc.1"})
    void theProviderVersionIsPlainSemver(String toolVersion, String providerVersion) {
        assertThat(ProviderInstaller.providerVersion(toolVersion)).isEqualTo(providerVersion);
    }

    @Test
    void aVersionTerraformCannotTakeIsAFailure() {
        assertThatThrownBy(() -> ProviderInstaller.providerVersion("dev")).isInstanceOf(FluxbootException.class)
                .hasMessageContaining("'dev' is not a semantic version");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"Linux, amd64, linux_amd64", "Linux, aarch64, linux_arm64", "Mac OS X, aarch64, darwin_arm64",
            "Mac OS X, x86_64, darwin_amd64", "FreeBSD, amd64, freebsd_amd64"})
    void thePlatformIsNamedAsTerraformNamesIt(String os, String arch, String platform) {
        assertThat(ProviderInstaller.platform(os, arch)).isEqualTo(platform);
    }

    @Test
    void windowsIsRefusedWithAReason() {
        assertThatThrownBy(() -> ProviderInstaller.platform("Windows 11", "amd64"))
                .hasMessageContaining("cannot be installed on Windows yet");
    }

    @Test
    void installsAnExecutableLauncherInTheUnpackedMirrorLayout() throws Exception {
        // Given a jar and a java whose paths need quoting
        Path jar = Files.writeString(dir.resolve("it's fluxboot.jar"), "jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProviderInstaller.Installation installation = new ProviderInstaller.Installation(dir.resolve("plugins"), "0.1.0",
                "linux_amd64", jar, java,
                Optional.of(dir.resolve("cache/provider.jsa")));

        // When
        Path launcher = ProviderInstaller.install(installation);

        // Then
        assertThat(launcher).isEqualTo(dir.resolve(
                "plugins/registry.terraform.io/fluxboot/fluxboot/0.1.0/linux_amd64/terraform-provider-fluxboot_v0.1.0"));
        assertThat(Files.isExecutable(launcher)).isTrue();
        String script = Files.readString(launcher);
        assertThat(script).startsWith("#!/bin/sh\n")
                .contains("jar='" + dir.toString().replace("'", "'\\''") + "/it'\\''s fluxboot.jar'\n")
                .contains("trap '' INT\n")
                .contains("[ -f \"$archive\" ] && cds=\"-XX:SharedArchiveFile=$archive\"\n")
                .contains("exec \"$java\" ")
                .contains(" -cp \"$jar\" dev.fluxboot.terraform.ProviderMain \"$@\"");
        try (var files = Files.list(launcher.getParent())) {
            assertThat(files).containsExactly(launcher);
        }
    }

    @Test
    void aTrainingRunThatFailsLeavesNoArchive() throws Exception {
        // Given a "jar" that is none: the training run cannot start the provider
        Path jar = Files.writeString(dir.resolve("fluxboot.jar"), "not a jar");
        ProviderInstaller.Installation installation = new ProviderInstaller.Installation(dir.resolve("plugins"), "0.1.0",
                "linux_amd64", jar, Path.of(System.getProperty("java.home"), "bin", "java"),
                Optional.of(dir.resolve("cache/provider.jsa")));

        // When
        boolean written = ProviderInstaller.writeClassArchive(installation, java.time.Duration.ofMinutes(5));

        // Then
        assertThat(written).isFalse();
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingJarFailsBeforeAnythingIsWritten() {
        ProviderInstaller.Installation installation = new ProviderInstaller.Installation(dir.resolve("plugins"), "0.1.0",
                "linux_amd64", dir.resolve("missing.jar"), Path.of(System.getProperty("java.home"), "bin", "java"),
                Optional.empty());

        assertThatThrownBy(() -> ProviderInstaller.install(installation)).isInstanceOf(UsageException.class)
                .hasMessageContaining("missing.jar");
        assertThat(dir.resolve("plugins")).doesNotExist();
    }
}
