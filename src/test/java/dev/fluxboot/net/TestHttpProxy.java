package dev.fluxboot.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTTP forward proxy on loopback (no CONNECT): takes absolute-form requests
 * ({@code GET http://host:port/path}), records them, and forwards them to the same port on
 * 127.0.0.1 whatever the host name, so tests can use names that resolve nowhere.
 */
public final class TestHttpProxy implements AutoCloseable {

    private final HttpServer server;
    private final List<URI> requests = new ArrayList<>();

    public TestHttpProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** {@code 127.0.0.1:<port>}, a value for {@code HTTP_PROXY}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The absolute URIs the proxy was asked for. */
    public synchronized List<URI> requests() {
        return List.copyOf(requests);
    }

    private void forward(HttpExchange exchange) throws IOException {
        URI requested = exchange.getRequestURI();
        synchronized (this) {
            requests.add(requested);
        }
        if (requested.getHost() == null) {
            exchange.sendResponseHeaders(400, -1); // not a proxy request
            exchange.close();
            return;
        }
        URI upstream = URI.create("http://127.0.0.1:" + requested.getPort() + requested.getRawPath());
        HttpURLConnection connection = (HttpURLConnection) upstream.toURL().openConnection(Proxy.NO_PROXY);
        connection.setRequestMethod(exchange.getRequestMethod());
        int status = connection.getResponseCode();
        try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
