package dev.fluxboot.githost;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.net.NetworkErrors;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one-line failures every forge shares. None of them takes a token; server text goes
 * through {@link #detail(String, String)} first, which masks the token should a server echo it.
 */
public final class ForgeErrors {

    private static final int MAX_DETAIL = 200;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ForgeErrors() {
    }

    /** 401: the token is wrong, expired or revoked. */
    public static FluxbootException badToken(String forge, String tokenVariable) {
        return new FluxbootException(forge + " rejected the token (401 Unauthorized): check that " + tokenVariable
                + " holds a valid token that has not expired or been revoked");
    }

    /** 403 because of a missing token scope, named when the forge says which. */
    public static FluxbootException missingScope(String forge, String action, Optional<String> scope, String tokenVariable) {
        String what = scope.filter(s -> !s.isBlank())
                .map(s -> "the token in " + tokenVariable + " lacks the '" + s + "' scope: create a token with it")
                .orElse("the token in " + tokenVariable + " lacks a scope this needs: create a token with the scopes the forge documents for it");
        return new FluxbootException(forge + " refused to " + action + " (403 Forbidden): " + what);
    }

    /** 403 for lack of a role or permission (the token's scopes are fine). */
    public static FluxbootException forbidden(String forge, String action, String advice) {
        return new FluxbootException(forge + " refused to " + action + " (403 Forbidden): " + advice);
    }

    /** The forge cannot be reached at all (no route, no name, refused, TLS). */
    public static FluxbootException unreachable(String forge, URI api, Throwable failure) {
        String where = forge + " at " + api;
        if (isTls(failure)) {
            return new FluxbootException("cannot reach " + where + ": TLS failed (" + tlsReason(failure)
                    + "): if the server's certificate comes from a private CA, pass that CA with --ca-file", failure);
        }
        return new FluxbootException("cannot reach " + where + ": " + NetworkErrors.describe(failure)
                + ": check --hostname" + " (or --api-url) and the proxy settings (HTTPS_PROXY, NO_PROXY)", failure);
    }

    /** A rate limit that resets later than {@code --timeout} allows to wait. */
    public static FluxbootException rateLimited(String forge, Instant reset, Duration timeout) {
        return new FluxbootException(forge + " rate limit reached; it resets at " + utc(reset)
                + ", later than --timeout (" + GoDuration.format(timeout) + ") allows to wait: run again after that time");
    }

    /** Any other answer the tool cannot use: status and what the server said. */
    public static FluxbootException unexpected(String forge, String action, int status, String serverText, String token) {
        String detail = detail(serverText, token);
        return new FluxbootException(forge + " failed to " + action + " (HTTP " + status + ")"
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    /** Server text fit for a one-line message: white space collapsed, the token masked, at most 200 characters. */
    public static String detail(String serverText, String token) {
        if (serverText == null) {
            return "";
        }
        String text = serverText.replaceAll("\\s+", " ").strip();
        if (token != null && token.length() >= 4) {
            text = text.replace(token, "***");
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    /** An instant as {@code 2024-05-01 12:34:56 UTC}. */
    public static String utc(Instant instant) {
        return UTC_TIME.format(instant);
    }

    static boolean isTls(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
            // HttpsURLConnection's own host name check (gitlab4j's transport) is a plain IOException.
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().startsWith("HTTPS hostname wrong")) {
                return true;
            }
        }
        return false;
    }

    private static String tlsReason(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? Failures.reason(failure) : deepest.getMessage();
        return detail(message, null);
    }
}
