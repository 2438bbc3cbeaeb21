package dev.fluxboot.testing;

import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.yaml.GoYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * A copy of the release's folder in {@code target} whose last CRD in
     * notification-controller.yaml has the schema key {@code key} (one no API server knows):
     * a release "too new" for any cluster.
     */
    @SuppressWarnings("unchecked")
    public static Path withUnknownCrdKey(String version, Path target, String key) {
        Path stripped = shared(version);
        try {
            Path copy = Files.createDirectories(target.resolve(version + "-" + key));
            try (Stream<Path> files = Files.list(stripped)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (file.getFileName().toString().equals("notification-controller.yaml")) {
                        List<Object> documents = GoYaml.loadAll(text);
                        Map<String, Object> lastCrd = null;
                        for (Object document : documents) {
                            if ("CustomResourceDefinition".equals(((Map<String, Object>) document).get("kind"))) {
                                lastCrd = (Map<String, Object>) document;
                            }
                        }
                        Map<String, Object> spec = (Map<String, Object>) lastCrd.get("spec");
                        Map<String, Object> first = (Map<String, Object>) ((List<Object>) spec.get("versions")).get(0);
                        ((Map<String, Object>) ((Map<String, Object>) first.get("schema")).get("openAPIV3Schema"))
                                .put(key, true);
                        StringBuilder out = new StringBuilder();
                        documents.forEach(document -> out.append("---\n").append(GoYaml.dump(document)));
                        text = out.toString();
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
