package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The key/value pairs of a generator, read as kustomize's kv loader reads them: env files (one
 * {@code KEY=value} a line; blank lines and {@code #} comments skipped; leading white space
 * trimmed, the rest kept; a line without {@code =} gives an empty value; a byte order mark on the
 * first line dropped), then literals ({@code KEY=value}, a value in matching single or double
 * quotes unquoted), then files ({@code path} under its base name, or {@code KEY=path}).
 *
 * <p>Messages name the entry and the source, never a value: a Secret's values must not be printed.
 */
final class KeyValueSources {

    /** A key and its bytes. */
    record Pair(String key, byte[] value) {
    }

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private KeyValueSources() {
    }

    /**
     * @param read the content of a file named by the entry, relative to its kustomization; it
     *             throws a message naming the file when it is missing or outside the folder
     */
    static List<Pair> load(GeneratorArgs args, Function<String, byte[]> read) {
        List<Pair> pairs = new ArrayList<>();
        for (String env : args.envs()) {
            pairs.addAll(envFile(args, env, read.apply(env)));
        }
        for (int i = 0; i < args.literals().size(); i++) {
            pairs.add(literal(args, i, args.literals().get(i)));
        }
        for (String source : args.files()) {
            String[] keyAndPath = fileSource(args, source);
            pairs.add(new Pair(keyAndPath[0], read.apply(keyAndPath[1])));
        }
        return pairs;
    }

    private static Pair literal(GeneratorArgs args, int index, String source) {
        int equals = source.indexOf('=');
        if (equals <= 0) {
            throw new FluxbootException(args.where() + ": literals[" + index + "] is not KEY=value"
                    + (equals == 0 ? " (it has no key)" : "") + "; write it as KEY=value");
        }
        String value = source.substring(equals + 1);
        if (value.length() >= 2 && value.charAt(0) == value.charAt(value.length() - 1)
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            value = value.substring(1, value.length() - 1);
        }
        return new Pair(source.substring(0, equals), value.getBytes(StandardCharsets.UTF_8));
    }

    /** Kustomize's ParseFileSource: {@code [key, path]}. */
    private static String[] fileSource(GeneratorArgs args, String source) {
        long separators = source.chars().filter(c -> c == '=').count();
        if (separators == 0) {
            return new String[] {baseName(source), source};
        }
        if (separators > 1) {
            throw new FluxbootException(args.where() + ": files entry '" + source
                    + "' has more than one '='; write KEY=path, without '=' in the key or the path");
        }
        int equals = source.indexOf('=');
        if (equals == 0) {
            throw new FluxbootException(args.where() + ": files entry '" + source + "' has no key before '='");
        }
        if (equals == source.length() - 1) {
            throw new FluxbootException(args.where() + ": files entry '" + source + "' has no path after '='");
        }
        return new String[] {source.substring(0, equals), source.substring(equals + 1)};
    }

    /** Go's path.Base. */
    private static String baseName(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return ".";
        }
        if (trimmed.equals("/")) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static List<Pair> envFile(GeneratorArgs args, String file, byte[] content) {
        List<Pair> pairs = new ArrayList<>();
        List<byte[]> lines = lines(content);
        for (int number = 0; number < lines.size(); number++) {
            byte[] bytes = lines.get(number);
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new FluxbootException(args.where() + ": env file '" + file + "' line " + (number + 1)
                        + " is not UTF-8 text; save it as UTF-8");
            }
            if (number == 0 && startsWith(bytes, BYTE_ORDER_MARK)) {
                line = line.substring(1);
            }
            line = trimLeadingSpace(line);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals);
            String value = equals < 0 ? "" : line.substring(equals + 1);
            if (key.isEmpty()) {
                continue;
            }
            pairs.add(new Pair(key, value.getBytes(StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    /** Go's bufio.ScanLines: split at \n, a \r before it dropped, no empty last line. */
    private static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        while (start < content.length) {
            int newline = start;
            while (newline < content.length && content[newline] != '\n') {
                newline++;
            }
            int end = newline > start && content[newline - 1] == '\r' ? newline - 1 : newline;
            lines.add(java.util.Arrays.copyOfRange(content, start, end));
            start = newline + 1;
        }
        return lines;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Go's bytes.TrimLeftFunc(line, unicode.IsSpace). */
    private static String trimLeadingSpace(String line) {
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            if (!isGoSpace(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return line.substring(i);
    }

    private static boolean isGoSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return Character.isSpaceChar(c);
    }
}
