package dev.fluxboot.manifests;

import dev.fluxboot.testing.TestBundles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KustomizationFileGeneratorTest {

    private static final String OBJECT = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n";
    private final KustomizationFileGenerator generator = new KustomizationFileGenerator();

    @Test
    void reproducesWhatTheFluxCliWroteByteForByte() throws IOException {
        // Given the directory as Flux scanned it: the components and the sync manifests
        Path expected = TestBundles.shared("v2.8.0-expected");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("gotk-sync.yaml", Files.readString(expected.resolve("gotk-sync.yaml")));
        files.put("gotk-components.yaml", Files.readString(expected.resolve("gotk-components.yaml")));

        // When
        Optional<ManifestFile> generated = generator.generate("clusters/my-cluster/flux-system", files);

        // Then
        assertThat(generated).isPresent();
        assertThat(generated.get().path()).isEqualTo("clusters/my-cluster/flux-system/kustomization.yaml");
        assertThat(generated.get().content()).isEqualTo(Files.readString(expected.resolve("kustomization.yaml")));
    }

    @Test
    void keepsAnExistingKustomizationFile() {
        // Given a user's kustomization.yaml beside the manifests
        Map<String, String> files = Map.of(
                "kustomization.yaml", "resources: [gotk-components.yaml]\n",
                "gotk-components.yaml", OBJECT.formatted("a"),
                "gotk-sync.yaml", OBJECT.formatted("b"));

        // When / Then
        assertThat(generator.generate("flux-system", files)).isEmpty();
    }

    @Test
    void listsTheFilesInTheOrderOfGosWalkAndDirectoriesWithAKustomization() {
        // Given files in sub-directories, names that sort differently as whole paths and as
        // names ("a b.yaml" < "a/..." as paths, but the directory "a" < "a b.yaml" as names),
        // a directory with a kustomization (listed, not descended), files that are not objects
        Map<String, String> files = new LinkedHashMap<>();
        files.put("gotk-sync.yaml", OBJECT.formatted("sync"));
        files.put("a b.yaml", OBJECT.formatted("ab"));
        files.put("a/x.yaml", OBJECT.formatted("ax"));
        files.put("Z.yaml", OBJECT.formatted("z"));
        files.put("base/kustomization.yaml", "resources: [deep.yaml]\n");
        files.put("base/deep.yaml", OBJECT.formatted("deep"));
        files.put("README.md", "Some words about the cluster.\n");
        files.put(".sops.yaml", "creation_rules:\n- path_regex: .*\n");
        files.put("noname.yaml", "apiVersion: v1\nkind: ConfigMap\n");
        files.put("list.yaml", "apiVersion: v1\nkind: List\nitems: []\n");
        files.put("empty.yaml", "# nothing yet\n");
        files.put("broken.yaml", "key: [unclosed\n");

        // When
        String content = generator.generate("flux-system", files).orElseThrow().content();

        // Then
        assertThat(content).isEqualTo("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - Z.yaml
                - a/x.yaml
                - a b.yaml
                - base
                - empty.yaml
                - gotk-sync.yaml
                - list.yaml
                """);
    }
}
