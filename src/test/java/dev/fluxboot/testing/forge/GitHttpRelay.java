package dev.fluxboot.testing.forge;

import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.TestCertificates;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Serves a fake forge's Git URLs ({@code https://<forge>/<owner>/<repo>.git}) by passing the
 * smart-HTTP requests on to the {@link HttpGitServer}, once the fake itself has decided who may
 * read or write. The Git server only knows the relay's own two credentials.
 */
final class GitHttpRelay {

    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Content-Encoding", "Accept", "Git-Protocol");
    private static final List<String> RESPONSE_HEADERS = List.of("Cache-Control");

    private final HttpGitServer git;
    private final HttpClient client;
    private final String readWrite = UUID.randomUUID().toString();
    private final String readOnly = UUID.randomUUID().toString();

    GitHttpRelay(HttpGitServer git, TestCertificates certificates) {
        this.git = git;
        this.client = HttpClient.newBuilder().sslContext(trusting(certificates)).connectTimeout(Duration.ofSeconds(10)).build();
        git.authorizeBearer(readWrite, false);
        git.authorizeBearer(readOnly, true);
    }

    /** Whether the path is a smart-HTTP Git request ({@code .../x.git/info/refs}, {@code git-upload-pack}, {@code git-receive-pack}). */
    static boolean isGitRequest(String rawPath) {
        return rawPath.endsWith("/info/refs") || rawPath.endsWith("/git-upload-pack") || rawPath.endsWith("/git-receive-pack");
    }

    /** The repository part of a Git request path: {@code /org/repo.git/info/refs} gives {@code org/repo}. */
    static String repositoryOf(String rawPath) {
        String path = rawPath;
        for (String suffix : new String[] {"/info/refs", "/git-upload-pack", "/git-receive-pack"}) {
            if (path.endsWith(suffix)) {
                path = path.substring(0, path.length() - suffix.length());
            }
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Passes the request on as {@code /<repository>.git/<service part>}, with read-only or read-write rights. */
    void forward(ForgeExchange exchange, String repository, boolean canWrite) throws IOException {
        String raw = exchange.rawPath();
        String service = raw.substring(raw.lastIndexOf(".git/") + ".git".length());
        String query = exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery();
        URI target = URI.create("https://127.0.0.1:" + git.port() + "/" + repository + ".git" + service + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(exchange.method(), exchange.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(exchange.body()))
                .header("Authorization", "Bearer " + (canWrite ? readWrite : readOnly));
        for (String name : REQUEST_HEADERS) {
            String value = exchange.header(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (String name : RESPONSE_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> exchange.setHeader(name, value));
        }
        exchange.respond(response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/plain"),
                response.body());
    }

    /** Asks the client for credentials, as forges do. */
    static void challenge(ForgeExchange exchange, String realm) throws IOException {
        exchange.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        exchange.respondText(401, "HTTP Basic: Access denied");
    }

    private static SSLContext trusting(TestCertificates certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-ca", certificates.caCertificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
