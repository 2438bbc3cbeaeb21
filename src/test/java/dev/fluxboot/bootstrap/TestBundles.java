package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.GoYaml;
import dev.fluxboot.testing.KubeApiServerSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Release bundles of {@code ../shared/flux-manifests} for tests against the v1.20 test API server. */
public final class TestBundles {

    private TestBundles() {
    }

    /** {@code ../shared/flux-manifests/<version>}; skips the test when absent. */
    public static Path shared(String version) {
        Path release = Path.of(System.getProperty("fluxboot.shared", "../shared"), "flux-manifests", version);
        assumeTrue(Files.isDirectory(release), "no shared Flux manifests at " + release.toAbsolutePath());
        return release;
    }

    /** {@code ../shared/flux-manifests/v2.8.0-expected/<file>}. */
    static String expected(String file) {
        Path path = shared("v2.8.0-expected").resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
