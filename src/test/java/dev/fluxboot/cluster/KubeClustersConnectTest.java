package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kubeconfig selection errors: one line each, found before any request is sent. */
class KubeClustersConnectTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKubeconfigFlagFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> KubeClusters.connect(Optional.of(missing), Optional.empty(), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("kubeconfig file " + missing + " not found; check --kubeconfig");
    }

    @Test
    void anUnknownContextIsNamedWithTheAvailableOnes() throws Exception {
        Path kubeconfig = kubeconfig("dev", "dev", "prod");

        assertThatThrownBy(() -> KubeClusters.connect(Optional.of(kubeconfig), Optional.of("staging"), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("context \"staging\" not found in kubeconfig " + kubeconfig + " (contexts: dev, prod); check --context");
    }

    @Test
    void aKubeconfigWithoutCurrentContextAsksForOne() throws Exception {
        Path kubeconfig = kubeconfig("", "dev");

        assertThatThrownBy(() -> KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("kubeconfig " + kubeconfig + " has no current-context; choose one with --context (contexts: dev)");
    }

    @Test
    void aContextWhoseClusterIsMissingIsNamed() throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                contexts:
                - name: dev
                  context:
                    cluster: gone
                    user: me
                users:
                - name: me
                  user:
                    token: abc
                current-context: dev
                """);

        assertThatThrownBy(() -> KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("context \"dev\" in kubeconfig " + kubeconfig + " names cluster \"gone\" that is not defined there;"
                        + " fix the kubeconfig or choose another --context");
    }

    @Test
    void kubeconfigVariableNamingOnlyMissingFilesIsAnError() {
        String variable = dir.resolve("a") + File.pathSeparator + dir.resolve("b");

        assertThatThrownBy(() -> KubeClusters.connect(Optional.empty(), Optional.empty(),
                Map.of("KUBECONFIG", variable, "HOME", dir.toString())))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("KUBECONFIG=" + variable + " names no existing file; fix KUBECONFIG or use --kubeconfig");
    }

    @Test
    void noKubeconfigAnywhereIsAnError() {
        assertThatThrownBy(() -> KubeClusters.connect(Optional.empty(), Optional.empty(), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("no kubeconfig found at " + dir.resolve(".kube/config") + "; use --kubeconfig, set KUBECONFIG or name the API server with --server");
    }

    @Test
    void theHomeKubeconfigIsTheDefault() throws Exception {
        Files.createDirectories(dir.resolve(".kube"));
        Files.copy(kubeconfig("dev", "dev"), dir.resolve(".kube/config"));

        try (Cluster cluster = KubeClusters.connect(Optional.empty(), Optional.empty(), env())) {
            assertThat(cluster).isNotNull();
        }
    }

    @Test
    void aBrokenKubeconfigSaysWhereWithoutQuotingItsContent() throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                users:
                - name: me
                  user:
                    token: [sup3r-secret-token
                """);

        assertThatThrownBy(() -> KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot read kubeconfig " + kubeconfig + ": not a valid kubeconfig")
                .hasMessageEndingWith("; check --kubeconfig")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sup3r"));
    }

    @Test
    void anUnreachableServerIsOneLine() throws Exception {
        Path kubeconfig = kubeconfig("dev", "dev");

        try (Cluster cluster = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env())) {
            assertThatThrownBy(cluster::inspectFlux)
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("cannot reach the cluster at https://127.0.0.1:1/: connection refused; check --kubeconfig/--context");
        }
    }

    @Test
    void aServerThatDropsEveryConnectionIsTriedAFewTimesNotTheClientsTenRetries() throws Exception {
        // Given a server on loopback that closes each connection as soon as it accepts it, and counts them
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread dropper = new Thread(() -> {
                while (true) {
                    try (Socket ignored = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            dropper.start();
            Path kubeconfig = Files.writeString(dir.resolve("dropping"),
                    Files.readString(kubeconfig("dev", "dev")).replace("127.0.0.1:1", "127.0.0.1:" + server.getLocalPort()));

            // When
            try (Cluster cluster = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env())) {
                assertThatThrownBy(cluster::inspectFlux).isInstanceOf(FluxbootException.class)
                        .hasMessageStartingWith("cannot reach the cluster at https://127.0.0.1:" + server.getLocalPort() + "/");
            }

            // Then the request was tried once and retried at most three times (fabric8 alone retries ten)
            assertThat(connections.get()).isBetween(1, 4);
        }
    }

    @Test
    void applyingToAnUnreachableServerIsTheSameOneLine() throws Exception {
        Path kubeconfig = kubeconfig("dev", "dev");
        List<Map<String, Object>> objects = List.of(
                Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "a")),
                Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "b")));

        try (Cluster cluster = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env())) {
            assertThatThrownBy(() -> cluster.apply(objects, Duration.ofSeconds(10)))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("cannot reach the cluster at https://127.0.0.1:1/: connection refused; check --kubeconfig/--context");
        }
    }

    @Test
    void aMissingClientCertificateFileIsOneLine() throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: me
                  user: {client-certificate: /nonexistent/me.crt, client-key: /nonexistent/me.key}
                contexts:
                - name: dev
                  context: {cluster: c, user: me}
                current-context: dev
                """);

        assertThatThrownBy(() -> KubeClusters.connect(Optional.of(kubeconfig), Optional.empty(), env()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("cannot set up the connection to https://127.0.0.1:1/: file not found: /nonexistent/me.crt;"
                        + " check --kubeconfig/--context");
    }

    private Map<String, String> env() {
        return Map.of("HOME", dir.toString());
    }

    /** A kubeconfig with the given contexts, all on a cluster at a port nothing listens on. */
    private Path kubeconfig(String current, String... contexts) throws Exception {
        StringBuilder text = new StringBuilder("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster:
                    server: https://127.0.0.1:1
                    insecure-skip-tls-verify: true
                users:
                - name: me
                  user:
                    token: abc
                contexts:
                """);
        for (String context : contexts) {
            text.append("- name: ").append(context).append("\n  context:\n    cluster: nowhere\n    user: me\n");
        }
        if (!current.isEmpty()) {
            text.append("current-context: ").append(current).append('\n');
        }
        Path file = Files.createTempFile(dir, "kubeconfig", ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
