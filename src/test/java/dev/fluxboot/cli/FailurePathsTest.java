package dev.fluxboot.cli;

import com.sun.net.httpserver.HttpServer;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's failure paths as a user meets them: bad flags, kubeconfigs that lead nowhere
 * (nothing listening, a server that never answers, a wrong path, an unknown host, a file nested a
 * thousand levels deep), broken bundles, a namespace being deleted, a namespace without Flux.
 * Each ends with exit 1 (failure) or 2 (usage), one to three lines on stderr naming the problem,
 * no Java class or exception name, nothing on stdout, and nothing written: no file in the run's
 * home and cache, no change in the cluster. Real kube-apiserver, real loopback servers.
 */
class FailurePathsTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    /** A qualified Java name or an exception/error class name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|io\\.fabric8|org\\.(?:eclipse|apache|snakeyaml))\\.[\\w.$]+|\\b[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    static Path files;

    private static final Map<String, String> PLACES = new TreeMap<>();
    private static ServerSocket silent;
    private static final List<Socket> held = new ArrayList<>();
    private static HttpServer notFound;

    @BeforeAll
    static void fixtures() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // accepted, never answered
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        notFound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notFound.createContext("/", exchange -> {
            byte[] body = "404 page not found\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        notFound.start();
        int closedPort;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }

        PLACES.put("KUBE", kube.kubeconfig().toString());
        PLACES.put("SILENT", kubeconfig("silent", "https://127.0.0.1:" + silent.getLocalPort(), ""));
        PLACES.put("NOT_API", kubeconfig("not-api", "http://127.0.0.1:" + notFound.getAddress().getPort() + "/wrong/path", ""));
        PLACES.put("REFUSED", kubeconfig("refused", "https://127.0.0.1:" + closedPort, ""));
        PLACES.put("UNKNOWN_HOST", kubeconfig("unknown-host", "https://no-such-host.invalid:6443", ""));
        PLACES.put("NO_CERT", kubeconfig("no-cert", kube.serverUrl(), "    client-certificate: /nonexistent/client.crt\n"
                + "    client-key: /nonexistent/client.key\n"));
        PLACES.put("FAILING_PLUGIN", kubeconfig("failing-plugin", kube.serverUrl(), "    exec:\n"
                + "      apiVersion: client.authentication.k8s.io/v1\n      command: /nonexistent/cloud-auth-plugin\n"));
        PLACES.put("DEEP", write("deep-kubeconfig", "apiVersion: v1\nkind: Config\nclusters:\n- name: x\n  cluster:\n"
                + "    server: https://127.0.0.1:1\n    extensions: " + "[".repeat(5000) + "]".repeat(5000) + "\n").toString());
        PLACES.put("NOT_YAML", write("not-yaml-kubeconfig", "apiVersion: v1\nkind: Config\nclusters: [\n").toString());

        Path v280 = TestBundles.shared("v2.8.0");
        PLACES.put("V280", v280.toString());
        PLACES.put("SHARED_V280", TestBundles.shared("v2.8.0").toString());
        PLACES.put("RENAMED_V280", copy(v280, files.resolve("bundle")).toString());
        Path deep = copy(v280, files.resolve("deep-bundle"));
        Files.writeString(deep.resolve("policies.yaml"), Files.readString(deep.resolve("policies.yaml"))
                + "---\nfoo: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        PLACES.put("DEEP_BUNDLE", deep.toString());
        Path linked = copy(v280, files.resolve("linked-bundle"));
        Path outside = write("outside.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-outside\n");
        Files.createSymbolicLink(linked.resolve("extra.yaml"), outside);
        PLACES.put("LINKED_BUNDLE", linked.toString());
        PLACES.put("MISSING", files.resolve("missing").toString());

        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata()
                .build()).create();
        kube.client().namespaces().withName("doomed").delete(); // no namespace controller: Terminating for good
    }

    @AfterAll
    static void stop() throws IOException {
        if (silent != null) {
            silent.close();
        }
        for (Socket socket : held) {
            socket.close();
        }
        if (notFound != null) {
            notFound.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // usage errors
            "instal|2|unknown command \"instal\" for \"fluxboot\": did you mean \"install\"?",
            "install --bogus=s3cret-Value9|2|unknown flag --bogus.",
            "bootstrap git --pasword s3cret-Value9|2|unknown flag --pasword: did you mean --password?",
            "install --timeout 1x|2|Invalid value for option '--timeout'",
            "version -o xml|2|--output must be json or yaml, not xml",
            "check --pre --version v0.1.0 --kubeconfig KUBE|2|is not a Flux 2 release",
            "install --export --version v2.8.0 --manifests MISSING|2|no such file or directory",
            "install --export --version v2.9.4 --manifests SHARED_V280|2|is named after Flux v2.8.0, not --version v2.9.4",
            "install --export --version v2.9.4 --manifests RENAMED_V280|2|holds source-controller v1.8, which is Flux v2.8.x",
            "bootstrap git --url=ssh://git@127.0.0.1:1/org/fleet.git --private-key-file=MISSING --kubeconfig KUBE"
                    + "|2|no such file or directory",
            "bootstrap git --url=https://127.0.0.1:1/org/fleet.git --ca-file=MISSING --kubeconfig KUBE"
                    + "|2|no such file or directory",
            "bootstrap git --url=ssh://git@127.0.0.1:1/org/fleet.git --path=../x --kubeconfig KUBE"
                    + "|2|--path \"../x\" leaves the repository",
            // the cluster cannot be reached or read
            "check --pre --kubeconfig SILENT --timeout 2s|1|did not answer within --timeout=2s",
            "version --kubeconfig SILENT --timeout 2s|1|did not answer within --timeout=2s",
            "version --kubeconfig NOT_API|1|is not a Kubernetes API server (GET /version answered 404 Not Found)",
            "uninstall --silent --kubeconfig NOT_API|1|is not a Kubernetes API server",
            "export source git --all --kubeconfig NOT_API|1|is not a Kubernetes API server",
            "check --kubeconfig NOT_API|1|is not a Kubernetes API server",
            "version --kubeconfig REFUSED|1|connection refused",
            "uninstall --dry-run --kubeconfig REFUSED|1|connection refused",
            "install --version v2.8.0 --manifests V280 --kubeconfig REFUSED|1|connection refused",
            "version --kubeconfig UNKNOWN_HOST --timeout 3s|1|no-such-host.invalid",
            "version --kubeconfig NO_CERT|1|file not found: /nonexistent/client.crt",
            "version --kubeconfig FAILING_PLUGIN|1|\"/nonexistent/cloud-auth-plugin\" was not found",
            "version --kubeconfig DEEP|1|nested deeper than 256 levels",
            "check --kubeconfig DEEP|1|nested deeper than 256 levels",
            "version --kubeconfig NOT_YAML|1|not a valid kubeconfig",
            // bundles
            "install --export --version v2.8.0 --manifests DEEP_BUNDLE|1|policies.yaml of",
            "install --export --version v2.8.0 --manifests LINKED_BUNDLE|1|extra.yaml is a symbolic link",
            // the cluster says no
            "install -n doomed --version v2.8.0 --manifests V280 --kubeconfig KUBE|1|namespace \"doomed\" is being deleted",
            "uninstall -n no-flux-here --silent --kubeconfig KUBE|1|no Flux installation found in namespace \"no-flux-here\"",
            "version -n no-flux-here --kubeconfig KUBE|1|no deployments found in no-flux-here namespace",
            "export source git --all --kubeconfig KUBE|1|the cluster has no CustomResourceDefinition"})
    void aFailureIsOneToThreeLinesWithoutJavaNamesAndWritesNothing(String command, int exitCode, String says)
            throws IOException {
        // Given
        List<String> args = new ArrayList<>();
        for (String arg : command.split(" ")) {
            args.add(place(arg));
        }
        Path home = Files.createTempDirectory(files, "home-");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve(".cache").toString(),
                "NO_COLOR", "1", "GIT_PASSWORD", "s3cret-Value9");
        Map<String, String> clusterBefore = clusterState();

        // When
        CliRun run = CliRun.run(env, args.toArray(String[]::new));

        // Then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.out()).as("stdout").isEmpty();
        assertThat(run.errLines()).as(run.err()).hasSizeBetween(1, 3);
        assertThat(run.errLines()).last().asString().startsWith("✗ ");
        assertThat(run.errLines()).anySatisfy(line -> assertThat(line).startsWith("✗ ").contains(says));
        assertThat(run.err()).doesNotContainPattern(JAVA_NAME).doesNotContain("s3cret-Value9", "\tat ");
        try (Stream<Path> written = Files.walk(home)) {
            assertThat(written.filter(path -> !path.equals(home)).toList()).as("files written").isEmpty();
        }
        assertThat(clusterState()).as("cluster").isEqualTo(clusterBefore);
    }

    private static String place(String arg) {
        int equals = arg.indexOf('=');
        if (equals > 0 && PLACES.containsKey(arg.substring(equals + 1))) {
            return arg.substring(0, equals + 1) + PLACES.get(arg.substring(equals + 1));
        }
        return PLACES.getOrDefault(arg, arg);
    }

    /** Namespaces and CRDs with their resource versions. */
    private static Map<String, String> clusterState() {
        Map<String, String> state = new TreeMap<>();
        kube.client().namespaces().list().getItems().forEach(ns -> state.put("Namespace/" + ns.getMetadata().getName(),
                ns.getMetadata().getResourceVersion()));
        kube.client().apiextensions().v1().customResourceDefinitions().list().getItems().forEach(crd -> state.put(
                "CRD/" + crd.getMetadata().getName(), crd.getMetadata().getResourceVersion()));
        return state;
    }

    private static String kubeconfig(String name, String server, String user) throws IOException {
        return write(name + "-kubeconfig", String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: c",
                "  cluster:",
                "    server: " + server,
                server.equals(kube.serverUrl())
                        ? "    certificate-authority: " + kube.workDir().resolve("apiserver.crt")
                        : "    insecure-skip-tls-verify: true",
                "users:",
                "- name: u",
                "  user:",
                user.isEmpty() ? "    token: not-a-real-token" : user.stripTrailing(),
                "contexts:",
                "- name: c",
                "  context:",
                "    cluster: c",
                "    user: u",
                "current-context: c",
                "")).toString();
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> listing = Files.list(from)) {
            for (Path file : listing.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
