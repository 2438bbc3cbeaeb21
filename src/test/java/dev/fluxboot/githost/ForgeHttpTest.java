package dev.fluxboot.githost;

import com.sun.net.httpserver.HttpServer;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.RecordingReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForgeHttpTest {

    private HttpServer api;
    private HttpServer elsewhere;
    private final List<String> apiRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> elsewhereAuthorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger throttle = new AtomicInteger();
    private final List<Duration> slept = new ArrayList<>();
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void start() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            elsewhereAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            respond(exchange, 200, "{}");
        });
        elsewhere.start();
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            apiRequests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().set("Retry-After", "3");
                respond(exchange, 429, "");
            } else if (path.equals("/api/moved")) {
                exchange.getResponseHeaders().set("Location", "/api/here");
                respond(exchange, 301, "");
            } else if (path.equals("/api/away")) {
                exchange.getResponseHeaders().set("Location", "http://localhost:" + elsewhere.getAddress().getPort() + "/steal");
                respond(exchange, 302, "");
            } else {
                respond(exchange, 200, "{\"path\":\"" + path + "\"}");
            }
        });
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void followsARedirectOnTheSameOriginWithTheToken() {
        ForgeHttp.Response response = http(api.getAddress().getPort()).get("/moved");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("path").asText()).isEqualTo("/api/here");
        assertThat(apiRequests).containsExactly("GET /api/moved Bearer s3cret-token", "GET /api/here Bearer s3cret-token");
    }

    @Test
    void neverFollowsARedirectToAnotherHost() {
        ForgeHttp.Response response = http(api.getAddress().getPort()).get("/away");

        assertThat(response.status()).isEqualTo(302);
        assertThat(elsewhereAuthorizations).isEmpty();
    }

    @Test
    void retriesARateLimitedRequestAfterWaiting() {
        throttle.set(2);

        ForgeHttp.Response response = http(api.getAddress().getPort()).post("/things", Map.of("name", "x"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(slept).hasSize(2);
        assertThat(apiRequests).hasSize(3);
        assertThat(reporter.lines()).allMatch(line -> line.startsWith("◎ Test Forge rate limit reached, waiting until "));
    }

    @Test
    void aRefusedConnectionIsOneLine() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        assertThatThrownBy(() -> http(port).get("/x"))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("cannot reach Test Forge at http://127.0.0.1:" + port + "/api: cannot connect")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-token"));
    }

    private ForgeHttp http(int port) {
        RateLimitWaiter waiter = new RateLimitWaiter("Test Forge", Duration.ofMinutes(1), reporter, Clock.systemUTC(), slept::add);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return new ForgeHttp("Test Forge", URI.create("http://127.0.0.1:" + port + "/api"), client,
                Map.of("Authorization", "Bearer s3cret-token"), Duration.ofSeconds(10), waiter);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
