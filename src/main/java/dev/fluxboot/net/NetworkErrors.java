package dev.fluxboot.net;

import dev.fluxboot.ui.Failures;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Short, human descriptions of network failures for one-line error messages. The JDK HTTP
 * client often throws exceptions without a message (a refused connection is a bare
 * {@code ConnectException}), which would make "failed: null".
 */
public final class NetworkErrors {

    private NetworkErrors() {
    }

    /**
     * Whether the failure happened before any answer: no route, no name, refused, no TLS
     * agreement, no response in time. Such a failure says "offline or blocked", not "broken transfer".
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof HttpTimeoutException
                    || t instanceof SSLException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "host not found" + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage() + " (private CA or TLS-inspecting proxy? point SSL_CERT_FILE at its PEM file)";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "cannot connect: connection refused";
            }
        }
        return Failures.reason(failure);
    }
}
