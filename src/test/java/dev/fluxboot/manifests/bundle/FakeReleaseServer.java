package dev.fluxboot.manifests.bundle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GitHub-like release download server on loopback: serves given files under
 * {@code /fluxcd/flux2/releases/download/<version>/} and the releases API, answers 404 for the
 * rest, and records every request path.
 */
final class FakeReleaseServer implements AutoCloseable {

    static final String RELEASES = "/fluxcd/flux2/releases";

    private record Response(int status, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();

    FakeReleaseServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/fluxcd/flux2/releases}. */
    URI releasesUrl() {
        return URI.create(origin() + RELEASES);
    }

    /** The API base, {@code http://127.0.0.1:<port>/api}. */
    URI apiUrl() {
        return URI.create(origin() + "/api");
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    FakeReleaseServer serve(String path, int status, byte[] body) {
        responses.put(path, new Response(status, body));
        return this;
    }

    /** A release with its manifests.tar.gz and, when {@code checksums} is not null, its checksums file. */
    FakeReleaseServer release(String version, byte[] tarball, String checksums) {
        serve(download(version, "manifests.tar.gz"), 200, tarball);
        if (checksums != null) {
            serve(download(version, "flux_" + version.substring(1) + "_checksums.txt"), 200,
                    checksums.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    FakeReleaseServer latest(String tag) {
        return serve("/api/repos/fluxcd/flux2/releases/latest", 200,
                ("{\"url\":\"x\",\"tag_name\":\"" + tag + "\",\"name\":\"" + tag + "\",\"body\":\"## \\\"tag_name\\\": \\\"v0.0.1\\\"\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    static String download(String version, String file) {
        return RELEASES + "/download/" + version + "/" + file;
    }

    /** A goreleaser-style checksums file listing {@code tarball} as manifests.tar.gz among other assets. */
    static String checksumsFor(String version, byte[] tarball) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tarball));
        String other = "0".repeat(64);
        return other + "  flux_" + version.substring(1) + "_linux_amd64.tar.gz\n"
                + sha + "  manifests.tar.gz\n"
                + other + "  install.yaml\n";
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (this) {
            requests.add(exchange.getRequestURI().getPath());
        }
        Response response = responses.get(exchange.getRequestURI().getPath());
        if (response == null) {
            byte[] body = "Not Found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
