package dev.fluxboot.git;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings that are not credentials.
 *
 * @param caCertificatesPem extra CA certificates (PEM, the content of {@code --ca-file}) trusted on
 *                          top of the system trust store for https; {@code null} for none
 * @param allowInsecureHttp whether plain {@code http://} may be used ({@code --allow-insecure-http})
 * @param proxySelector     chooses the proxy for http(s) connections; {@code null} for the JVM's
 *                          default selector at the time of connecting. SSH never uses a proxy.
 * @param timeout           connect and read timeout of each network operation
 */
public record TransportOptions(String caCertificatesPem, boolean allowInsecureHttp,
                               ProxySelector proxySelector, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public TransportOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static TransportOptions defaults() {
        return new TransportOptions(null, false, null, DEFAULT_TIMEOUT);
    }

    public TransportOptions withCaCertificates(String pem) {
        return new TransportOptions(pem, allowInsecureHttp, proxySelector, timeout);
    }

    public TransportOptions withAllowInsecureHttp(boolean allow) {
        return new TransportOptions(caCertificatesPem, allow, proxySelector, timeout);
    }

    public TransportOptions withProxySelector(ProxySelector selector) {
        return new TransportOptions(caCertificatesPem, allowInsecureHttp, selector, timeout);
    }

    public TransportOptions withTimeout(Duration newTimeout) {
        return new TransportOptions(caCertificatesPem, allowInsecureHttp, proxySelector, newTimeout);
    }
}
