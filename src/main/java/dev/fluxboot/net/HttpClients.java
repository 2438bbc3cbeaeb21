package dev.fluxboot.net;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Makes the JDK HTTP clients every outbound connection of the tool uses (release downloads,
 * forge APIs, Git over HTTPS), so all of them honour the same proxy variables and the same
 * extra CA file. Immutable; {@code with...} methods return a changed copy.
 *
 * <p>{@link #fromEnvironment(Map)} also takes {@code SSL_CERT_FILE}, which the Flux CLI (Go)
 * honours on Linux, as an extra CA file; unlike Go it is added to the system trust store
 * rather than replacing it.
 */
public final class HttpClients {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final EnvProxySelector proxies;
    private final Optional<Path> extraCaFile;
    private final Duration connectTimeout;

    public HttpClients(EnvProxySelector proxies, Optional<Path> extraCaFile, Duration connectTimeout) {
        this.proxies = proxies;
        this.extraCaFile = extraCaFile;
        this.connectTimeout = connectTimeout;
    }

    /** Proxies from the proxy variables, extra CA from {@code SSL_CERT_FILE} when set. */
    public static HttpClients fromEnvironment(Map<String, String> env) {
        Optional<Path> caFile = Optional.ofNullable(env.get("SSL_CERT_FILE")).filter(v -> !v.isBlank()).map(Path::of);
        return new HttpClients(EnvProxySelector.fromEnvironment(env), caFile, DEFAULT_CONNECT_TIMEOUT);
    }

    /** A copy that also trusts the CAs in {@code caFile} (e.g. {@code --ca-file}); replaces a previous extra file. */
    public HttpClients withExtraCaFile(Path caFile) {
        return new HttpClients(proxies, Optional.of(caFile), connectTimeout);
    }

    public HttpClients withConnectTimeout(Duration timeout) {
        return new HttpClients(proxies, extraCaFile, timeout);
    }

    /** A new client: proxies from the environment, merged trust, connect timeout, redirects followed (not https to http). */
    public HttpClient newClient() {
        return newClient(HttpClient.Redirect.NORMAL);
    }

    /**
     * As {@link #newClient()} with another redirect policy: API clients that send a token and
     * follow redirects themselves (dropping the token for other hosts) ask for {@code NEVER}.
     */
    public HttpClient newClient(HttpClient.Redirect redirects) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .proxy(proxies)
                .sslContext(sslContext())
                .connectTimeout(connectTimeout)
                .followRedirects(redirects);
        proxyAuthenticator().ifPresent(builder::authenticator);
        return builder.build();
    }

    /** The TLS context of {@link #newClient()}, for clients that are not the JDK's (e.g. JGit). */
    public SSLContext sslContext() {
        return TrustStores.sslContext(extraCaFile);
    }

    /** The proxy choice of {@link #newClient()}, for clients that are not the JDK's (e.g. JGit). */
    public EnvProxySelector proxySelector() {
        return proxies;
    }

    public Optional<Path> extraCaFile() {
        return extraCaFile;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Answers proxy authentication challenges with the credentials from the proxy URL, and only
     * for that proxy: origin servers never see them.
     */
    private Optional<Authenticator> proxyAuthenticator() {
        List<EnvProxySelector.ProxyEndpoint> withCredentials = proxies.configuredProxies().stream()
                .filter(endpoint -> endpoint.credentials().isPresent())
                .toList();
        if (withCredentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                for (EnvProxySelector.ProxyEndpoint endpoint : withCredentials) {
                    if (endpoint.address().getHostString().equalsIgnoreCase(getRequestingHost())
                            && endpoint.address().getPort() == getRequestingPort()) {
                        return endpoint.credentials().get();
                    }
                }
                return null;
            }
        });
    }
}
