package dev.fluxboot.git;

import dev.fluxboot.ui.Redactor;

import dev.fluxboot.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A Git remote URL: {@code ssh://}, {@code https://} or {@code http://}. Its {@link #toString()}
 * never shows a password or token a user put into the URL.
 */
public final class GitUrl {

    private final URI uri;
    private final String scheme;

    private GitUrl(URI uri, String scheme) {
        this.uri = uri;
        this.scheme = scheme;
    }

    /**
     * Parses a remote URL. SCP-like addresses ({@code git@host:org/repo}) are refused, as the Flux
     * CLI refuses them: it needs {@code ssh://git@host/org/repo}.
     *
     * @throws UsageException naming the URL (without its credentials) and what to write instead
     */
    public static GitUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new UsageException("no Git repository URL given: pass --url");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UsageException("invalid Git repository URL '" + Redactor.stripUserInfo(url)
                    + "': use ssh://user@host/org/repo, https://host/org/repo or http://host/org/repo");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || uri.getHost() == null || scheme.isEmpty()) {
            throw new UsageException("invalid Git repository URL '" + Redactor.stripUserInfo(url)
                    + "': use ssh://user@host/org/repo, https://host/org/repo or http://host/org/repo");
        }
        if (!scheme.equals("ssh") && !scheme.equals("https") && !scheme.equals("http")) {
            throw new UsageException("scheme \"" + scheme + "\" is not supported in Git repository URL '"
                    + Redactor.stripUserInfo(url) + "': use ssh, https or http");
        }
        if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
            throw new UsageException("Git repository URL '" + Redactor.stripUserInfo(url)
                    + "' names no repository path");
        }
        return new GitUrl(uri, scheme);
    }

    /**
     * Flux's rule for plain http: refused unless {@code --allow-insecure-http} allows it.
     *
     * @throws UsageException for an http URL that is not allowed
     */
    public GitUrl requireSecure(boolean allowInsecureHttp) {
        if (scheme.equals("http") && !allowInsecureHttp) {
            throw new UsageException("scheme http is insecure, pass --allow-insecure-http=true to allow it");
        }
        return this;
    }

    /** {@code ssh}, {@code https} or {@code http}. */
    public String scheme() {
        return scheme;
    }

    public boolean isSsh() {
        return scheme.equals("ssh");
    }

    /** Host name as written in the URL (an IPv6 address without brackets). */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port in the URL, or the scheme's default (22, 443, 80). */
    public int port() {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return switch (scheme) {
            case "ssh" -> 22;
            case "https" -> 443;
            default -> 80;
        };
    }

    /** The user name in the URL (for SSH usually {@code git}), if any. */
    public Optional<String> user() {
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        return Optional.of(colon < 0 ? userInfo : userInfo.substring(0, colon));
    }

    /** The repository path, e.g. {@code /org/repo.git}. */
    public String path() {
        return uri.getPath();
    }

    /** The full URL including any credentials it holds: for the transport only, never for display. */
    String toPrivateString() {
        return uri.toString();
    }

    /** The URL for messages: for http(s) without user info, for ssh with the user name only. */
    @Override
    public String toString() {
        return Redactor.stripUserInfo(uri.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitUrl other && other.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }
}
