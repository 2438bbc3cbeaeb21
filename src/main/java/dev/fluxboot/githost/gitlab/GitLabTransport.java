package dev.fluxboot.githost.gitlab;

import dev.fluxboot.net.EnvProxySelector;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;

import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the connections of the GitLab client: the proxy the environment names for the URL (or
 * none), TLS trusting the system CAs plus {@code --ca-file}. Nothing JVM-wide is changed.
 */
final class GitLabTransport implements HttpUrlConnectorProvider.ConnectionFactory {

    private final SSLSocketFactory sockets;
    private final EnvProxySelector proxies;

    GitLabTransport(SSLContext tls, EnvProxySelector proxies) {
        this.sockets = tls.getSocketFactory();
        this.proxies = proxies;
    }

    @Override
    public HttpURLConnection getConnection(URL url) throws IOException {
        return getConnection(url, null);
    }

    @Override
    public HttpURLConnection getConnection(URL url, Proxy ignoredJerseyProxy) throws IOException {
        Optional<EnvProxySelector.ProxyEndpoint> endpoint = proxyFor(url);
        Proxy proxy = endpoint.map(e -> new Proxy(Proxy.Type.HTTP, e.address())).orElse(Proxy.NO_PROXY);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(proxy);
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets);
        }
        endpoint.flatMap(EnvProxySelector.ProxyEndpoint::credentials)
                .ifPresent(credentials -> connection.setAuthenticator(proxyOnly(endpoint.get().address(), credentials)));
        return connection;
    }

    private Optional<EnvProxySelector.ProxyEndpoint> proxyFor(URL url) {
        try {
            return proxies.proxyFor(url.toURI());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Answers only the proxy's challenges: GitLab itself never sees the proxy credentials. */
    private static Authenticator proxyOnly(InetSocketAddress proxy, PasswordAuthentication credentials) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() == RequestorType.PROXY
                        && proxy.getHostString().equalsIgnoreCase(getRequestingHost())
                        && proxy.getPort() == getRequestingPort()) {
                    return credentials;
                }
                return null;
            }
        };
    }
}
