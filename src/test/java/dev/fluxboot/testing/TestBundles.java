package dev.fluxboot.testing;

import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.yaml.GoYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Release bundles for tests: the fixture in src/test/resources and those of {@code ../shared/flux-manifests}. */
public final class TestBundles {

    private TestBundles() {
    }

    /** The fixture bundle in src/test/resources/bundles/mini. */
    public static Bundle mini() {
        return fromFolder("v9.9.9", Path.of("src/test/resources/bundles/mini"));
    }

    /** {@code ../shared/flux-manifests/<relative>}; skips the test when absent. */
    public static Path shared(String relative) {
        Path path = Path.of(System.getProperty("fluxboot.shared", "../shared"), "flux-manifests", relative);
        assumeTrue(Files.exists(path), "skipped: " + path.toAbsolutePath() + " is absent (the shared Flux manifests)");
        return path;
    }

    /** {@code ../shared/flux-manifests/v2.8.0-expected/<file>}. */
    public static String expected(String file) {
        try {
            return Files.readString(shared("v2.8.0-expected").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .yaml} files of a folder as a bundle of {@code version}. */
    public static Bundle fromFolder(String version, Path folder) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bundle(version, files, folder.toString());
    }

    /**
     * A copy of the release's folder in {@code target} in which the CRDs have lost the schema keys
     * the v1.20 test server rejects ({@link KubeApiServerSupport#KEYS_UNKNOWN_TO_TEST_SERVER}).
     */
    public static Path strippedCopy(String version, Path target) {
        Path release = shared(version);
        try {
            Path copy = Files.createDirectories(target.resolve(version + "-stripped"));
            try (Stream<Path> files = Files.list(release)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    List<Map<String, Object>> objects = new ArrayList<>();
                    for (Object document : GoYaml.loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> object = (Map<String, Object>) document;
                        objects.add(object);
                    }
                    StringBuilder text = new StringBuilder();
                    for (Map<String, Object> object : KubeApiServerSupport.stripUnsupportedCrdKeys(objects)) {
                        text.append("---\n").append(GoYaml.dump(object));
                    }
                    Files.writeString(copy.resolve(file.getFileName().toString()), text, StandardCharsets.UTF_8);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
