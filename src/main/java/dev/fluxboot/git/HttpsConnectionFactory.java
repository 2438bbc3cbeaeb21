package dev.fluxboot.git;

import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * HTTP connections for one remote: the proxy comes from the given selector (not from JGit's
 * JVM-wide default), https trusts the system store plus the extra CAs. Set on each transport,
 * so nothing global changes.
 */
final class HttpsConnectionFactory implements HttpConnectionFactory {

    private final JDKHttpConnectionFactory delegate = new JDKHttpConnectionFactory();
    private final TrustManager[] trustManagers;
    private final ProxySelector proxySelector;

    HttpsConnectionFactory(String extraCaPem, ProxySelector proxySelector) throws GeneralSecurityException {
        this.trustManagers = TlsTrust.trustManagers(extraCaPem);
        this.proxySelector = proxySelector;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, null);
    }

    @Override
    public HttpConnection create(URL url, Proxy ignoredJGitProxy) throws IOException {
        HttpConnection connection = delegate.create(url, proxyFor(url));
        if ("https".equalsIgnoreCase(url.getProtocol())) {
            try {
                connection.configure(null, trustManagers, null);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private Proxy proxyFor(URL url) {
        ProxySelector selector = proxySelector != null ? proxySelector : ProxySelector.getDefault();
        if (selector == null) {
            return Proxy.NO_PROXY;
        }
        try {
            List<Proxy> proxies = selector.select(url.toURI());
            return proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Proxy.NO_PROXY;
        }
    }
}
