package dev.fluxboot.git;

import dev.fluxboot.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL the cluster syncs from, as the Flux CLI writes it into gotk-sync.yaml, made from the URL
 * the tool clones: the one place that rewrites repository URLs.
 */
public final class SyncUrls {

    private SyncUrls() {
    }

    /**
     * Flux's SSH sync URL: scheme ssh, the URL's user unless {@code username} names another (default
     * {@code git}), the host of {@code sshHostname} ({@code host[:port]}) when given, else the URL's
     * host and port.
     */
    public static String ssh(String url, String username, Optional<String> sshHostname) {
        URI uri = uri(url);
        String user = uri.getRawUserInfo() == null || !username.equals("git") ? username : userOf(uri.getRawUserInfo());
        String authority = sshHostname.filter(h -> !h.isBlank()).map(String::strip)
                .orElse(uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        return "ssh://" + user + "@" + authority + tail(uri);
    }

    /** Token auth: no credentials in the URL; https unless plain http was allowed. */
    public static String http(String url, boolean allowInsecureHttp) {
        URI uri = uri(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            authority = uri.getHost();
        }
        if (!allowInsecureHttp || !scheme.equals("http")) {
            scheme = "https";
        }
        return scheme + "://" + authority + tail(uri);
    }

    /** The host and port (22 when none) an SSH sync URL names, for its known_hosts line. */
    public static HostPort sshHost(String syncUrl) {
        URI uri = uri(syncUrl);
        if (uri.getHost() == null) {
            throw new UsageException("invalid SSH host in sync URL " + syncUrl + ": check --ssh-hostname (host or host:port)");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new HostPort(host, uri.getPort() > 0 ? uri.getPort() : 22);
    }

    /** A host and port to reach or scan. */
    public record HostPort(String host, int port) {
    }

    private static String tail(URI uri) {
        return (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static String userOf(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    private static URI uri(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UsageException("invalid Git repository URL (--url)");
        }
    }
}
