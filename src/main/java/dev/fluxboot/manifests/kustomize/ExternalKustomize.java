package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real kustomize, run as a program: {@code kustomize build DIR}, or {@code kubectl kustomize DIR}
 * when the program is kubectl. Input: a folder with a kustomization; output: the objects it prints.
 */
public final class ExternalKustomize {

    private static final int MAX_DETAIL = 400;

    private final Path program;
    private final boolean kubectl;

    private ExternalKustomize(Path program, boolean kubectl) {
        this.program = program;
        this.kubectl = kubectl;
    }

    /** The program at {@code program}: kubectl when its file name starts with "kubectl", kustomize otherwise. */
    public static ExternalKustomize at(Path program) {
        Path name = program.getFileName();
        return new ExternalKustomize(program, name != null && name.toString().startsWith("kubectl"));
    }

    /**
     * The first {@code kustomize} in the directories of {@code searchPath} (a PATH value), else the
     * first {@code kubectl}; empty when there is neither.
     */
    public static Optional<ExternalKustomize> onPath(String searchPath) {
        if (searchPath == null || searchPath.isEmpty()) {
            return Optional.empty();
        }
        for (String program : List.of("kustomize", "kubectl")) {
            for (String directory : searchPath.split(java.io.File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(at(candidate));
                }
            }
        }
        return Optional.empty();
    }

    public Path program() {
        return program;
    }

    /** {@code kustomize build} or {@code kubectl kustomize}, with the program's path. */
    public String describe() {
        return program + (kubectl ? " kustomize" : " build");
    }

    /** The objects {@code folder}'s kustomization builds to. */
    public List<Map<String, Object>> build(Path folder) {
        return build(folder, UnaryOperator.identity());
    }

    /**
     * The objects {@code folder}'s kustomization builds to.
     *
     * @param scrub applied to the program's error output before it goes into a message (to take
     *              out secret values); its standard output never does
     * @throws FluxbootException when the program cannot run, fails, or prints something that is not YAML
     */
    public List<Map<String, Object>> build(Path folder, UnaryOperator<String> scrub) {
        List<String> command = List.of(program.toString(), kubectl ? "kustomize" : "build", folder.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new FluxbootException("cannot run " + program + " (" + e.getMessage()
                    + "); check --kustomize-bin or PATH");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread errorReader = new Thread(() -> copy(process.getErrorStream(), errors), "kustomize-stderr");
        errorReader.setDaemon(true);
        errorReader.start();
        byte[] output;
        int exit;
        try {
            output = process.getInputStream().readAllBytes();
            exit = process.waitFor();
            errorReader.join();
        } catch (IOException e) {
            process.destroyForcibly();
            throw new FluxbootException("cannot read the output of " + describe() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FluxbootException(describe() + " was interrupted");
        }
        if (exit != 0) {
            String detail = scrub.apply(oneLine(errors.toString(StandardCharsets.UTF_8)));
            throw new FluxbootException(describe() + " failed (exit " + exit + ")"
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        return objects(output);
    }

    private List<Map<String, Object>> objects(byte[] output) {
        List<Object> documents;
        try {
            documents = GoYaml.loadAll(new String(output, StandardCharsets.UTF_8));
        } catch (FluxbootException e) {
            throw new FluxbootException("the output of " + describe() + " is not YAML; check that the program is"
                    + " kustomize or kubectl");
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : documents) {
            Map<String, Object> object = Nodes.asMap(document);
            if (object != null && !object.isEmpty()) {
                objects.add(object);
            } else if (document != null && object == null) {
                throw new FluxbootException("the output of " + describe() + " is not a list of Kubernetes objects");
            }
        }
        return objects;
    }

    /** The error output on one line, shortened: kustomize's "Error: ..." with its context. */
    private static String oneLine(String text) {
        String line = String.join(" ", text.strip().split("\\s*\\R\\s*"));
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the error output is only for the message; what was read so far is enough
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
