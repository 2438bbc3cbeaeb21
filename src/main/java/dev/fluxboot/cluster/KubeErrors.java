package dev.fluxboot.cluster;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.FluxbootException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns what fabric8 throws into one line a user can act on: the cluster cannot be reached, the
 * credentials are rejected, the user lacks a permission, or the server refused one object (its
 * own message, which names the object and the field).
 */
final class KubeErrors {

    private static final String CHECK_CONFIG = "check --kubeconfig/--context";

    private final String serverUrl;

    KubeErrors(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /**
     * @param doing what failed, e.g. {@code apply Deployment/flux-system/x}, used when the server
     *              answered with an error about that request
     */
    FluxbootException translate(String doing, KubernetesClientException error) {
        return new FluxbootException(message(doing, error), error);
    }

    String message(String doing, KubernetesClientException error) {
        int code = error.getCode();
        if (code <= 0) {
            return unreachable(error).map(reason -> "cannot reach the cluster at " + serverUrl + ": " + reason + "; " + CHECK_CONFIG)
                    .orElseGet(() -> doing + " failed: " + Failures.reason(error));
        }
        String serverMessage = serverMessage(error);
        Optional<String> terminating = terminatingNamespace(error);
        if (terminating.isPresent()) {
            return namespaceBeingDeleted(terminating.get());
        }
        return switch (code) {
            case 401 -> "the cluster at " + serverUrl + " rejected the credentials (401 Unauthorized); " + CHECK_CONFIG;
            case 403 -> "permission denied: " + serverMessage
                    + "; use a kubeconfig user allowed to install Flux (cluster-admin)";
            default -> doing + " failed: " + serverMessage;
        };
    }

    /** One line for a namespace that is being deleted: no permission helps, only waiting. */
    static String namespaceBeingDeleted(String namespace) {
        return "namespace \"" + namespace + "\" is being deleted (Terminating): wait until it is gone (kubectl get"
                + " namespace " + namespace + "), or choose another --namespace, then run again";
    }

    /**
     * The namespace of a request refused because the namespace is being deleted: the API server's
     * NamespaceLifecycle admission answers 403 with a {@code NamespaceTerminating} cause.
     */
    private static Optional<String> terminatingNamespace(KubernetesClientException error) {
        Status status = error.getStatus();
        if (status == null || status.getDetails() == null || status.getDetails().getCauses() == null) {
            return Optional.empty();
        }
        boolean terminating = status.getDetails().getCauses().stream()
                .anyMatch(cause -> "NamespaceTerminating".equals(cause.getReason()));
        if (!terminating) {
            return Optional.empty();
        }
        String message = status.getMessage() == null ? "" : status.getMessage();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("in namespace (\\S+) because it is being terminated")
                .matcher(message);
        return Optional.of(matcher.find() ? matcher.group(1) : "");
    }

    private static String serverMessage(KubernetesClientException error) {
        Status status = error.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return firstLine(status.getMessage());
        }
        return error.getCode() + (status != null && status.getReason() != null ? " " + status.getReason() : "");
    }

    /** The innermost TLS or certificate reason: the outer ones (vert.x's) only say that TLS failed. */
    private static String deepestTlsReason(Throwable error) {
        String reason = error.getMessage();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if ((cause instanceof SSLException || cause instanceof java.security.cert.CertificateException
                    || cause instanceof java.security.GeneralSecurityException) && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason == null ? "handshake failed" : reason;
    }

    private static Optional<String> unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Optional.of("connection refused");
            }
            if (cause instanceof UnknownHostException) {
                return Optional.of("unknown host " + cause.getMessage());
            }
            if (cause instanceof NoRouteToHostException) {
                return Optional.of("no route to host");
            }
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return Optional.of("connection timed out");
            }
            if (cause instanceof SSLException) {
                return Optional.of("TLS failed (" + firstLine(deepestTlsReason(cause)) + "; the server's certificate"
                        + " authority, --tls-server-name or --insecure-skip-tls-verify may be wrong)");
            }
        }
        return Optional.empty();
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "unknown error";
        }
        return text.strip().lines().findFirst().orElse(text).strip();
    }
}
