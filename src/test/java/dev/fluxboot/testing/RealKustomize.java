package dev.fluxboot.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxboot.manifests.yaml.GoYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The real kustomize v5.6 of {@code ../shared/kustomize}: {@code $KUSTOMIZE_BIN} when set, else
 * what its {@code setup.sh} unpacks. Tests that need it skip, with a message, where it is absent.
 */
public final class RealKustomize {

    private RealKustomize() {
    }

    /** The kustomize program; skips the test when there is none. */
    public static Path program() {
        String fromEnvironment = System.getenv("KUSTOMIZE_BIN");
        if (fromEnvironment != null && Files.isExecutable(Path.of(fromEnvironment))) {
            return Path.of(fromEnvironment);
        }
        Path setup = Path.of(System.getProperty("fluxboot.shared", "../shared"), "kustomize", "setup.sh");
        assumeTrue(Files.isRegularFile(setup), "skipped: " + setup.toAbsolutePath()
                + " is absent (the real kustomize); run eval \"$(../shared/kustomize/setup.sh)\"");
        String output = run(List.of("bash", setup.toString())).strip();
        String prefix = "export KUSTOMIZE_BIN=";
        assumeTrue(output.startsWith(prefix), "skipped: " + setup + " printed no KUSTOMIZE_BIN");
        return Path.of(output.substring(prefix.length()).strip());
    }

    /** {@code kustomize build folder}, parsed; fails the test with kustomize's error when it fails. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> build(Path folder) {
        String yaml = run(List.of(program().toString(), "build", folder.toString()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : GoYaml.loadAll(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    /** Objects sorted by apiVersion, kind, namespace and name: kustomize's output order is not meaningful here. */
    public static List<Map<String, Object>> sortedById(List<Map<String, Object>> objects) {
        List<Map<String, Object>> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing(RealKustomize::id));
        return sorted;
    }

    /** {@code apiVersion kind namespace/name}. */
    @SuppressWarnings("unchecked")
    public static String id(Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return object.get("apiVersion") + " " + object.get("kind") + " " + metadata.getOrDefault("namespace", "")
                + "/" + metadata.get("name");
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] errors;
            byte[] output;
            try (var err = process.getErrorStream(); var out = process.getInputStream()) {
                // kustomize writes little to stderr; reading stdout first cannot block on a full stderr pipe
                output = out.readAllBytes();
                errors = err.readAllBytes();
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + exit + "): "
                        + new String(errors, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
