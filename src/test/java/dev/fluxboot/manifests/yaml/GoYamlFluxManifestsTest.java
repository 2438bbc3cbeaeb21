package dev.fluxboot.manifests.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real Flux manifests read and written again. The files the Flux CLI wrote
 * ({@code v2.8.0-expected/}) are go-yaml v2 output, so they must come back byte for byte.
 * The release assets ({@code v2.8.x/}) were written by {@code kustomize build} (kyaml, go-yaml
 * v3), which keeps the source's single quotes where v2 writes double quotes; everything else
 * (key order, indentation, folding, literal blocks) is the same, so they must come back line
 * for line with only that quote swap.
 */
class GoYamlFluxManifestsTest {

    @TestFactory
    Stream<DynamicTest> filesTheFluxCliWroteComeBackByteForByte() throws IOException {
        Path dir = manifests().resolve("v2.8.0-expected");
        return yamlFiles(dir).map(file -> dynamicTest(file.getFileName().toString(), () -> {
            // Given a file the Flux CLI wrote
            String expected = body(Files.readString(file));

            // When every document is read and written again
            String actual = rewrite(Files.readString(file));

            // Then the documents are the same bytes
            assertThat(actual).isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> releaseManifestsComeBackWithOnlyV2QuotesChanged() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String version : List.of("v2.8.0", "v2.8.1")) {
            yamlFiles(manifests().resolve(version)).forEach(files::add);
        }
        return files.stream().map(file -> dynamicTest(
                file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            // Given a release manifest written by kustomize build
            String[] expected = body(Files.readString(file)).split("\n", -1);

            // When every document is read and written again
            String[] actual = rewrite(Files.readString(file)).split("\n", -1);

            // Then each line is the same, or differs only by v2's double quotes
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                if (!actual[i].equals(expected[i])) {
                    assertThat(actual[i]).as("line %d", i + 1).contains("\"");
                    assertThat(actual[i].replace('"', '\'')).as("line %d", i + 1)
                            .isEqualTo(expected[i]);
                }
            }
        }));
    }

    @Test
    void dumpingTheWholeV281BundleIsFast() throws IOException {
        // Given every document of the v2.8.1 release
        List<Object> documents = new ArrayList<>();
        for (Path file : yamlFiles(manifests().resolve("v2.8.1")).toList()) {
            documents.addAll(GoYaml.loadAll(Files.readString(file)));
        }
        GoYaml.dump(documents.get(0)); // class loading out of the measurement

        // When they are all written
        long start = System.nanoTime();
        StringBuilder out = new StringBuilder();
        for (Object document : documents) {
            out.append("---\n").append(GoYaml.dump(document));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("GoYaml.dump: %d documents, %d KiB in %d ms%n",
                documents.size(), out.length() / 1024, millis);

        // Then the text reads back as the same documents
        assertThat(GoYaml.loadAll(out.toString())).isEqualTo(documents);
    }

    private static String rewrite(String text) {
        List<Object> documents = GoYaml.loadAll(text);
        StringBuilder out = new StringBuilder();
        for (Object document : documents) {
            if (!out.isEmpty()) {
                out.append("---\n");
            }
            out.append(GoYaml.dump(document));
        }
        return out.toString();
    }

    /** The documents of a file without its leading "---" and header comment lines. */
    private static String body(String text) {
        String body = text;
        while (body.startsWith("---\n") || body.startsWith("#")) {
            body = body.substring(body.indexOf('\n') + 1);
        }
        return body;
    }

    private static Path manifests() {
        String shared = System.getProperty("fluxboot.shared");
        Path dir = shared == null ? null : Path.of(shared, "flux-manifests");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "skipped: no shared Flux manifests (system property fluxboot.shared)");
        return dir;
    }

    private static Stream<Path> yamlFiles(Path dir) throws IOException {
        assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }
}
