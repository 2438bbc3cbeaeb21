package dev.fluxboot.testing.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.fluxboot.testing.git.TestCertificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plumbing every fake forge API shares: a JDK {@link HttpsServer} on 127.0.0.1 with a
 * certificate from {@link TestCertificates}, JSON bodies through Jackson, Link-header pagination
 * and a log of the requests served (so tests can check, say, that a dry run wrote nothing).
 * Subclasses hold the forge's state and answer {@link #route(Request)}.
 */
public abstract class FakeForgeHttps implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-forge");
        thread.setDaemon(true);
        return thread;
    });
    private final String basePath;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int pageSize = 2;

    /** @param basePath the API prefix, e.g. {@code /api/v3} ({@code ""} for none) */
    protected FakeForgeHttps(TestCertificates certificates, String basePath) {
        this.basePath = basePath;
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** One request as the fake saw it (header names in lower case). */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
                          JsonNode body, String baseUrl) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public Optional<String> query(String name) {
            return Optional.ofNullable(query.get(name));
        }

        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** An answer: status, extra headers and a JSON body (or none). */
    public record Response(int status, Map<String, String> headers, JsonNode body) {

        public static Response json(int status, JsonNode body) {
            return new Response(status, new LinkedHashMap<>(), body);
        }

        public static Response empty(int status) {
            return new Response(status, new LinkedHashMap<>(), null);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Response(status, copy, body);
        }
    }

    /** Answers one request; {@code request.path()} is relative to the base path. */
    protected abstract Response route(Request request);

    /** Headers added to every answer (e.g. rate-limit counters). */
    protected Map<String, String> commonHeaders(Request request) {
        return Map.of();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://127.0.0.1:<port><basePath>}. */
    public String apiUrl() {
        return "https://127.0.0.1:" + port() + basePath;
    }

    /** Items per page of every list (small by default, so tests walk several pages). */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests that could change state (anything but GET/HEAD). */
    public List<Request> writes() {
        return requests().stream().filter(Request::isWrite).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /**
     * One page of {@code items}, with a GitHub/Gitea style {@code Link} header naming the
     * next, last, first and previous pages.
     *
     * @param sizeParameter {@code per_page} (GitHub) or {@code limit} (Gitea)
     */
    protected Response page(Request request, List<? extends JsonNode> items, String sizeParameter) {
        int size = request.query(sizeParameter).map(Integer::parseInt).map(n -> Math.min(n, pageSize)).orElse(pageSize);
        int page = request.query("page").map(Integer::parseInt).orElse(1);
        int last = Math.max(1, (items.size() + size - 1) / size);
        ArrayNode body = JSON.createArrayNode();
        for (int i = (page - 1) * size; i < Math.min(items.size(), page * size); i++) {
            body.add(items.get(i));
        }
        Response response = Response.json(200, body).withHeader("X-Total-Count", Integer.toString(items.size()));
        List<String> links = new ArrayList<>();
        String base = request.baseUrl() + request.path() + "?" + sizeParameter + "=" + size + "&page=";
        if (page < last) {
            links.add("<" + base + (page + 1) + ">; rel=\"next\"");
            links.add("<" + base + last + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + base + 1 + ">; rel=\"first\"");
            links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
        }
        return links.isEmpty() ? response : response.withHeader("Link", String.join(", ", links));
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static Response message(int status, String message) {
        return Response.json(status, object().put("message", message));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = read(exchange);
            requests.add(request);
            Response response;
            try {
                response = route(request);
            } catch (RuntimeException e) {
                response = message(500, "fake forge failed: " + e);
            }
            Map<String, String> headers = new LinkedHashMap<>(commonHeaders(request));
            headers.putAll(response.headers());
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = response.body() == null ? new byte[0] : JSON.writeValueAsBytes(response.body());
            if (response.body() != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Request read(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!basePath.isEmpty() && path.startsWith(basePath)) {
            path = path.substring(basePath.length());
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        JsonNode body = MissingNode.getInstance();
        if (bytes.length > 0) {
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
        }
        return new Request(exchange.getRequestMethod(), path, query, headers, body, "https://127.0.0.1:" + port() + basePath);
    }
}
