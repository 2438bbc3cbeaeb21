package dev.fluxboot.net;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpClientsRedirectTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/here");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/here", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int status(HttpClient client) throws Exception {
        URI moved = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/moved");
        return client.send(HttpRequest.newBuilder(moved).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theDefaultClientFollowsRedirectsAndANeverClientHandsThemBack() throws Exception {
        HttpClients clients = HttpClients.fromEnvironment(Map.of());

        assertThat(status(clients.newClient())).isEqualTo(200);
        assertThat(status(clients.newClient(HttpClient.Redirect.NEVER))).isEqualTo(302);
    }
}
