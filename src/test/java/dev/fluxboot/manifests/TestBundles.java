package dev.fluxboot.manifests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Bundles for tests, read from a folder (loading bundles for real is BundleLocator's job). */
final class TestBundles {

    private TestBundles() {
    }

    /** The fixture bundle in src/test/resources/bundles/mini. */
    static Bundle mini() {
        return fromFolder("v9.9.9", Path.of("src/test/resources/bundles/mini"));
    }

    /** A folder of ../shared/flux-manifests; the test is skipped when ../shared is absent. */
    static Path shared(String relative) {
        String shared = System.getProperty("fluxboot.shared", "../shared");
        Path path = Path.of(shared, "flux-manifests", relative);
        assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the shared Flux manifests)");
        return path;
    }

    static Bundle fromFolder(String version, Path folder) {
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
}
