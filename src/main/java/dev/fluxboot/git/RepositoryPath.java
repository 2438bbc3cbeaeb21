package dev.fluxboot.git;

import dev.fluxboot.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder of the repository as a user names it ({@code --path}): relative to the repository
 * root and inside it. The Flux CLI cleans any value into the repository ({@code ..} becomes the
 * root, {@code /x} becomes {@code x}), so a slip writes Flux's files where nobody meant them and
 * syncs more than was meant; here such a value is refused, naming it.
 *
 * <p>Accepted: {@code ""} and {@code .} (the root), and {@code /}-separated folder names, with
 * an optional leading {@code ./} and trailing {@code /} ({@code ./clusters/prod/}); {@code .} and
 * empty segments are dropped. Refused: absolute paths, {@code ..} anywhere, {@code .git},
 * backslashes and control characters.
 */
public final class RepositoryPath {

    private final String value;

    private RepositoryPath(String value) {
        this.value = value;
    }

    /**
     * @param flag  the flag the value came from, for the message ({@code --path})
     * @param given the value as given; {@code null} means the root
     * @throws UsageException naming the flag and the value when it is not a clean relative path
     */
    public static RepositoryPath parse(String flag, String given) {
        String text = given == null ? "" : given.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                throw refused(flag, given, "has a control character");
            }
            if (c == '\\') {
                throw refused(flag, given, "has a backslash (folders are separated by /)");
            }
        }
        if (text.startsWith("/")) {
            throw refused(flag, given, "is absolute");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw refused(flag, given, "leaves the repository (..)");
            }
            if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw refused(flag, given, "names Git's own .git folder");
            }
            segments.add(segment);
        }
        return new RepositoryPath(String.join("/", segments));
    }

    private static UsageException refused(String flag, String given, String why) {
        return new UsageException(flag + " " + quote(given) + " " + why
                + ": give a folder relative to the repository root, e.g. " + flag + "=clusters/my-cluster");
    }

    /**
     * The value in double quotes, with control and invisible characters written as escapes, so
     * the message stays one visible line.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** The folder, {@code /}-separated, without {@code ./} or slashes at the ends; {@code ""} for the root. */
    public String value() {
        return value;
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepositoryPath path && path.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
