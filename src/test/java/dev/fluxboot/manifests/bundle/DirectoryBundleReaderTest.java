package dev.fluxboot.manifests.bundle;

import dev.fluxboot.testing.SharedManifests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryBundleReaderTest {

    private final DirectoryBundleReader reader = new DirectoryBundleReader();

    @Test
    void readsTheRealReleaseFolder() throws Exception {
        Path folder = SharedManifests.folderV280();

        Map<String, String> files = reader.read(folder);

        assertThat(files).isEqualTo(SharedManifests.filesV280());
        assertThat(files.keySet()).containsExactly("helm-controller.yaml", "kustomize-controller.yaml",
                "notification-controller.yaml", "policies.yaml", "rbac.yaml", "source-controller.yaml");
    }

    @Test
    void takesOnlyTopLevelYamlFiles(@TempDir Path dir) throws Exception {
        // Given a bundle folder with a README, a .yml, a subfolder and a hidden file
        Files.writeString(dir.resolve("rbac.yaml"), "kind: ClusterRole\n");
        Files.writeString(dir.resolve("source-controller.yaml"), "kind: Deployment\n");
        Files.writeString(dir.resolve("README.md"), "# notes");
        Files.writeString(dir.resolve("other.yml"), "kind: X\n");
        Files.writeString(dir.resolve(".hidden.yaml"), "kind: X\n");
        Files.createDirectories(dir.resolve("nested.yaml"));
        Files.writeString(dir.resolve("nested.yaml").resolve("helm-controller.yaml"), "kind: X\n");

        // When
        Map<String, String> files = reader.read(dir);

        // Then
        assertThat(files).containsOnlyKeys("rbac.yaml", "source-controller.yaml");
    }

    @Test
    void rejectsAFolderThatIsNotABundle(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rbac.yaml"), "kind: ClusterRole\n");

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith(dir + " is not a Flux manifests bundle: it has no source-controller.yaml");
    }
}
