package dev.fluxboot.githost.github;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Sends github-api's requests through a JDK {@link HttpClient} built by fluxboot (proxy
 * variables, {@code --ca-file}, no automatic redirects: the library follows them itself and
 * drops the token for other hosts), with a limit per request. Error answers become
 * {@link GitHubApiError}s here, so the library's own rate-limit handlers (which could sleep for
 * an hour) never run and its exceptions (which carry request URLs) never reach the user.
 */
final class JdkGitHubConnector implements GitHubConnector {

    private final HttpClient client;
    private final Duration requestTimeout;

    JdkGitHubConnector(HttpClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(requestTimeout);
        } catch (URISyntaxException e) {
            throw new IOException("invalid GitHub API URL", e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.header(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
            }
        }
        builder.method(request.method(), body);
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw (InterruptedIOException) new InterruptedIOException("interrupted").initCause(e);
        }
        Map<String, List<String>> headers = response.headers().map();
        if (response.statusCode() >= 400) {
            throw new GitHubApiError(response.statusCode(), headers, text(response));
        }
        return new BytesResponse(request, response.statusCode(), headers, response.body());
    }

    private static String text(HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        boolean gzip = response.headers().firstValue("Content-Encoding").filter(v -> v.equalsIgnoreCase("gzip")).isPresent();
        if (gzip) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A response held in memory; the library un-gzips it itself. */
    private static final class BytesResponse extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        BytesResponse(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
