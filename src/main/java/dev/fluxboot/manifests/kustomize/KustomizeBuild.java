package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.KustomizationFileGenerator;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.ui.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Builds a folder's kustomization the way kustomize does: with fluxboot's own engine
 * ({@link UserKustomization}) when it supports every field the folder uses, else with a real
 * kustomize ({@link ExternalKustomize}: {@code --kustomize-bin}, or kustomize or kubectl on PATH)
 * run on a private copy of the folder, else not at all: one line naming the field and the fix.
 *
 * <p>A secretGenerator's values never reach a message: the external program's error output is
 * cleaned of them (and left out when a value is too short to be cleaned reliably).
 */
public final class KustomizeBuild {

    /** Shorter secret values are not masked by the redactor; their presence withholds the whole detail. */
    private static final int SHORTEST_MASKED = 4;

    private final Supplier<Optional<ExternalKustomize>> external;

    private KustomizeBuild(Supplier<Optional<ExternalKustomize>> external) {
        this.external = external;
    }

    /** Only fluxboot's engine: a folder that needs more fails with the fix in the message. */
    public static KustomizeBuild nativeOnly() {
        return new KustomizeBuild(Optional::empty);
    }

    /**
     * The engine, and for what it does not build, {@code kustomizeBin} if given, else the first
     * kustomize or kubectl in the environment's {@code PATH} (looked up only when needed).
     */
    public static KustomizeBuild forEnvironment(Optional<Path> kustomizeBin, Map<String, String> environment) {
        if (kustomizeBin.isPresent()) {
            ExternalKustomize program = ExternalKustomize.at(kustomizeBin.get());
            return new KustomizeBuild(() -> Optional.of(program));
        }
        String searchPath = environment.get("PATH");
        return new KustomizeBuild(() -> ExternalKustomize.onPath(searchPath));
    }

    /** The engine, and {@code program} for what it does not build. */
    public static KustomizeBuild with(ExternalKustomize program) {
        return new KustomizeBuild(() -> Optional.of(program));
    }

    /**
     * The objects {@code kustomize build} gives for the folder.
     *
     * @param location          the folder in the repository, for messages
     * @param files             every file under it, by path relative to it, to its bytes
     * @param optionalResources resources the kustomization may list that are not written yet: left out
     * @throws FluxbootException for a kustomization kustomize refuses, or that needs a real
     *                           kustomize when none is there
     */
    public List<Map<String, Object>> build(String location, Map<String, byte[]> files, Set<String> optionalResources) {
        try {
            return UserKustomization.buildFiles(location, files, optionalResources);
        } catch (UnsupportedKustomizeFieldException unsupported) {
            Optional<ExternalKustomize> program = external.get();
            if (program.isEmpty()) {
                throw new FluxbootException(unsupported.file() + ": field '" + unsupported.field()
                        + "' needs kustomize: put kustomize or kubectl on PATH, or give --kustomize-bin PATH");
            }
            return buildWith(program.get(), location, files, optionalResources);
        }
    }

    private static List<Map<String, Object>> buildWith(ExternalKustomize program, String location,
                                                       Map<String, byte[]> files, Set<String> optionalResources) {
        UnaryOperator<String> scrub = scrubber(secretValues(files));
        Path copy = null;
        try {
            copy = privateDirectory();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                write(copy, file.getKey(), file.getValue());
            }
            for (String optional : optionalResources) {
                if (!files.containsKey(optional)) {
                    write(copy, optional, new byte[0]);
                }
            }
            try {
                return program.build(copy, scrub);
            } catch (FluxbootException e) {
                throw new FluxbootException(location + ": " + e.getMessage().replace(copy.toString(), location));
            }
        } catch (IOException e) {
            throw new FluxbootException("cannot copy " + location + " for " + program.describe() + ": " + e.getMessage());
        } finally {
            if (copy != null) {
                deleteRecursively(copy);
            }
        }
    }

    private static Path privateDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory("fluxboot-kustomize-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("fluxboot-kustomize-");
    }

    private static void write(Path root, String relative, byte[] content) throws IOException {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("'" + relative + "' is outside the folder");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the private copy " + root, e);
        }
    }

    /** The masking of secret values; the detail is dropped when a value too short to mask is in it. */
    private static UnaryOperator<String> scrubber(Set<String> secrets) {
        Redactor redactor = new Redactor(secrets);
        return text -> {
            String redacted = redactor.redact(text);
            for (String secret : secrets) {
                if (!secret.isEmpty() && secret.strip().length() < SHORTEST_MASKED && redacted.contains(secret.strip())) {
                    return "(its output is withheld: it may show a secretGenerator value)";
                }
            }
            return redacted;
        };
    }

    /** Every value the folder's secretGenerators could put in a message: literals, env file values, file contents. */
    static Set<String> secretValues(Map<String, byte[]> files) {
        Set<String> values = new LinkedHashSet<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
            if (!KustomizationFileGenerator.RECOGNIZED_FILE_NAMES.contains(name)) {
                continue;
            }
            String directory = file.getKey().contains("/") ? file.getKey().substring(0, file.getKey().lastIndexOf('/')) : "";
            for (Map<String, Object> generator : secretGenerators(file.getValue())) {
                for (String literal : strings(generator.get("literals"))) {
                    int equals = literal.indexOf('=');
                    addValue(values, equals < 0 ? literal : literal.substring(equals + 1));
                }
                List<String> envs = new ArrayList<>(strings(generator.get("envs")));
                envs.addAll(strings(generator.get("env") == null ? null : List.of(generator.get("env"))));
                for (String env : envs) {
                    byte[] content = files.get(GoPath.join(directory, env));
                    if (content != null) {
                        for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
                            int equals = line.indexOf('=');
                            if (equals >= 0) {
                                addValue(values, line.substring(equals + 1));
                            }
                        }
                    }
                }
                for (String source : strings(generator.get("files"))) {
                    String path = source.contains("=") ? source.substring(source.indexOf('=') + 1) : source;
                    byte[] content = files.get(GoPath.join(directory, path));
                    if (content != null) {
                        addValue(values, new String(content, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return values;
    }

    private static void addValue(Set<String> values, String value) {
        values.add(value);
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))
                && value.charAt(0) == value.charAt(value.length() - 1)) {
            values.add(value.substring(1, value.length() - 1));
        }
    }

    private static List<Map<String, Object>> secretGenerators(byte[] kustomization) {
        List<Map<String, Object>> generators = new ArrayList<>();
        try {
            List<Object> documents = GoYaml.loadAll(new String(kustomization, StandardCharsets.UTF_8));
            Map<String, Object> fields = documents.isEmpty() ? null : Nodes.asMap(documents.get(0));
            if (fields != null && fields.get("secretGenerator") instanceof List<?> entries) {
                for (Object entry : entries) {
                    Map<String, Object> generator = Nodes.asMap(entry);
                    if (generator != null) {
                        generators.add(generator);
                    }
                }
            }
        } catch (FluxbootException e) {
            // not YAML: kustomize will say so, and there are no values to know
        }
        return generators;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String text) {
                    strings.add(text);
                }
            }
        }
        return strings;
    }
}
