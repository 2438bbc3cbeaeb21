package dev.fluxboot.manifests.overlay;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.manifests.bundle.Bundle;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsCacheTest {

    private static final String BUILD = "/opt/fluxboot.jar|123|2026-01-01T00:00:00Z";

    @TempDir
    Path folder;

    private ComponentsGenerator cachedGenerator(String build) {
        return new ComponentsGenerator(Optional.of(new ComponentsCache(folder, build)));
    }

    private static InstallOptions defaults() {
        return InstallOptions.defaults("v9.9.9");
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void aSecondRenderingOfTheSameInputsComesFromTheCacheIdenticalToARealOne() throws IOException {
        // Given an empty cache and what the overlay renders without one
        GeneratedComponents uncached = new ComponentsGenerator().generate(TestBundles.mini(), defaults());

        // When the same inputs are rendered twice with the cache
        GeneratedComponents first = cachedGenerator(BUILD).generate(TestBundles.mini(), defaults());
        List<Path> afterFirst = entries();
        GeneratedComponents second = cachedGenerator(BUILD).generate(TestBundles.mini(), defaults());

        // Then the first run stored one entry, and both runs give the real text and objects
        assertThat(afterFirst).hasSize(1);
        assertThat(entries()).isEqualTo(afterFirst);
        assertThat(first.yaml()).isEqualTo(uncached.yaml());
        assertThat(second.yaml()).isEqualTo(uncached.yaml());
        assertThat(second.objects()).isEqualTo(uncached.objects());
    }

    @Test
    void anyChangedInputIsANewEntryWithItsOwnRendering() throws IOException {
        // Given the defaults were rendered and cached
        cachedGenerator(BUILD).generate(TestBundles.mini(), defaults());

        // When an option, a file the overlay reads, and the build change, one at a time
        InstallOptions otherNamespace = new InstallOptions("v9.9.9", "other", InstallOptions.DEFAULT_COMPONENTS,
                List.of(), "ghcr.io/fluxcd", "", true, true, "info", "cluster.local", List.of());
        GeneratedComponents namespaced = cachedGenerator(BUILD).generate(TestBundles.mini(), otherNamespace);
        Bundle mini = TestBundles.mini();
        Map<String, String> files = new LinkedHashMap<>(mini.files());
        files.put("rbac.yaml", files.get("rbac.yaml").replace("name: crd-controller", "name: crd-controller-edited"));
        Bundle edited = new Bundle(mini.version(), files, mini.origin());
        GeneratedComponents fromEdited = cachedGenerator(BUILD).generate(edited, defaults());
        GeneratedComponents otherBuild = cachedGenerator(BUILD + "-rebuilt").generate(TestBundles.mini(), defaults());

        // Then each is rendered for its own inputs, never taken from another entry
        assertThat(namespaced.yaml()).isEqualTo(new ComponentsGenerator().generate(TestBundles.mini(), otherNamespace).yaml())
                .contains("namespace: other");
        assertThat(fromEdited.yaml()).isEqualTo(new ComponentsGenerator().generate(edited, defaults()).yaml())
                .contains("crd-controller-edited");
        assertThat(otherBuild.yaml()).isEqualTo(new ComponentsGenerator().generate(TestBundles.mini(), defaults()).yaml());
        assertThat(entries()).hasSize(4);
    }

    @Test
    void aFileTheOverlayDoesNotReadIsNotPartOfTheKey() throws IOException {
        // Given the defaults were rendered and cached
        cachedGenerator(BUILD).generate(TestBundles.mini(), defaults());
        List<Path> before = entries();

        // When the bundle gains a file that no chosen component uses
        Bundle mini = TestBundles.mini();
        Map<String, String> files = new LinkedHashMap<>(mini.files());
        files.put("unrelated-controller.yaml", "kind: ConfigMap\n");
        GeneratedComponents generated = cachedGenerator(BUILD).generate(new Bundle(mini.version(), files, mini.origin()),
                defaults());

        // Then the same entry serves it
        assertThat(entries()).isEqualTo(before);
        assertThat(generated.yaml()).isEqualTo(new ComponentsGenerator().generate(TestBundles.mini(), defaults()).yaml());
    }

    @Test
    void aDamagedEntryIsNotUsedAndIsReplacedByARealRendering() throws IOException {
        // Given a cached rendering whose text was then damaged on disk (one byte of the text changed)
        cachedGenerator(BUILD).generate(TestBundles.mini(), defaults());
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("kind: ");
        bytes[at] = 'K';
        Files.write(entry, bytes);

        // When
        GeneratedComponents generated = cachedGenerator(BUILD).generate(TestBundles.mini(), defaults());

        // Then the damaged text is not served, and the entry holds a good rendering again
        String real = new ComponentsGenerator().generate(TestBundles.mini(), defaults()).yaml();
        assertThat(generated.yaml()).isEqualTo(real);
        assertThat(cachedGenerator(BUILD).generate(TestBundles.mini(), defaults()).yaml()).isEqualTo(real);
        assertThat(new String(Files.readAllBytes(entry), StandardCharsets.UTF_8)).endsWith(real);
    }

    @Test
    void keepsAtMostTheNewestEntries() throws IOException {
        // Given more distinct renderings than the cache keeps
        for (int i = 0; i < ComponentsCache.MAX_ENTRIES + 3; i++) {
            InstallOptions options = new InstallOptions("v9.9.9", "ns-" + i, InstallOptions.DEFAULT_COMPONENTS, List.of(),
                    "ghcr.io/fluxcd", "", true, true, "info", "cluster.local", List.of());
            // When
            cachedGenerator(BUILD).generate(TestBundles.mini(), options);
        }

        // Then
        assertThat(entries()).hasSize(ComponentsCache.MAX_ENTRIES);
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyMeansRenderingEachTime() throws IOException {
        // Given a cache folder that is a file
        Path notAFolder = folder.resolve("file");
        Files.writeString(notAFolder, "in the way");
        ComponentsGenerator generator = new ComponentsGenerator(Optional.of(new ComponentsCache(notAFolder, BUILD)));

        // When
        GeneratedComponents generated = generator.generate(TestBundles.mini(), defaults());

        // Then
        assertThat(generated.yaml()).isEqualTo(new ComponentsGenerator().generate(TestBundles.mini(), defaults()).yaml());
    }

    @Test
    void isOffWhenAskedAndWhenTheClassesAreNotInAJar() {
        // Given / When / Then: tests load the classes from target/classes, not from a jar
        assertThat(ComponentsCache.fromEnvironment(Map.of("XDG_CACHE_HOME", folder.toString()))).isEmpty();
        assertThat(ComponentsCache.fromEnvironment(Map.of("XDG_CACHE_HOME", folder.toString(),
                ComponentsCache.SWITCH_VARIABLE, "off"))).isEmpty();
    }
}
