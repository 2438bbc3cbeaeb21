package dev.fluxboot.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
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

    /**
     * Standard input as a pipe: {@code text} written to it, then closed unless {@code keepOpen} (a pipe
     * nobody writes to nor closes, as a CI step's may be).
     */
    record Pipe(String text, boolean keepOpen) {
    }

    static Result exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return exec(command, env, null);
    }

    /** With {@code stdin} piped in; {@code null}: stdin is /dev/null. */
    static Result exec(List<String> command, Map<String, String> env, Pipe stdin)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("FLUXBOOT_JAVA_OPTS");
        builder.environment().remove("XDG_CACHE_HOME");
        // secrets this shell may hold would stand in for those the tests pipe in
        builder.environment().remove("GITHUB_TOKEN");
        builder.environment().remove("GIT_PASSWORD");
        builder.environment().putAll(env);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Path out = Files.createTempFile("fluxboot-out", ".txt");
        Path err = Files.createTempFile("fluxboot-err", ".txt");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.text().getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
                if (!stdin.keepOpen()) {
                    process.getOutputStream().close();
                }
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("fluxboot finished").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result java(String... args) throws IOException, InterruptedException {
        return java(null, args);
    }

    static Result java(Pipe stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return exec(command, Map.of(), stdin);
    }

    static Result launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launcher(jar, env, args);
    }

    static Result launcher(Path jar, Map<String, String> env, String... args) throws IOException, InterruptedException {
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
    void aPipeLeftOpenAndNeverWrittenDoesNotHoldUpARunThatNeedsNoSecret(@TempDir Path dir) throws Exception {
        // Given stdin a pipe nobody writes to nor closes, and bootstrap runs whose secrets are all given
        String none = dir.resolve("none").toString();
        Pipe open = new Pipe("", true);

        // When
        Result overSsh = java(open, "bootstrap", "git", "--url", "ssh://git@127.0.0.1:1/fleet.git", "--silent",
                "--kubeconfig", none);
        Result withPassword = java(open, "bootstrap", "git", "--url", "https://127.0.0.1:1/fleet.git", "--token-auth",
                "--password", "given-password-0815", "--kubeconfig", none);

        // Then both got as far as the cluster, without reading stdin
        for (Result result : List.of(overSsh, withPassword)) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
            assertThat(result.err().lines()).singleElement().asString().contains("kubeconfig file " + none + " not found");
        }
    }

    @Test
    void aForgeTokenIsReadFromPipedStdinAndNeverShown(@TempDir Path dir) throws Exception {
        String token = "ghp_pipedIntoTheJarNeverShown31337";
        String[] args = {"bootstrap", "github", "--owner", "fleet", "--repository", "infra",
                "--kubeconfig", dir.resolve("none").toString()};

        // When the token is piped in, and when stdin is /dev/null or an empty pipe
        Result piped = java(new Pipe(token + "\n", false), args);
        Result devNull = java(args);
        Result emptyPipe = java(new Pipe("", false), args);

        // Then the piped token gets the run past the token, to the cluster, and is never shown
        assertThat(piped.exitCode()).as(piped.err()).isEqualTo(1);
        assertThat(piped.err()).contains("kubeconfig").doesNotContain("GITHUB_TOKEN");
        assertThat(piped.out() + piped.err()).doesNotContain(token);
        // and stdin that is not a terminal and gives nothing is one line naming the variable, exit 2
        for (Result result : List.of(devNull, emptyPipe)) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().lines()).singleElement().asString()
                    .startsWith("✗ GITHUB_TOKEN is not set and standard input (not a terminal) gave no token");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void inAFreshHomeTheFirstRunMapsTheArchiveBuiltWithTheJar(@TempDir Path home) throws Exception {
        assumeTrue(Files.isRegularFile(sibling(jar, ".jsa")), "no class-data archive beside " + jar + " (built without it)");
        // Given a home that has never run fluxboot
        Path log = home.resolve("class-load.log");

        // When the launcher runs a command the build recorded
        Result result = launcher(freshHome(home, log), "--version");

        // Then it answers, quietly, with its classes mapped from the archive beside the jar
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("fluxboot version ");
        assertThat(result.err()).isEmpty();
        assertThat(Files.readString(log)).contains("dev.fluxboot.Main source: shared objects file");
    }

    @Test
    void aCommandTheBuildDidNotRecordIsLearnedAfterItsFirstRunAndOnlyOnce(@TempDir Path home) throws Exception {
        // Given a fresh home, and a command whose classes the build did not all record
        String[] command = {"completion", "zsh"};
        Path classLists = home.resolve(".cache/fluxboot/cds-classlists");
        Path archives = home.resolve(".cache/fluxboot/cds");

        // When it runs three times, each after the background job of the one before has ended
        Result first = launcher(freshHome(home, home.resolve("first.log")), command);
        awaitBackgroundJobs(classLists);
        Path archive = onlyFile(archives, ".jsa");
        FileTime learned = Files.getLastModifiedTime(archive);
        Result second = launcher(freshHome(home, home.resolve("second.log")), command);
        awaitBackgroundJobs(classLists);
        Result third = launcher(freshHome(home, home.resolve("third.log")), command);
        awaitBackgroundJobs(classLists);

        // Then every run answered the same, quietly
        for (Result result : List.of(first, second, third)) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).isEqualTo(first.out()).contains("compdef");
        }
        // and the first run's classes were learned in the background into the cache's archive,
        // from which the later runs map every class of fluxboot's they load
        assertThat(Files.readString(home.resolve("first.log"))).contains("source: file:");
        for (String run : List.of("second.log", "third.log")) {
            assertThat(Files.readString(home.resolve(run)).lines()
                    .filter(line -> line.contains(" dev.fluxboot."))
                    .filter(line -> !line.contains("source: shared objects file")))
                    .as("classes of fluxboot the %s run loaded from the jar", run).isEmpty();
        }
        // and, nothing new after that, the archive was not made again
        assertThat(Files.getLastModifiedTime(onlyFile(archives, ".jsa"))).isEqualTo(learned);
        try (var left = Files.list(classLists)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("nothing but the class list is left in " + classLists)
                    .singleElement().asString().endsWith(".classlist");
        }
    }

    /** The launcher's check of the archive beside the jar: which Java made it, and whether it is one. */
    @Test
    void theArchiveBesideTheJarIsUsedOnlyByTheJavaThatMadeIt(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(sibling(jar, ".classlist")), "no class list beside " + jar + " (built without it)");
        // Given a copy of the jar with an archive of its own, dumped by this test's Java
        Path copy = Files.copy(jar, dir.resolve("fluxboot.jar"));
        Files.copy(sibling(jar, ".classlist"), sibling(copy, ".classlist"));
        Path archive = sibling(copy, ".jsa");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result dump = exec(List.of(javaBin, "-Xshare:dump", "-XX:SharedClassListFile=" + sibling(jar, ".classlist"),
                "-XX:SharedArchiveFile=" + archive, "-cp", copy.toString()), Map.of());
        assertThat(dump.exitCode()).as(dump.err()).isZero();
        String thisJava = Path.of(System.getProperty("java.home")).toRealPath().toString();
        byte[] goodArchive = Files.readAllBytes(archive);
        record Case(String stamp, byte[] archive, boolean mapped) {
        }
        List<Case> cases = List.of(
                new Case(thisJava, goodArchive, true),
                new Case("/opt/another-jdk", goodArchive, false),
                new Case(thisJava, "not an archive".getBytes(StandardCharsets.UTF_8), false));

        for (Case c : cases) {
            Files.writeString(sibling(copy, ".jsa.jvm"), c.stamp() + "\n");
            Files.deleteIfExists(archive);
            Files.write(archive, c.archive());
            Path home = Files.createTempDirectory(dir, "home");
            Path log = home.resolve("class-load.log");

            // When the launcher runs it with this Java
            Result result = launcher(copy, freshHome(home, log), "--version");

            // Then it answers, without a word about the archive, which it maps only when it is
            // a real one made by this Java
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("fluxboot version ");
            assertThat(result.err()).as("stderr with stamp %s", c.stamp()).isEmpty();
            assertThat(Files.readString(log).contains("dev.fluxboot.Main source: shared objects file"))
                    .as("archive mapped with stamp %s", c.stamp()).isEqualTo(c.mapped());
            awaitBackgroundJobs(home.resolve(".cache/fluxboot/cds-classlists"));
        }
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
        launcher(env, "completion", "zsh");
        awaitBackgroundJobs(cache.resolve("fluxboot/cds-classlists"));
        Path archive = onlyFile(cache.resolve("fluxboot/cds"), ".jsa");
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        Result result = launcher(env, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("fluxboot version ");
        assertThat(result.err()).isEmpty();
    }

    /** The environment of a home that has never run fluxboot, with the JVM's class loading logged to {@code log}. */
    private static Map<String, String> freshHome(Path home, Path log) {
        return Map.of("HOME", home.toString(),
                "FLUXBOOT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    }

    private static Path sibling(Path jar, String suffix) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + suffix);
    }

    private static Path onlyFile(Path dir, String suffix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(suffix)).collect(
                    java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                        assertThat(list).as("files *%s in %s", suffix, dir).hasSize(1);
                        return list.get(0);
                    }));
        }
    }

    /**
     * Waits until the launcher's background jobs in {@code classLists} have ended: each run's
     * recorded class list ({@code .PID.recorded}) is removed last by its job.
     */
    private static void awaitBackgroundJobs(Path classLists) throws IOException, InterruptedException {
        if (!Files.isDirectory(classLists)) {
            return;
        }
        try (WatchService watcher = classLists.getFileSystem().newWatchService()) {
            classLists.register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
            while (anyRecorded(classLists)) {
                WatchKey key = watcher.poll(120, TimeUnit.SECONDS);
                assertThat(key).as("a background job of the launcher ended in " + classLists).isNotNull();
                key.pollEvents();
                key.reset();
            }
        }
    }

    private static boolean anyRecorded(Path classLists) throws IOException {
        try (var files = Files.list(classLists)) {
            return files.anyMatch(path -> path.getFileName().toString().endsWith(".recorded"));
        }
    }
}
