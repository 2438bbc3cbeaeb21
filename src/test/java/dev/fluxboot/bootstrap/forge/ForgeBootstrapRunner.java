package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.Main;
import dev.fluxboot.bootstrap.GitTrees;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.api.model.Secret;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code fluxboot bootstrap <forge>} in-process through {@link Main}, against the test API
 * server, with {@link FluxControllerSimulator} playing Flux's controllers for the namespace (it
 * fetches with the Secret the bootstrap wrote, so the deploy key or token must really work), and
 * keeps every run's output so a test can check that no secret ever reached it.
 */
final class ForgeBootstrapRunner {

    static final String PATH = "clusters/my-cluster";

    /** One run: exit code and what it printed. */
    record Run(int exitCode, String out, String err) {

        String lastErrLine() {
            List<String> lines = err.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private final KubeApiServerSupport kube;
    private final String forge;
    private final Path manifests;
    private final List<String> connectionFlags;
    private final List<Run> runs = Collections.synchronizedList(new ArrayList<>());
    /** The namespaces of the runs in {@link #runs}. */
    private final java.util.Set<String> namespaces = Collections.synchronizedSet(new java.util.LinkedHashSet<>());

    /**
     * @param forge           {@code github}, {@code gitlab}, {@code gitea} or {@code bitbucket-server}
     * @param manifests       the stripped copy of the v2.8.0 release
     * @param connectionFlags {@code --hostname}, {@code --api-url}, {@code --ca-file}, {@code --ssh-hostname} of the fakes
     */
    ForgeBootstrapRunner(KubeApiServerSupport kube, String forge, Path manifests, List<String> connectionFlags) {
        this.kube = kube;
        this.forge = forge;
        this.manifests = manifests;
        this.connectionFlags = List.copyOf(connectionFlags);
    }

    /** A run with the controllers of {@code namespace} simulated while it lasts. */
    Run run(String namespace, Map<String, String> env, String... args) {
        try (FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), namespace).start()) {
            Run run = runAlone(namespace, env, Prompter.none(), args);
            assertThat(flux.internalErrors()).as("simulator errors").isEmpty();
            return run;
        }
    }

    /** A run without controllers (for runs that stop before the cluster would need them). */
    Run runAlone(String namespace, Map<String, String> env, Prompter prompter, String... args) {
        List<String> all = arguments(namespace, args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(all.toArray(String[]::new), outStream, errStream, env, prompter);
        }
        Run run = new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        runs.add(run);
        return run;
    }

    /**
     * A run of the built jar as a process (without the forge's token variable), {@code stdin} written to its
     * standard input, a pipe, then closed; with the controllers of {@code namespace} simulated while it lasts.
     */
    Run runJar(Path jar, String namespace, String stdin, String... args) throws java.io.IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(arguments(namespace, args));
        ProcessBuilder builder = new ProcessBuilder(command);
        for (String variable : List.of("GITHUB_TOKEN", "GITLAB_TOKEN", "GITEA_TOKEN", "BITBUCKET_TOKEN",
                "FLUXBOOT_JAVA_OPTS")) {
            builder.environment().remove(variable);
        }
        Path out = java.nio.file.Files.createTempFile("fluxboot-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("fluxboot-err", ".txt");
        try (FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), namespace).start()) {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var input = process.getOutputStream()) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("fluxboot finished").isTrue();
            assertThat(flux.internalErrors()).as("simulator errors").isEmpty();
            Run run = new Run(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
            runs.add(run);
            return run;
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    /**
     * {@code bootstrap <forge> -n <namespace>}, the test's defaults where {@code args} do not set them, and the
     * fakes' flags.
     */
    private List<String> arguments(String namespace, String... args) {
        namespaces.add(namespace);
        List<String> all = new ArrayList<>(List.of("bootstrap", forge, "-n", namespace));
        List<String> given = List.of(args);
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("--path", PATH);
        defaults.put("--version", "v2.8.0");
        defaults.put("--manifests", manifests.toString());
        defaults.put("--kubeconfig", kube.kubeconfig().toString());
        defaults.put("--timeout", "2m");
        defaults.forEach((flag, value) -> {
            if (!given.contains(flag)) {
                all.addAll(List.of(flag, value));
            }
        });
        all.addAll(connectionFlags);
        all.addAll(given);
        return all;
    }

    List<Run> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    /**
     * No run since the last check printed any of the {@code secrets} or of the private keys of the
     * source Secrets those runs made, and no repository holds one in any commit; the runs are then
     * forgotten. For after each test.
     */
    void assertNothingLeakedSinceTheLastCheck(GitRepositories repositories, List<String> secrets) {
        List<String> all = new ArrayList<>(secrets);
        List<String> checked;
        synchronized (namespaces) {
            checked = List.copyOf(namespaces);
        }
        for (String namespace : checked) {
            Secret source = kube.client().secrets().inNamespace(namespace).withName("flux-system").get();
            if (source != null && source.getData() != null && source.getData().containsKey("identity")) {
                secretData(namespace, "flux-system").get("identity").lines()
                        .filter(line -> !line.startsWith("-----") && line.length() >= 16).forEach(all::add);
            }
        }
        try {
            assertNoneLeaked(repositories, repositories.names(), all);
        } finally {
            runs.clear();
            namespaces.clear();
        }
    }

    /** No run printed any of the secrets, and no repository holds one in any commit. */
    void assertNothingLeaked(GitRepositories repositories, List<String> repositoryNames, List<String> secrets) {
        assertThat(runs()).isNotEmpty();
        assertNoneLeaked(repositories, repositoryNames, secrets);
    }

    private void assertNoneLeaked(GitRepositories repositories, List<String> repositoryNames, List<String> secrets) {
        for (Run run : runs()) {
            for (String secret : secrets) {
                assertThat(run.out()).doesNotContain(secret);
                assertThat(run.err()).doesNotContain(secret);
            }
        }
        for (String name : repositoryNames) {
            String everything = GitTrees.allBlobs(repositories.get(name));
            for (String secret : secrets) {
                assertThat(everything).as(name).doesNotContain(secret);
            }
        }
    }

    /** The Secret's data as text. */
    Map<String, String> secretData(String namespace, String name) {
        Secret secret = kube.client().secrets().inNamespace(namespace).withName(name).get();
        assertThat(secret).as("Secret %s/%s", namespace, name).isNotNull();
        Map<String, String> data = new TreeMap<>();
        secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return data;
    }

    /** The Kustomization reports Ready at this revision ({@code main@sha1:<sha>}). */
    void assertSynced(String namespace, String revision) {
        Object status = kube.client().genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization")
                .inNamespace(namespace).withName(namespace).get().getAdditionalProperties().get("status");
        assertThat(String.valueOf(status)).contains(revision);
    }

    /**
     * One pass of the simulated controllers now, in this thread: the GitRepository fetches with
     * the Secret. Returns its Ready condition afterwards as {@code "<status>: <message>"}.
     */
    String reconcileSourceNow(String namespace) {
        new FluxControllerSimulator(kube.client(), namespace).reconcileNow();
        Object status = kube.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace(namespace).withName(namespace).get().getAdditionalProperties().get("status");
        for (Object condition : (List<?>) ((Map<?, ?>) status).get("conditions")) {
            Map<?, ?> fields = (Map<?, ?>) condition;
            if ("Ready".equals(fields.get("type"))) {
                return fields.get("status") + ": " + fields.get("message");
            }
        }
        return "no Ready condition";
    }

    /** The GitRepository's {@code spec.url}. */
    String syncUrl(String namespace) {
        Object spec = kube.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace(namespace).withName(namespace).get().getAdditionalProperties().get("spec");
        return String.valueOf(((Map<?, ?>) spec).get("url"));
    }

    /** Flux's deploy key title for the test path. */
    static String title(String namespace) {
        return namespace + "-main-flux-system-./" + PATH;
    }
}
