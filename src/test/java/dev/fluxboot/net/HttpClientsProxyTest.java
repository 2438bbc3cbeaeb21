package dev.fluxboot.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client from {@link HttpClients} against a real origin and a real forward proxy, both on loopback. */
class HttpClientsProxyTest {

    private HttpServer origin;
    private final AtomicInteger originRequests = new AtomicInteger();
    private TestHttpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            originRequests.incrementAndGet();
            byte[] body = "hello from origin".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        origin.start();
        proxy = new TestHttpProxy();
    }

    @AfterEach
    void stop() {
        proxy.close();
        origin.stop(0);
    }

    @Test
    void theProxyReceivesTheRequestWhenHttpProxyIsSet() throws Exception {
        // Given a host name only the proxy can reach
        URI target = URI.create("http://origin.fluxboot.invalid:" + origin.getAddress().getPort() + "/hello");
        HttpClients clients = HttpClients.fromEnvironment(Map.of("HTTP_PROXY", "http://" + proxy.address()));

        // When
        HttpResponse<String> response = get(clients, target);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from origin");
        assertThat(proxy.requests()).containsExactly(target);
        assertThat(originRequests).hasValue(1);
    }

    @Test
    void theProxyIsBypassedWhenNoProxyMatches() {
        // Given the same set-up, with the host in NO_PROXY: the client must go direct, where the name resolves nowhere
        URI target = URI.create("http://origin.fluxboot.invalid:" + origin.getAddress().getPort() + "/hello");
        HttpClients clients = HttpClients.fromEnvironment(Map.of(
                "HTTP_PROXY", "http://" + proxy.address(), "NO_PROXY", "localhost,.fluxboot.invalid"));

        // Then
        assertThatThrownBy(() -> get(clients, target)).isInstanceOf(IOException.class);
        assertThat(proxy.requests()).isEmpty();
        assertThat(originRequests).hasValue(0);
    }

    @Test
    void loopbackTargetsGoDirectEvenWithAProxy() throws Exception {
        URI target = URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/hello");
        HttpClients clients = HttpClients.fromEnvironment(Map.of("HTTP_PROXY", "http://" + proxy.address()));

        HttpResponse<String> response = get(clients, target);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(proxy.requests()).isEmpty();
        assertThat(originRequests).hasValue(1);
    }

    @Test
    void anHttpsProxyIsNotUsedForHttpUrls() {
        URI target = URI.create("http://origin.fluxboot.invalid:" + origin.getAddress().getPort() + "/hello");
        HttpClients clients = HttpClients.fromEnvironment(Map.of("HTTPS_PROXY", "http://" + proxy.address()));

        assertThatThrownBy(() -> get(clients, target)).isInstanceOf(IOException.class);
        assertThat(proxy.requests()).isEmpty();
    }

    private static HttpResponse<String> get(HttpClients clients, URI target) throws IOException, InterruptedException {
        return clients.newClient().send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
