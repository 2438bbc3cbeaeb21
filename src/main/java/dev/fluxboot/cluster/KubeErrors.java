package dev.fluxboot.cluster;

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
                    .orElseGet(() -> doing + " failed: " + firstLine(rootMessage(error)));
        }
        String serverMessage = serverMessage(error);
        return switch (code) {
            case 401 -> "the cluster at " + serverUrl + " rejected the credentials (401 Unauthorized); " + CHECK_CONFIG;
            case 403 -> "permission denied: " + serverMessage
                    + "; use a kubeconfig user allowed to install Flux (cluster-admin)";
            default -> doing + " failed: " + serverMessage;
        };
    }

    private static String serverMessage(KubernetesClientException error) {
        Status status = error.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return firstLine(status.getMessage());
        }
        return error.getCode() + (status != null && status.getReason() != null ? " " + status.getReason() : "");
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
                return Optional.of("TLS failed (" + firstLine(cause.getMessage()) + ")");
            }
        }
        return Optional.empty();
    }

    /** fabric8 wraps causes in "An error has occurred."; the innermost message says what. */
    private static String rootMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "unknown error";
        }
        return text.strip().lines().findFirst().orElse(text).strip();
    }
}
