package dev.fluxboot.net;

import dev.fluxboot.UsageException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the proxy for each connection from the environment, as the Flux CLI (Go's
 * {@code net/http}) does: {@code HTTPS_PROXY}/{@code https_proxy} for https URLs,
 * {@code HTTP_PROXY}/{@code http_proxy} for http URLs (upper case wins), never for
 * {@code localhost} or loopback addresses, and never for hosts {@code NO_PROXY}/{@code no_proxy}
 * names. A proxy value without a scheme means {@code http://}. Only HTTP proxies are supported
 * (the JDK HTTP client cannot talk to SOCKS or TLS proxies); anything else is a usage error.
 */
public final class EnvProxySelector extends ProxySelector {

    private final Optional<ProxyEndpoint> httpProxy;
    private final Optional<ProxyEndpoint> httpsProxy;
    private final NoProxyRules noProxy;

    private EnvProxySelector(Optional<ProxyEndpoint> httpProxy, Optional<ProxyEndpoint> httpsProxy, NoProxyRules noProxy) {
        this.httpProxy = httpProxy;
        this.httpsProxy = httpsProxy;
        this.noProxy = noProxy;
    }

    /** Reads the proxy variables from {@code env} (in production {@link System#getenv()}). */
    public static EnvProxySelector fromEnvironment(Map<String, String> env) {
        return new EnvProxySelector(
                endpoint(env, "HTTP_PROXY", "http_proxy"),
                endpoint(env, "HTTPS_PROXY", "https_proxy"),
                NoProxyRules.parse(first(env, "NO_PROXY", "no_proxy").orElse("")));
    }

    /** No proxy at all. */
    public static EnvProxySelector direct() {
        return new EnvProxySelector(Optional.empty(), Optional.empty(), NoProxyRules.parse(""));
    }

    @Override
    public List<Proxy> select(URI uri) {
        return proxyFor(uri)
                .map(endpoint -> List.of(new Proxy(Proxy.Type.HTTP, endpoint.address())))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to remember: the caller reports the failure.
    }

    /** The proxy a request to {@code target} goes through; empty for a direct connection. */
    public Optional<ProxyEndpoint> proxyFor(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        Optional<ProxyEndpoint> candidate = switch (scheme) {
            case "https", "wss" -> httpsProxy;
            case "http", "ws" -> httpProxy;
            default -> Optional.empty();
        };
        String host = target.getHost();
        if (candidate.isEmpty() || host == null || isLocal(host)) {
            return Optional.empty();
        }
        int port = target.getPort() >= 0 ? target.getPort() : (scheme.startsWith("https") || scheme.equals("wss") ? 443 : 80);
        return noProxy.bypass(host, port) ? Optional.empty() : candidate;
    }

    /** The proxies the environment names (for http and for https URLs), whatever {@code NO_PROXY} says. */
    public List<ProxyEndpoint> configuredProxies() {
        return java.util.stream.Stream.of(httpProxy, httpsProxy).flatMap(Optional::stream).toList();
    }

    private static boolean isLocal(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        return NoProxyRules.literalAddress(host).map(ip -> ip.isLoopbackAddress()).orElse(false);
    }

    private static Optional<String> first(Map<String, String> env, String upper, String lower) {
        for (String name : List.of(upper, lower)) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<ProxyEndpoint> endpoint(Map<String, String> env, String upper, String lower) {
        String variable = env.get(upper) != null && !env.get(upper).isBlank() ? upper : lower;
        return first(env, upper, lower).map(value -> ProxyEndpoint.parse(variable, value));
    }

    /**
     * One proxy: where it listens and, when its URL carries {@code user:password@}, the
     * credentials for it. {@link #toString()} never shows the password.
     */
    public record ProxyEndpoint(InetSocketAddress address, Optional<PasswordAuthentication> credentials) {

        static ProxyEndpoint parse(String variable, String value) {
            String text = value.contains("://") ? value : "http://" + value;
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new UsageException(variable + " is not a proxy URL: use http://host:port");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http")) {
                throw new UsageException(variable + " uses a " + scheme
                        + ":// proxy; only http:// proxies are supported: use http://host:port");
            }
            if (uri.getHost() == null) {
                throw new UsageException(variable + " is not a proxy URL: use http://host:port");
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : 80;
            Optional<PasswordAuthentication> credentials = Optional.ofNullable(uri.getRawUserInfo()).map(info -> {
                int colon = info.indexOf(':');
                String user = decode(colon < 0 ? info : info.substring(0, colon));
                String password = colon < 0 ? "" : decode(info.substring(colon + 1));
                return new PasswordAuthentication(user, password.toCharArray());
            });
            return new ProxyEndpoint(InetSocketAddress.createUnresolved(uri.getHost(), port), credentials);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "http://" + address.getHostString() + ":" + address.getPort();
        }
    }
}
