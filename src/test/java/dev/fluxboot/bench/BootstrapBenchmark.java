package dev.fluxboot.bench;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.Main;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.HostKeyScanner;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.ui.Reporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap benchmarks that {@code scripts/bench} runs (issue 3), in one JVM:
 * <ul>
 *   <li>{@code bootstrap git} through {@link Main#run} against the in-JVM SSH Git server and the
 *       local kube-apiserver, with {@link FluxControllerSimulator} playing the controllers: a first
 *       bootstrap into a fresh namespace and repository, then the no-op re-run on the same;</li>
 *   <li>the depth-1 fetch of a large repository (10,000 commits, 20,000 files at the tip, built with
 *       {@code git fast-import}) by {@link RemoteBranch#fetch} against {@code git clone --depth 1
 *       --single-branch} of the same repository, both over the same SSH server;</li>
 *   <li>the no-op re-run of {@code bootstrap git} as a whole process through {@code scripts/fluxboot}
 *       (issue 12), without a class-data archive and with the one the launcher learned in its
 *       first run, against what a shell script needs to learn the same facts: OpenSSH's
 *       {@code git ls-remote} of the repository plus {@code kubectl get} of the Kustomization (the
 *       issue's reference; {@code curl} GET instead where kubectl is not installed).</li>
 * </ul>
 * Results go to the file named by {@code fluxboot.bench.bootstrap.out} ({@code key=value} lines)
 * and to stdout. Runs only with {@code -Dfluxboot.bench=true}. It checks what it measures (exit 0,
 * no push on the re-run, the fetched tip is the repository's), so a failure cannot give a fast number.
 */
@EnabledIfSystemProperty(named = "fluxboot.bench", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapBenchmark {

    private static final String VERSION = "v2.8.1";
    private static final int LARGE_COMMITS = 10_000;
    private static final int FILES_PER_COMMIT = 2;

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @TempDir
    static Path work;

    private static Path bundle;
    private static GitRepositories repositories;
    private static SshGitServer ssh;
    private static SshKeyPair key;
    private static Path keyFile;
    private static final Map<String, String> results = new LinkedHashMap<>();

    @BeforeAll
    static void servers() throws IOException {
        bundle = TestBundles.shared(VERSION);
        repositories = new GitRepositories();
        ssh = SshGitServer.start(repositories);
        key = new SshKeyGenerator().ecdsa(EcdsaCurve.P384);
        keyFile = Files.writeString(work.resolve("deploy-key"), key.privateKeyPem());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        ssh.authorize(key.publicKey());
    }

    @AfterAll
    static void stop() throws IOException {
        if (ssh != null) {
            ssh.close();
        }
        if (repositories != null) {
            repositories.close();
        }
        List<String> lines = new ArrayList<>();
        results.forEach((k, value) -> lines.add(k + "=" + value));
        lines.forEach(line -> System.out.println("bench: " + line));
        String out = System.getProperty("fluxboot.bench.bootstrap.out", "");
        if (!out.isEmpty()) {
            Files.write(Path.of(out), lines);
        }
    }

    @Test
    @Order(1)
    void firstBootstrapThenNoOpRerun() {
        int runs = Integer.getInteger("fluxboot.bench.bootstrap.runs", 3);
        long[] first = new long[runs];
        long[] rerun = new long[runs];
        for (int i = 0; i < runs; i++) {
            // Given a fresh namespace and an empty repository, and controllers that answer at once
            String namespace = "bench-" + i;
            String repository = "bench/fleet-" + i;
            repositories.create(repository);
            try (FluxControllerSimulator controllers = new FluxControllerSimulator(kube.client(), namespace).start()) {
                // When: the first bootstrap
                long started = System.nanoTime();
                bootstrap(namespace, repository);
                first[i] = millisSince(started);
                // Then it pushed both commits
                assertThat(repositories.log(repository, "main")).hasSize(2);

                // When: the same bootstrap again
                int pushes = ssh.pushCount();
                started = System.nanoTime();
                bootstrap(namespace, repository);
                rerun[i] = millisSince(started);
                // Then nothing was pushed
                assertThat(ssh.pushCount()).isEqualTo(pushes);
                assertThat(controllers.internalErrors()).isEmpty();
            }
        }
        record("bootstrap_first", first);
        record("bootstrap_rerun", rerun);
    }

    @Test
    @Order(2)
    void largeRepositoryFetchAgainstGitClone() throws Exception {
        int runs = Integer.getInteger("fluxboot.bench.clone.runs", 3);
        // Given a repository of 10,000 commits with 20,000 files at the tip, served over SSH
        String name = "bench/large";
        Path gitDir = repositories.create(name).getDirectory().toPath();
        long started = System.nanoTime();
        fastImport(gitDir);
        results.put("large_build_ms", String.valueOf(millisSince(started)));
        String tip = repositories.tip(name, "main").orElseThrow().name();
        results.put("large_commits", String.valueOf(LARGE_COMMITS));
        results.put("large_files", String.valueOf(LARGE_COMMITS * FILES_PER_COMMIT));
        String url = ssh.url(name);
        GitRemote remote = GitRemote.of(url, new GitAuth.SshKey(key, ssh.knownHosts(), List.of()),
                TransportOptions.defaults());
        Path knownHosts = Files.writeString(work.resolve("known_hosts"),
                HostKeyScanner.scan(ssh.host(), ssh.port()) + "\n");
        Map<String, String> gitEnv = Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + keyFile
                + " -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                + knownHosts);

        // When: one warm-up each, then interleaved timed runs
        long[] tool = new long[runs];
        long[] clone = new long[runs];
        long[] cloneNoCheckout = new long[runs];
        for (int i = -1; i < runs; i++) {
            started = System.nanoTime();
            try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", Reporter.silent())) {
                long took = millisSince(started);
                // Then the tool has the repository's tip
                assertThat(branch.head()).hasValue(tip);
                if (i >= 0) {
                    tool[i] = took;
                }
            }
            long took = gitClone(gitEnv, url, work.resolve("clone-" + i), tip);
            if (i >= 0) {
                clone[i] = took;
            }
            took = gitClone(gitEnv, url, work.resolve("clone-nc-" + i), tip, "--no-checkout");
            if (i >= 0) {
                cloneNoCheckout[i] = took;
            }
        }
        record("clone_tool", tool);
        record("clone_git", clone);
        record("clone_git_no_checkout", cloneNoCheckout);
        results.put("clone_transport", "ssh");
    }

    @Test
    @Order(3)
    void wholeProcessNoOpRerunAgainstLsRemoteAndGet() throws Exception {
        int runs = Integer.getInteger("fluxboot.bench.whole.runs", 5);
        Path jar = Path.of(System.getProperty("fluxboot.jar", "target/fluxboot.jar")).toAbsolutePath();
        Path launcher = Path.of("scripts", "fluxboot").toAbsolutePath();
        String namespace = "bench-whole";
        String repository = "bench/whole";
        repositories.create(repository);
        try (FluxControllerSimulator controllers = new FluxControllerSimulator(kube.client(), namespace).start()) {
            // Given a bootstrapped namespace and repository
            bootstrap(namespace, repository);
            Path knownHosts = Files.writeString(work.resolve("whole-known_hosts"),
                    HostKeyScanner.scan(ssh.host(), ssh.port()) + "\n");
            Map<String, String> gitEnv = Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + keyFile
                    + " -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                    + knownHosts);
            io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(
                    kube.kubeconfig().toFile());
            Path cert = pem("whole-cert.pem", config.getClientCertData(), config.getClientCertFile());
            Path clientKey = pem("whole-key.pem", config.getClientKeyData(), config.getClientKeyFile());
            String kustomization = kube.serverUrl().replaceAll("/$", "")
                    + "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/" + namespace + "/kustomizations/" + namespace;
            List<String> lsRemote = List.of("git", "ls-remote", ssh.url(repository), "refs/heads/main");
            // -k: the test server's certificate is not one curl can check against its CA file; the
            // TLS handshake is the same.
            List<String> get = List.of("curl", "-sSfk", "--cert", cert.toString(), "--key", clientKey.toString(),
                    "-o", "/dev/null", kustomization);
            // The issue's own reference, when kubectl is installed: its discovery cache in a folder
            // of its own, warmed by the first (untimed) round like every other command's caches.
            Optional<Path> kubectlBinary = onPath("kubectl");
            List<String> kubectl = kubectlBinary.map(binary -> List.of(binary.toString(), "--kubeconfig",
                    kube.kubeconfig().toString(), "--cache-dir", work.resolve("kubectl-cache").toString(),
                    "-n", namespace, "get", "kustomizations.kustomize.toolkit.fluxcd.io", namespace,
                    "-o", "name")).orElse(List.of());
            List<String> rerun = new ArrayList<>(List.of(launcher.toString(), "bootstrap", "git", "-n", namespace,
                    "--url", ssh.url(repository), "--private-key-file", keyFile.toString(), "--silent",
                    "--path", "clusters/bench", "--version", VERSION, "--manifests", bundle.toString(),
                    "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"));
            Path cache = work.resolve("whole-cache");
            Map<String, String> noArchive = Map.of("FLUXBOOT_JAR", jar.toString(), "FLUXBOOT_CDS", "off",
                    "XDG_CACHE_HOME", cache.toString());
            Map<String, String> learned = Map.of("FLUXBOOT_JAR", jar.toString(), "XDG_CACHE_HOME", cache.toString());

            holdForExperiments(rerun, learned, lsRemote, gitEnv, kubectl);

            // When: the launcher's first run in a fresh cache (it learns bootstrap's classes in the
            // background), then interleaved timed runs of each after one warm-up
            int pushes = ssh.pushCount();
            results.put("whole_first_learning_ms", String.valueOf(run(rerun, learned)));
            awaitLauncherJobs(cache.resolve("fluxboot/cds-classlists"));
            long[] withoutArchive = new long[runs];
            long[] withArchive = new long[runs];
            long[] lsRemoteMs = new long[runs];
            long[] getMs = new long[runs];
            long[] kubectlMs = new long[runs];
            for (int i = -1; i < runs; i++) {
                long a = run(rerun, noArchive);
                long b = run(rerun, learned);
                long c = run(lsRemote, gitEnv);
                long d = run(get, Map.of());
                long e = kubectl.isEmpty() ? 0 : run(kubectl, Map.of());
                if (i >= 0) {
                    withoutArchive[i] = a;
                    withArchive[i] = b;
                    lsRemoteMs[i] = c;
                    getMs[i] = d;
                    kubectlMs[i] = e;
                }
            }
            // And one more with --verbose, whose step lines say where a run's time goes
            List<String> verbose = new ArrayList<>(rerun);
            verbose.add("--verbose");
            // -Dfluxboot.bench.whole.java.opts=... reaches that run's JVM, e.g. to record a flight recording
            Map<String, String> verboseEnv = new java.util.HashMap<>(learned);
            String javaOpts = System.getProperty("fluxboot.bench.whole.java.opts", "");
            if (!javaOpts.isBlank()) {
                verboseEnv.put("FLUXBOOT_JAVA_OPTS", javaOpts);
                if (javaOpts.contains("FlightRecording")) {
                    verboseEnv.put("FLUXBOOT_CDS", "off"); // JDK 17 crashes with a flight recording and an archive
                }
            }
            long verboseMs = run(verbose, verboseEnv);
            List<String> steps = Files.readAllLines(work.resolve("whole.log")).stream()
                    .filter(line -> line.matches(".* step \\d+/\\d+ at \\d+ ms: .*|.* done at \\d+ ms"))
                    .toList();
            results.put("whole_verbose_ms", String.valueOf(verboseMs));
            for (int i = 0; i < steps.size(); i++) {
                results.put("whole_verbose_step_" + (i + 1), steps.get(i).strip());
            }
            // Then none of the re-runs pushed
            assertThat(steps).as("the verbose run's step lines").isNotEmpty();
            assertThat(ssh.pushCount()).isEqualTo(pushes);
            assertThat(controllers.internalErrors()).isEmpty();
            record("whole_rerun_no_archive", withoutArchive);
            record("whole_rerun_archive", withArchive);
            record("whole_ls_remote", lsRemoteMs);
            record("whole_get", getMs);
            if (!kubectl.isEmpty()) {
                record("whole_kubectl_get", kubectlMs);
            }
        }
    }

    /**
     * With {@code -Dfluxboot.bench.whole.hold=FILE}: writes FILE, a shell script that runs the
     * re-run (arguments after it go to the JVM through FLUXBOOT_JAVA_OPTS' place: the script's
     * environment), then keeps the servers up until FILE is deleted, for trying JVM flags and
     * changes by hand against the same cluster and repository.
     */
    private static void holdForExperiments(List<String> rerun, Map<String, String> env, List<String> lsRemote,
            Map<String, String> gitEnv, List<String> kubectl) throws Exception {
        String hold = System.getProperty("fluxboot.bench.whole.hold", "");
        if (hold.isEmpty()) {
            return;
        }
        Path script = Path.of(hold).toAbsolutePath();
        StringBuilder text = new StringBuilder("#!/usr/bin/env bash\n# BootstrapBenchmark hold: rm this file to end\n");
        text.append("case \"${1:-}\" in\n");
        text.append("  ls-remote) shift; ");
        gitEnv.forEach((k, v) -> text.append(k).append("=").append(quote(v)).append(" "));
        text.append("exec ").append(String.join(" ", lsRemote.stream().map(BootstrapBenchmark::quote).toList())).append(" ;;\n");
        if (!kubectl.isEmpty()) {
            text.append("  kubectl) shift; exec ")
                    .append(String.join(" ", kubectl.stream().map(BootstrapBenchmark::quote).toList())).append(" ;;\n");
        }
        text.append("esac\n");
        env.forEach((k, v) -> text.append("export ").append(k).append("=").append(quote(v)).append("\n"));
        text.append("exec ").append(String.join(" ", rerun.stream().map(BootstrapBenchmark::quote).toList()))
                .append(" \"$@\"\n");
        Files.writeString(script, text);
        script.toFile().setExecutable(true);
        System.out.println("bench: holding; run " + script + ", delete it to go on");
        try (java.nio.file.WatchService watcher = script.getFileSystem().newWatchService()) {
            script.getParent().register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_DELETE);
            while (Files.exists(script)) {
                java.nio.file.WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
            }
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Optional<Path> onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The kubeconfig's PEM: its inline data written to a file, or the file it names. */
    private static Path pem(String name, String base64, String file) throws IOException {
        if (base64 == null) {
            return Path.of(file);
        }
        Path written = work.resolve(name);
        Files.write(written, java.util.Base64.getDecoder().decode(base64));
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        return written;
    }

    /** Wall time of one run of a process, which must succeed. */
    private static long run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("whole.log").toFile());
        builder.environment().remove("FLUXBOOT_JAVA_OPTS");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long took = millisSince(started);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + Files.readString(work.resolve("whole.log")))
                .isZero();
        return took;
    }

    /** The launcher's background jobs have ended when no run's recorded class list is left. */
    private static void awaitLauncherJobs(Path classLists) throws Exception {
        if (!Files.isDirectory(classLists)) {
            return;
        }
        try (java.nio.file.WatchService watcher = classLists.getFileSystem().newWatchService()) {
            classLists.register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_DELETE);
            while (true) {
                try (var files = Files.list(classLists)) {
                    if (files.noneMatch(path -> path.getFileName().toString().endsWith(".recorded"))) {
                        return;
                    }
                }
                java.nio.file.WatchKey key = watcher.poll(5, TimeUnit.MINUTES);
                assertThat(key).as("the launcher's background job ended").isNotNull();
                key.pollEvents();
                key.reset();
            }
        }
    }

    private static void bootstrap(String namespace, String repository) {
        String[] args = {"bootstrap", "git", "-n", namespace, "--url", ssh.url(repository),
                "--private-key-file", keyFile.toString(), "--silent", "--path", "clusters/bench",
                "--version", VERSION, "--manifests", bundle.toString(),
                "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m"};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, out, errStream, Map.of());
        }
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Builds the large history with {@code git fast-import}: 2 new files per commit, 100 folders. */
    private static void fastImport(Path gitDir) throws Exception {
        Process process = new ProcessBuilder("git", "--git-dir", gitDir.toString(), "fast-import", "--quiet")
                .redirectErrorStream(true).redirectOutput(work.resolve("fast-import.log").toFile()).start();
        try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            long when = 1_700_000_000L;
            int file = 0;
            for (int c = 0; c < LARGE_COMMITS; c++) {
                String message = "commit " + c + "\n";
                StringBuilder s = new StringBuilder(512);
                s.append("commit refs/heads/main\n")
                        .append("committer Bench <bench@example.com> ").append(when + c).append(" +0000\n")
                        .append("data ").append(message.length()).append('\n').append(message);
                for (int f = 0; f < FILES_PER_COMMIT; f++, file++) {
                    String content = "file " + file + " of the benchmark repository, added by commit " + c + "\n";
                    s.append("M 100644 inline dir-").append(file % 100).append("/file-").append(file).append(".txt\n")
                            .append("data ").append(content.length()).append('\n').append(content);
                }
                s.append('\n');
                stdin.write(s.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("fast-import.log"))).isZero();
    }

    private static long gitClone(Map<String, String> env, String url, Path target, String tip, String... extra)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "clone", "--quiet", "--depth", "1", "--single-branch",
                "--branch", "main"));
        command.addAll(List.of(extra));
        command.addAll(List.of(url, target.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("clone.log").toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long took = millisSince(started);
        assertThat(process.exitValue()).as(Files.readString(work.resolve("clone.log"))).isZero();
        Process revParse = new ProcessBuilder("git", "-C", target.toString(), "rev-parse", "HEAD")
                .redirectErrorStream(true).start();
        String head = new String(revParse.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        revParse.waitFor();
        assertThat(head).isEqualTo(tip);
        return took;
    }

    private static void record(String name, long[] millis) {
        if (millis.length == 0) {
            return; // -Dfluxboot.bench.whole.runs=0: only the verbose run
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        results.put(name + "_runs", String.valueOf(n));
        results.put(name + "_median_ms", String.valueOf(median));
        results.put(name + "_min_ms", String.valueOf(sorted[0]));
        results.put(name + "_max_ms", String.valueOf(sorted[n - 1]));
        results.put(name + "_all_ms", Arrays.toString(millis).replaceAll("[\\[\\] ]", ""));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
