package dev.fluxboot.terraform;

import dev.fluxboot.Main;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real terraform in a folder of its own, with fluxboot's provider installed by
 * {@code fluxboot terraform install-provider} into a temporary HOME and no network: what a user's
 * machine does, for tests. {@link #find()} is empty without terraform on PATH or the built jar.
 */
final class TerraformCli {

    private final Path terraform;
    private final Path work;
    private final Map<String, String> env;

    private TerraformCli(Path terraform, Path work, Map<String, String> env) {
        this.terraform = terraform;
        this.work = work;
        this.env = env;
    }

    /** The terraform on PATH and the jar of {@code -Dfluxboot.jar}, when both are there. */
    static Optional<Path[]> find() {
        String property = System.getProperty("fluxboot.jar", "");
        if (property.isEmpty() || !Files.isRegularFile(Path.of(property))) {
            return Optional.empty();
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(entry -> Path.of(entry, "terraform")).filter(Files::isExecutable).findFirst()
                .map(terraform -> new Path[] {terraform, Path.of(property)});
    }

    /**
     * Installs the provider under {@code dir/home} and prepares {@code dir/work}; {@code extraEnv} goes to
     * terraform and so to the provider process.
     */
    static TerraformCli install(Path terraform, Path jar, Path dir, Map<String, String> extraEnv) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path cliConfig = Files.writeString(dir.resolve("terraformrc"), "");
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH", System.getenv("PATH"),
                "HOME", home.toString(),
                "TF_CLI_CONFIG_FILE", cliConfig.toString(),
                "CHECKPOINT_DISABLE", "1",
                "TF_IN_AUTOMATION", "1",
                // Any attempt to reach a registry fails: init must find the provider locally.
                "HTTPS_PROXY", "http://127.0.0.1:9",
                "HTTP_PROXY", "http://127.0.0.1:9",
                "NO_PROXY", "127.0.0.1,localhost"));
        env.putAll(extraEnv);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int installed = Main.run(new String[] {"terraform", "install-provider"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("HOME", home.toString(), "FLUXBOOT_JAR", jar.toString()));
        if (installed != 0) {
            throw new IllegalStateException("install-provider failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return new TerraformCli(terraform, work, Map.copyOf(env));
    }

    Path work() {
        return work;
    }

    void writeConfiguration(String mainTf) throws IOException {
        Files.writeString(work.resolve("main.tf"), mainTf);
    }

    record Result(int exitCode, String output) {
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process process = start(List.of(), args);
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("terraform did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts terraform; {@code prefix} runs it through another program (e.g. setsid). */
    Process start(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(terraform.toString());
        command.addAll(List.of(args));
        command.add("-no-color");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Every state file's text (terraform.tfstate and its backup). */
    String stateFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(path -> path.getFileName().toString().contains("tfstate")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
