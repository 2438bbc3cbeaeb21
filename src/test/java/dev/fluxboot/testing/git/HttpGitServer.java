package dev.fluxboot.testing.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * A smart-HTTP Git server on 127.0.0.1 (random port) over the JDK's HTTP(S) server and JGit's
 * upload/receive pack; fetches speak protocol v2 when the client asks ({@code Git-Protocol} header).
 * Basic auth (user + password or token) and bearer tokens, each optionally read-only; https
 * with a generated CA ({@link TestCertificates}), or plain http.
 */
public final class HttpGitServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "http-git");
        thread.setDaemon(true);
        return thread;
    });
    private final GitServices services;
    private final TestCertificates certificates;
    /** "Basic <base64>" or "Bearer <token>" to read-only flag. */
    private final Map<String, Boolean> credentials = new ConcurrentHashMap<>();
    private final AtomicInteger refusedRequests = new AtomicInteger();
    private final AtomicReference<String> lastAuthorizationScheme = new AtomicReference<>();

    private HttpGitServer(GitRepositories repositories, TestCertificates certificates) throws IOException {
        this.services = new GitServices(repositories);
        this.certificates = certificates;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (certificates == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
            server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** HTTPS with a server certificate signed by the given test CA. */
    public static HttpGitServer startHttps(GitRepositories repositories, TestCertificates certificates) {
        try {
            return new HttpGitServer(repositories, certificates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain HTTP. */
    public static HttpGitServer startHttp(GitRepositories repositories) {
        try {
            return new HttpGitServer(repositories, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://127.0.0.1:<port>/org/repo.git} (or http). */
    public String url(String repository) {
        return (certificates == null ? "http" : "https") + "://127.0.0.1:" + port() + "/"
                + GitRepositories.normalize(repository) + ".git";
    }

    public Optional<TestCertificates> certificates() {
        return Optional.ofNullable(certificates);
    }

    /** Accepts basic auth with this user and password (or token). */
    public void authorizeBasic(String username, String password, boolean readOnly) {
        String encoded = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        credentials.put("Basic " + encoded, readOnly);
    }

    /** Accepts {@code Authorization: Bearer <token>}. */
    public void authorizeBearer(String token, boolean readOnly) {
        credentials.put("Bearer " + token, readOnly);
    }

    public void revokeAll() {
        credentials.clear();
    }

    public GitRepositories repositories() {
        return services.repositories();
    }

    /** Runs when a push starts, before the refs are advertised to the client. */
    public void beforeReceive(ReceiveHook hook) {
        services.beforeReceive(hook);
    }

    /** Runs during a push, after the client chose its updates and before they are applied. */
    public void duringReceive(ReceiveHook hook) {
        services.duringReceive(hook);
    }

    public int pushCount() {
        return services.pushCount();
    }

    public int fetchCount() {
        return services.fetchCount();
    }

    /** Upload packs (ref listings and fetches) that spoke protocol v2. */
    public int v2FetchCount() {
        return services.v2FetchCount();
    }

    /** Requests answered 401 or 403. */
    public int refusedRequests() {
        return refusedRequests.get();
    }

    /** {@code Basic} or {@code Bearer}: the scheme of the last accepted request. */
    public String lastAuthorizationScheme() {
        return lastAuthorizationScheme.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Boolean readOnly = authorization == null ? null : credentials.get(authorization.strip());
            if (readOnly == null) {
                refusedRequests.incrementAndGet();
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fluxboot-test\"");
                sendText(exchange, 401, "Unauthorized");
                return;
            }
            lastAuthorizationScheme.set(authorization.strip().split(" ", 2)[0]);
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.endsWith("/info/refs")) {
                String service = query.contains("service=git-receive-pack") ? "git-receive-pack"
                        : query.contains("service=git-upload-pack") ? "git-upload-pack" : null;
                if (service == null) {
                    sendText(exchange, 403, "dumb HTTP is not served");
                    return;
                }
                advertise(exchange, path.substring(0, path.length() - "/info/refs".length()), service, readOnly);
            } else if (method.equals("POST") && path.endsWith("/git-upload-pack")) {
                serve(exchange, path.substring(0, path.length() - "/git-upload-pack".length()), "git-upload-pack", readOnly);
            } else if (method.equals("POST") && path.endsWith("/git-receive-pack")) {
                serve(exchange, path.substring(0, path.length() - "/git-receive-pack".length()), "git-receive-pack", readOnly);
            } else {
                sendText(exchange, 404, "Not Found");
            }
        } catch (Exception e) {
            // The response may be half written; the client sees a broken stream.
        }
    }

    private void advertise(HttpExchange exchange, String repositoryPath, String service, boolean readOnly) throws Exception {
        Optional<Repository> repository = services.repositories().find(repositoryPath);
        if (repository.isEmpty()) {
            sendText(exchange, 404, "Repository not found");
            return;
        }
        if (service.equals("git-receive-pack") && readOnly) {
            refusedRequests.incrementAndGet();
            sendText(exchange, 403, "Write access to repository not granted.");
            return;
        }
        String name = GitRepositories.normalize(repositoryPath);
        exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + "-advertisement");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (service.equals("git-receive-pack")) {
            services.receiveStarting(name, repository.get());
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            RefAdvertiser.PacketLineOutRefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(packets);
            if (service.equals("git-upload-pack")) {
                UploadPack pack = services.uploadPack(repository.get(), gitProtocol(exchange));
                pack.setBiDirectionalPipe(false);
                // Writes "# service=..." for v0, or the v2 capability advertisement.
                pack.sendAdvertisedRefs(advertiser, service);
            } else {
                packets.writeString("# service=" + service + "\n");
                packets.end();
                ReceivePack pack = services.receivePack(name, repository.get());
                pack.setBiDirectionalPipe(false);
                pack.sendAdvertisedRefs(advertiser);
            }
        }
    }

    private void serve(HttpExchange exchange, String repositoryPath, String service, boolean readOnly) throws Exception {
        Optional<Repository> repository = services.repositories().find(repositoryPath);
        if (repository.isEmpty()) {
            sendText(exchange, 404, "Repository not found");
            return;
        }
        if (service.equals("git-receive-pack") && readOnly) {
            refusedRequests.incrementAndGet();
            sendText(exchange, 403, "Write access to repository not granted.");
            return;
        }
        // Read the body whole: the JDK's fixed-length request stream lets skip() run past the body
        // (into the next request), which UploadPack does when it drains its input.
        InputStream in = new java.io.ByteArrayInputStream(exchange.getRequestBody().readAllBytes());
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + "-result");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (service.equals("git-upload-pack")) {
                UploadPack pack = services.uploadPack(repository.get(), gitProtocol(exchange));
                pack.setBiDirectionalPipe(false);
                pack.upload(in, out, null);
            } else {
                ReceivePack pack = services.receivePack(GitRepositories.normalize(repositoryPath), repository.get());
                pack.setBiDirectionalPipe(false);
                pack.receive(in, out, null);
            }
        }
    }

    private static String gitProtocol(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Git-Protocol");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
