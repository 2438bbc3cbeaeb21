package dev.fluxboot.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HTTPS server on loopback whose certificate only an extra CA file makes trusted. */
class HttpClientsTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private HttpsServer server;
    private Path caFile;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        caFile = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=fluxboot test server", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-file", caFile.toString(),
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = "secure hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theSystemTrustStoreAloneRefusesThePrivateCertificate() {
        HttpClients clients = HttpClients.fromEnvironment(Map.of());

        assertThatThrownBy(() -> get(clients)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void anExtraCaFileMakesItTrusted() throws Exception {
        HttpClients clients = HttpClients.fromEnvironment(Map.of()).withExtraCaFile(caFile);

        HttpResponse<String> response = get(clients);

        assertThat(response.body()).isEqualTo("secure hello");
    }

    @Test
    void sslCertFileFromTheEnvironmentIsAnExtraCaFile() throws Exception {
        HttpClients clients = HttpClients.fromEnvironment(Map.of("SSL_CERT_FILE", caFile.toString()));

        assertThat(get(clients).statusCode()).isEqualTo(200);
    }

    @Test
    void theExtraCaIsAddedToTheSystemCasNotInsteadOfThem() {
        X509TrustManager system = TrustStores.trustManager(Optional.empty());
        X509TrustManager merged = TrustStores.trustManager(Optional.of(caFile));
        X509Certificate extra = TrustStores.readCertificates(caFile).get(0);

        assertThat(system.getAcceptedIssuers()).isNotEmpty();
        assertThat(merged.getAcceptedIssuers()).contains(system.getAcceptedIssuers()).contains(extra);
        assertThat(merged.getAcceptedIssuers()).hasSize(system.getAcceptedIssuers().length + 1);
    }

    @Test
    void aBadCaFileIsOneClearError() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");

        assertThatThrownBy(() -> HttpClients.fromEnvironment(Map.of()).withExtraCaFile(dir.resolve("absent.pem")).newClient())
                .isInstanceOf(FluxbootException.class)
                .hasMessage("CA file " + dir.resolve("absent.pem") + " does not exist: give the path of a PEM file with CA certificates");
        assertThatThrownBy(() -> HttpClients.fromEnvironment(Map.of()).withExtraCaFile(notPem).newClient())
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("CA file " + notPem + " holds no");
    }

    private HttpResponse<String> get(HttpClients clients) throws IOException, InterruptedException {
        URI target = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
        return clients.newClient().send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool + ": skipped");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool: %s", output).isZero();
    }
}
