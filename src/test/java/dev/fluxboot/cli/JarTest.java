package dev.fluxboot.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built jar and the launcher, as users run them. Skips when the jar has not been built
 * yet ({@code mvn test} before {@code package}); the README's test command packages first.
 */
class JarTest {

    private static Path jar;

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("fluxboot.jar", "");
        jar = property.isEmpty() ? null : Path.of(property);
        assumeTrue(jar != null && Files.isRegularFile(jar),
                "target/fluxboot.jar is not built: run 'mvn -DskipTests package' first to include these tests");
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().remove("FLUXBOOT_JAVA_OPTS");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("fluxboot-out", ".txt");
        Path err = Files.createTempFile("fluxboot-err", ".txt");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("fluxboot finished").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return exec(command, Map.of());
    }

    static Result launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path script = Path.of("scripts", "fluxboot").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Map<String, String> withJar = new java.util.HashMap<>(env);
        withJar.put("FLUXBOOT_JAR", jar.toString());
        withJar.put("JAVA_HOME", System.getProperty("java.home"));
        return exec(command, withJar);
    }

    @Test
    void versionFromTheJar() throws Exception {
        Result result = java("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("fluxboot version \\d+\\.\\d+\\.\\d+\\S*\\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void exportFromTheJarAndTheLauncherIsWhatFluxWrote(@TempDir Path cache) throws Exception {
        Path shared = Path.of(System.getProperty("fluxboot.shared", "../shared"), "flux-manifests");
        assumeTrue(Files.isDirectory(shared.resolve("v2.8.0")), "no shared Flux manifests at " + shared.toAbsolutePath());
        String expected = Files.readString(shared.resolve("v2.8.0-expected/gotk-components.yaml"), StandardCharsets.UTF_8);
        String[] args = {"install", "--export", "--version", "v2.8.0", "--manifests", shared.resolve("v2.8.0").toString()};
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());

        Result fromJar = java(args);
        Result firstLaunch = launcher(env, args);
        Result secondLaunch = launcher(env, args);

        for (Result result : List.of(fromJar, firstLaunch, secondLaunch)) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo(expected);
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void usageErrorFromTheJarExitsTwo() throws Exception {
        Result result = java("install", "--timeout", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("--timeout");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void launcherWritesTheClassArchiveOnceAndThenUsesIt(@TempDir Path cache) throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());

        Result first = launcher(env, "version", "--client");
        List<Path> archives;
        try (var files = Files.list(cache.resolve("fluxboot/cds"))) {
            archives = files.toList();
        }
        Result second = launcher(env, "version", "--client");

        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(archives).singleElement().asString().endsWith(".jsa");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(first.out()).startsWith("fluxboot ");
        assertThat(second.err()).isEmpty();
    }

    @Test
    void launcherRunsWhenTheArchiveCannotBeWritten(@TempDir Path cache) throws Exception {
        Path notAFolder = cache.resolve("file");
        Files.writeString(notAFolder, "in the way");

        Result result = launcher(Map.of("XDG_CACHE_HOME", notAFolder.toString()), "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("fluxboot version ");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void launcherIgnoresABrokenArchive(@TempDir Path cache) throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        launcher(env, "--version");
        Path archive;
        try (var files = Files.list(cache.resolve("fluxboot/cds"))) {
            archive = files.findFirst().orElseThrow();
        }
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        Result result = launcher(env, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("fluxboot version ");
        assertThat(result.err()).isEmpty();
    }
}
