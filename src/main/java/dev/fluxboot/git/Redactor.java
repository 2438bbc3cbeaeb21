package dev.fluxboot.git;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text before it reaches a message: the user info of http(s) URLs,
 * the password part of any URL, and every secret it was given, wherever it appears.
 */
final class Redactor {

    static final String MASK = "***";

    /** scheme://userinfo@ ; userinfo has no '/', '@' or white space. */
    private static final Pattern URL_USER_INFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*)://([^/@\\s]*)@");

    /** Shorter secrets would mask ordinary words; none of ours are that short in practice. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    Redactor(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                kept.add(secret);
                String trimmed = secret.strip();
                if (!trimmed.equals(secret) && trimmed.length() >= MIN_SECRET_LENGTH) {
                    kept.add(trimmed);
                }
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(kept);
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = stripUserInfo(text);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * Removes user info from URLs in the text: all of it for http(s) (a token is often the user
     * name), the password only for other schemes (ssh://git@host stays readable).
     */
    static String stripUserInfo(String text) {
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
