package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link BootstrapBackend} for tests, in the test JVM or in a provider process that real
 * terraform started (then through {@link Backends#BACKEND_PROPERTY}, its folder from
 * {@code FLUXBOOT_FAKE_BACKEND_DIR}). Its "repository" is the folder {@code repo/} of its
 * directory: files written by create and update, read back by read (so a test edits a file there
 * to make drift), removed by delete. Every call is appended to {@code calls.log}, one line each.
 * With a FIFO named {@code create-started} in the directory, create writes a line to it and then
 * waits for the provider to be stopped.
 */
public final class FakeBootstrapBackend implements BootstrapBackend {

    public static final String DIR_ENV = "FLUXBOOT_FAKE_BACKEND_DIR";

    private final Path dir;

    /** In a provider process: the directory from {@value #DIR_ENV}. */
    public FakeBootstrapBackend() {
        this(Path.of(System.getenv(DIR_ENV)));
    }

    public FakeBootstrapBackend(Path dir) {
        this.dir = dir;
    }

    public Path repository() {
        return dir.resolve("repo");
    }

    /** The calls so far, one line each: {@code create flux-system git=ssh://... ssh-key=given timeout=PT15M}. */
    public List<String> calls() {
        try {
            Path log = dir.resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files a bootstrap with {@code settings} manages: a stand-in for the generated manifests. */
    public static SortedMap<String, String> expectedFiles(ProviderConfig provider, BootstrapGitSettings settings) {
        String folder = settings.path().map(path -> path + "/").orElse("") + settings.namespace() + "/";
        SortedMap<String, String> files = new TreeMap<>();
        files.put(folder + "gotk-components.yaml", "# Flux " + settings.version() + ": "
                + String.join(",", settings.components()) + extra(settings) + "\n");
        files.put(folder + "gotk-sync.yaml", "# " + provider.git().orElseThrow().url() + " "
                + provider.git().orElseThrow().branch() + " every " + settings.interval() + "\n");
        files.put(folder + "kustomization.yaml", "resources: [gotk-components.yaml, gotk-sync.yaml]\n");
        return files;
    }

    private static String extra(BootstrapGitSettings settings) {
        return settings.componentsExtra().isEmpty() ? "" : "+" + String.join(",", settings.componentsExtra());
    }

    @Override
    public BootstrapOutcome create(ProviderConfig provider, BootstrapGitSettings settings, Operation operation) {
        record("create " + settings.namespace() + " " + describe(provider) + " timeout=" + operation.timeout());
        Path started = dir.resolve("create-started");
        if (Files.exists(started)) {
            waitForStop(started, operation.stop());
        }
        operation.stop().throwIfStopped();
        SortedMap<String, String> files = expectedFiles(provider, settings);
        write(files);
        return new BootstrapOutcome(settings.namespace(), files, List.of());
    }

    @Override
    public Optional<BootstrapOutcome> read(ProviderConfig provider, BootstrapGitState state, Operation operation) {
        record("read " + state.id() + " timeout=" + operation.timeout());
        SortedMap<String, String> files = new TreeMap<>();
        for (String path : state.repositoryFiles().keySet()) {
            Path file = repository().resolve(path);
            if (Files.exists(file)) {
                files.put(path, readString(file));
            }
        }
        if (files.isEmpty() && !state.repositoryFiles().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BootstrapOutcome(state.id(), files, List.of()));
    }

    @Override
    public PlannedFiles plan(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                             Operation operation) {
        record("plan " + prior.id() + " version=" + planned.version());
        if (planned.version().equals("latest")) {
            return PlannedFiles.knownAfterApply();
        }
        return PlannedFiles.known(expectedFiles(provider, planned));
    }

    @Override
    public BootstrapOutcome update(ProviderConfig provider, BootstrapGitState prior, BootstrapGitSettings planned,
                                   PlannedFiles plannedFiles, Operation operation) {
        record("update " + prior.id() + " version=" + planned.version() + " planned-files="
                + plannedFiles.files().map(files -> "known").orElse("after-apply"));
        SortedMap<String, String> files = plannedFiles.files().orElseGet(() -> expectedFiles(provider, planned));
        write(files);
        return new BootstrapOutcome(prior.id(), files, List.of());
    }

    @Override
    public void delete(ProviderConfig provider, BootstrapGitState state, Operation operation) {
        record("delete " + state.id() + " delete-git-manifests=" + state.settings().deleteGitManifests()
                + " timeout=" + operation.timeout());
        if (state.settings().deleteGitManifests()) {
            for (String path : state.repositoryFiles().keySet()) {
                try {
                    Files.deleteIfExists(repository().resolve(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public ImportedBootstrap importBootstrap(ProviderConfig provider, String id, Operation operation) {
        record("import " + id);
        BootstrapGitSettings settings = new BootstrapGitSettings(Optional.of("clusters/imported"), id, "v2.8.1",
                new TreeSet<>(List.of("source-controller", "kustomize-controller", "helm-controller",
                        "notification-controller")), new TreeSet<>(), "cluster.local", Duration.ofMinutes(1), "info", true,
                true, "ghcr.io/fluxcd", Optional.empty(), Optional.empty(), new TreeSet<>(), id, false, Optional.empty(),
                true, false, false, false, Optional.empty(), BootstrapGitSettings.Timeouts.none());
        SortedMap<String, String> files = expectedFiles(provider, settings);
        if (!Files.exists(repository().resolve(files.firstKey()))) {
            throw new FluxbootException("no Flux in namespace " + id);
        }
        return new ImportedBootstrap(settings, new BootstrapOutcome(id, files, List.of()));
    }

    /** What the provider configuration said, without its secrets. */
    private static String describe(ProviderConfig provider) {
        ProviderConfig.Git git = provider.git().orElseThrow();
        return "git=" + git.url().map(Object::toString).orElse("") + " branch=" + git.branch() + " author=" + git.authorName()
                + " ssh-key=" + (git.ssh().flatMap(ProviderConfig.Ssh::privateKey).isPresent() ? "given" : "none")
                + " kube-token=" + (provider.kubernetes().orElseThrow().token().isPresent() ? "given" : "none");
    }

    /** Says on the FIFO that create has started, then blocks until Terraform stops the provider. */
    private static void waitForStop(Path fifo, StopSignal stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignal.Registration registration = stop.onStop(stopped::countDown);
             OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
            out.write("create started\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.close();
            stopped.await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted");
        }
    }

    private void write(Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = repository().resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void record(String call) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("calls.log"), call + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
