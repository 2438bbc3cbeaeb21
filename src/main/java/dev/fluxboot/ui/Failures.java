package dev.fluxboot.ui;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What went wrong, in words, for a failure the tool did not phrase itself (a library's or the
 * JDK's exception): the reason a person can act on, never a Java class name ("connection
 * refused", not {@code ConnectException}; "no such file: x", not {@code NoSuchFileException}).
 * The class names stay in the {@code --verbose} stack trace. Known failures of files and
 * connections anywhere in the chain come first, then the innermost readable message.
 */
public final class Failures {

    /** {@code java.net.ConnectException: } at the start of a message that wraps another exception. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|$)");
    /** A qualified Java name anywhere ({@code io.fabric8.x.Y}): such a message is about the code, not the user's input. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:java|javax|jdk|sun|io|org|com|dev)\\.[a-z_]\\w*\\.[\\w.$]*");
    /** A bare exception class name ({@code NullPointerException}, {@code StackOverflowError}). */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b");
    private static final int MAX_LENGTH = 300;

    private Failures() {
    }

    /** The reason for the failure (its causes included), one line, no class names; never empty. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            String known = known(t);
            if (known != null) {
                return known;
            }
        }
        // the innermost readable message: outer ones of libraries mostly wrap it ("An error has occurred.")
        String message = null;
        for (Throwable t = failure; t != null; t = next(t)) {
            String text = clean(t.getMessage());
            if (text != null) {
                message = text;
            }
        }
        return message != null ? message : "an unexpected internal error";
    }

    /** Whether the text names a Java class or exception (for tests and last checks). */
    public static boolean namesJavaClass(String text) {
        return text != null && (QUALIFIED_NAME.matcher(text).find() || EXCEPTION_NAME.matcher(text).find());
    }

    private static String known(Throwable t) {
        if (t instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (t instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (t instanceof NotDirectoryException notDirectory) {
            return "not a directory: " + notDirectory.getFile();
        }
        if (t instanceof FileSystemException files) {
            return (files.getReason() == null ? "cannot access" : files.getReason()) + ": " + files.getFile();
        }
        if (t instanceof UnknownHostException) {
            return "unknown host" + (t.getMessage() == null ? "" : " " + firstWord(t.getMessage()));
        }
        if (t instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "timed out";
        }
        if (t instanceof SSLException) {
            String detail = clean(t.getMessage());
            return "TLS failed" + (detail == null ? "" : ": " + detail);
        }
        if (t instanceof EOFException) {
            return "the data ended too early";
        }
        if (t instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (t instanceof StackOverflowError) {
            return "the input is nested too deeply";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory";
        }
        return null;
    }

    /** The message without wrapped class names; null when nothing a person can read is left. */
    private static String clean(String message) {
        if (message == null) {
            return null;
        }
        String text = message.strip();
        String before;
        do {
            before = text;
            text = CLASS_PREFIX.matcher(text).replaceFirst("").strip();
        } while (!text.equals(before));
        text = text.lines().findFirst().orElse("").strip();
        if (text.isEmpty() || namesJavaClass(text)) {
            return null;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }

    private static String firstWord(String text) {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
