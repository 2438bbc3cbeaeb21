package dev.fluxboot.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it reaches a message, a log or the terminal: every secret
 * value it was given (as written, trimmed, base64-encoded, and each long line of a multi-line
 * value such as a private key), the user info of URLs, and {@code password=...}-style pairs.
 * A last line of defence: messages are written without secrets in the first place. Outside
 * text (a library's or a server's message, a stack trace) goes through {@link #redact}; the
 * tool's own messages through {@link #redactMessage}, which never masks the tool's words.
 */
public final class Redactor {

    public static final String MASK = "***";

    /** scheme://userinfo@ ; userinfo has no '/', '@' or white space. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*)://([^/@\\s]*)@");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|token|secret|authorization)(\\s*[=:]\\s*)(\"?)[^\\s\",;&]+");

    /** What the words of a message are made of: a secret of only these may be one of them. */
    private static final Pattern WORD_LIKE = Pattern.compile("[\\p{L}-]+");
    /** Shorter values would mask ordinary words of a message; real secrets are longer. */
    private static final int MIN_SECRET_LENGTH = 4;
    /** A line of a multi-line secret (a PEM body line) is masked on its own only when this long. */
    private static final int MIN_LINE_LENGTH = 16;

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            kept.add(secret);
            String trimmed = secret.strip();
            if (!trimmed.equals(secret) && trimmed.length() >= MIN_SECRET_LENGTH) {
                kept.add(trimmed);
            }
            kept.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            if (secret.indexOf('\n') >= 0) {
                for (String line : secret.split("\n")) {
                    if (line.strip().length() >= MIN_LINE_LENGTH) {
                        kept.add(line.strip());
                    }
                }
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(kept);
    }

    public static Redactor of(String... secrets) {
        return new Redactor(List.of(secrets));
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = stripUserInfo(text);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return SECRET_PAIR.matcher(result).replaceAll("$1$2$3" + MASK);
    }

    /**
     * For fluxboot's own messages ({@code FluxbootException}s), which quote outside text only
     * after redacting it where they quote it: URL user info goes, and every secret value that
     * cannot be one of the message's own words. A value made only of letters and hyphens
     * ({@code pass}, {@code insecure-http}) is left alone, so that "pass --password" never reads
     * "*** --password"; the {@code password=...} pattern is not applied either ("the password or
     * token: pass ..." is the tool's text).
     */
    public String redactMessage(String message) {
        if (message == null) {
            return null;
        }
        String result = stripUserInfo(message);
        for (String secret : secrets) {
            if (!WORD_LIKE.matcher(secret).matches()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * Removes user info from URLs in the text: all of it for http(s) (a token is often the user
     * name), the password only for other schemes (ssh://git@host stays readable).
     */
    public static String stripUserInfo(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL_USER_INFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String scheme = m.group(1);
            String userInfo = m.group(2);
            String replacement;
            if (scheme.toLowerCase().startsWith("http")) {
                replacement = scheme + "://";
            } else {
                int colon = userInfo.indexOf(':');
                String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
                replacement = scheme + "://" + (user.isEmpty() ? "" : user + "@");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
