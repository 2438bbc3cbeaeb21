package dev.fluxboot.cli;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Blanks secrets out of text bound for stderr: values the user gave as secrets, the
 * user-info of URLs ({@code https://user:token@host}) and {@code password=...}-style pairs.
 * A last line of defence; messages are written without secrets in the first place.
 */
final class Redactor {

    static final String MASK = "***";

    private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|token|secret|authorization)(\\s*[=:]\\s*)(\"?)[^\\s\",;&]+");

    /**
     * Shorter values are not replaced: they would match inside ordinary words and garble the
     * message, and no message is written with a secret in it in the first place.
     */
    static final int SHORTEST_SECRET = 4;

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream()
                .filter(s -> s != null && s.length() >= SHORTEST_SECRET)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = URL_USER_INFO.matcher(result).replaceAll("$1" + MASK + "@");
        return SECRET_PAIR.matcher(result).replaceAll("$1$2$3" + MASK);
    }
}
