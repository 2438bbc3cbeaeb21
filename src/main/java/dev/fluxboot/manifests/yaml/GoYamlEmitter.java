package dev.fluxboot.manifests.yaml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes one YAML document the way go-yaml v2's {@code yaml.Marshal} writes a value decoded
 * from JSON (maps, sequences, strings, numbers, booleans, null).
 *
 * <p>This follows the libyaml-derived emitter state by state: the same indentation stack,
 * column/whitespace/indention flags, scalar analysis and style selection, and the same
 * writers for plain, single-quoted, double-quoted and literal scalars (best indent 2, best
 * width 80, unicode output, LF breaks). Scalars are handled as UTF-8 bytes because the
 * emitter's decisions (simple-key length, BOM check, escapes) are made on bytes while the
 * column counts characters. Not thread-safe; one instance writes one document.
 */
final class GoYamlEmitter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;

    private static final byte[] DASH = {'-'};
    private static final byte[] COLON = {':'};
    private static final byte[] QUESTION = {'?'};
    private static final byte[] PIPE = {'|'};
    private static final byte[] SINGLE_QUOTE = {'\''};
    private static final byte[] DOUBLE_QUOTE = {'"'};

    private byte[] out = new byte[4096];
    private int length;

    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int indent = -1;
    private int[] indents = new int[16];
    private int indentDepth;

    private boolean simpleKeyContext;

    /** The document, ending with a line break, without a {@code ---} start marker. */
    static String document(Object value) {
        GoYamlEmitter emitter = new GoYamlEmitter();
        emitter.emitNode(value, false, false);
        emitter.writeIndent();
        return new String(emitter.out, 0, emitter.length, StandardCharsets.UTF_8);
    }

    private GoYamlEmitter() {
    }

    // ---- nodes ------------------------------------------------------------------------

    private void emitNode(Object value, boolean mappingContext, boolean simpleKey) {
        simpleKeyContext = simpleKey;
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                emitEmptyFlow((byte) '{', (byte) '}');
            } else {
                emitBlockMapping(map);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                emitEmptyFlow((byte) '[', (byte) ']');
            } else {
                emitBlockSequence(list, mappingContext);
            }
        } else {
            GoYamlScalar scalar = GoYamlScalar.of(value);
            emitScalar(utf8(scalar.text()), scalar.style());
        }
    }

    /**
     * Empty maps and lists are the only flow collections here: v2 never asks for flow style
     * for values decoded into interface{}, the emitter switches to it only for empty ones.
     */
    private void emitEmptyFlow(byte open, byte close) {
        writeIndicator(new byte[] {open}, true, true, false);
        writeIndicator(new byte[] {close}, false, false, false);
    }

    private void emitBlockMapping(Map<?, ?> map) {
        increaseIndent(false, false);
        for (SortKey entry : sortedEntries(map)) {
            writeIndent();
            GoYamlScalar key = entry.key;
            byte[] keyBytes = utf8(key.text());
            ScalarAnalysis keyAnalysis = ScalarAnalysis.of(keyBytes);
            boolean simple = !keyAnalysis.multiline && keyBytes.length <= MAX_SIMPLE_KEY_LENGTH;
            if (simple) {
                simpleKeyContext = true;
                emitScalar(keyBytes, keyAnalysis, key.style());
                writeIndicator(COLON, false, false, false);
            } else {
                // A long or multi-line key: explicit "? key" then ": value" on its own line.
                writeIndicator(QUESTION, true, false, true);
                simpleKeyContext = false;
                emitScalar(keyBytes, keyAnalysis, key.style());
                writeIndent();
                writeIndicator(COLON, true, false, true);
            }
            emitNode(entry.value, true, false);
        }
        popIndent();
    }

    private void emitBlockSequence(List<?> list, boolean mappingContext) {
        // Under a mapping key (after "key:"), items start at the key's own column.
        increaseIndent(false, mappingContext && !indention);
        for (Object item : list) {
            writeIndent();
            writeIndicator(DASH, true, false, true);
            emitNode(item, false, false);
        }
        popIndent();
    }

    private static SortKey[] sortedEntries(Map<?, ?> map) {
        SortKey[] keys = new SortKey[map.size()];
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            keys[n++] = new SortKey(GoYamlScalar.ofString(String.valueOf(e.getKey())), e.getValue());
        }
        Arrays.sort(keys, SortKey::compareTo);
        return keys;
    }

    /** A map entry with its key's code points, computed once for the sort. */
    private static final class SortKey {
        final GoYamlScalar key;
        final Object value;
        final int[] codePoints;

        SortKey(GoYamlScalar key, Object value) {
            this.key = key;
            this.value = value;
            this.codePoints = key.text().codePoints().toArray();
        }

        int compareTo(SortKey other) {
            if (Arrays.equals(codePoints, other.codePoints)) {
                return 0;
            }
            if (GoKeyOrder.less(codePoints, other.codePoints)) {
                return -1;
            }
            return GoKeyOrder.less(other.codePoints, codePoints) ? 1 : 0;
        }
    }

    // ---- scalars ----------------------------------------------------------------------

    private void emitScalar(byte[] value, GoYamlScalar.Style requested) {
        emitScalar(value, ScalarAnalysis.of(value), requested);
    }

    private void emitScalar(byte[] value, ScalarAnalysis analysis, GoYamlScalar.Style requested) {
        GoYamlScalar.Style style = selectStyle(value, analysis, requested);
        increaseIndent(true, false);
        switch (style) {
            case PLAIN -> writePlain(value, !simpleKeyContext);
            case SINGLE_QUOTED -> writeSingleQuoted(value, !simpleKeyContext);
            case DOUBLE_QUOTED -> writeDoubleQuoted(value, !simpleKeyContext);
            case LITERAL -> writeLiteral(value);
        }
        popIndent();
    }

    private GoYamlScalar.Style selectStyle(byte[] value, ScalarAnalysis a,
                                           GoYamlScalar.Style requested) {
        GoYamlScalar.Style style = requested;
        if (simpleKeyContext && a.multiline) {
            style = GoYamlScalar.Style.DOUBLE_QUOTED;
        }
        if (style == GoYamlScalar.Style.PLAIN) {
            // Only block context here (flow collections are always empty).
            if (!a.blockPlainAllowed) {
                style = GoYamlScalar.Style.SINGLE_QUOTED;
            }
            if (value.length == 0 && simpleKeyContext) {
                style = GoYamlScalar.Style.SINGLE_QUOTED;
            }
        }
        if (style == GoYamlScalar.Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
            style = GoYamlScalar.Style.DOUBLE_QUOTED;
        }
        if (style == GoYamlScalar.Style.LITERAL && (!a.blockAllowed || simpleKeyContext)) {
            style = GoYamlScalar.Style.DOUBLE_QUOTED;
        }
        return style;
    }

    /** What the emitter learns about a scalar before choosing its style. */
    private static final class ScalarAnalysis {
        boolean multiline;
        boolean blockPlainAllowed;
        boolean singleQuotedAllowed;
        boolean blockAllowed;

        static ScalarAnalysis of(byte[] v) {
            ScalarAnalysis a = new ScalarAnalysis();
            if (v.length == 0) {
                a.multiline = false;
                a.blockPlainAllowed = true;
                a.singleQuotedAllowed = true;
                a.blockAllowed = false;
                return a;
            }
            boolean blockIndicators = false;
            boolean lineBreaks = false;
            boolean specialCharacters = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean previousSpace = false;
            boolean previousBreak = false;

            if (v.length >= 3 && ((v[0] == '-' && v[1] == '-' && v[2] == '-')
                    || (v[0] == '.' && v[1] == '.' && v[2] == '.'))) {
                blockIndicators = true;
            }
            boolean precededByWhitespace = true;
            for (int i = 0, w; i < v.length; i += w) {
                w = width(v[i]);
                boolean followedByWhitespace = i + w >= v.length || isBlank(v, i + w);
                byte c = v[i];
                if (i == 0) {
                    switch (c) {
                        case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"',
                             '%', '@', '`' -> blockIndicators = true;
                        case '?', ':' -> {
                            if (followedByWhitespace) {
                                blockIndicators = true;
                            }
                        }
                        case '-' -> {
                            if (followedByWhitespace) {
                                blockIndicators = true;
                            }
                        }
                        default -> {
                        }
                    }
                } else {
                    if (c == ':' && followedByWhitespace) {
                        blockIndicators = true;
                    } else if (c == '#' && precededByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (!isPrintable(v, i)) {
                    specialCharacters = true;
                }
                if (isSpace(v, i)) {
                    if (i == 0) {
                        leadingSpace = true;
                    }
                    if (i + w == v.length) {
                        trailingSpace = true;
                    }
                    if (previousBreak) {
                        breakSpace = true;
                    }
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak(v, i)) {
                    lineBreaks = true;
                    if (i == 0) {
                        leadingBreak = true;
                    }
                    if (i + w == v.length) {
                        trailingBreak = true;
                    }
                    if (previousSpace) {
                        spaceBreak = true;
                    }
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = isBlankOrBreakOrEnd(v, i);
            }
            a.multiline = lineBreaks;
            a.blockPlainAllowed = true;
            a.singleQuotedAllowed = true;
            a.blockAllowed = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                a.blockPlainAllowed = false;
            }
            if (trailingSpace) {
                a.blockAllowed = false;
            }
            if (breakSpace) {
                a.blockPlainAllowed = false;
                a.singleQuotedAllowed = false;
            }
            if (spaceBreak || specialCharacters) {
                a.blockPlainAllowed = false;
                a.singleQuotedAllowed = false;
                a.blockAllowed = false;
            }
            if (lineBreaks || blockIndicators) {
                a.blockPlainAllowed = false;
            }
            return a;
        }
    }

    private void writePlain(byte[] v, boolean allowBreaks) {
        if (!whitespace) {
            put((byte) ' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; ) {
            if (isSpace(v, i)) {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !isSpace(v, i + 1)) {
                    writeIndent();
                    i += width(v[i]);
                } else {
                    i = write(v, i);
                }
                spaces = true;
            } else if (isBreak(v, i)) {
                if (!breaks && v[i] == '\n') {
                    putBreak();
                }
                i = writeBreak(v, i);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                i = write(v, i);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(byte[] v, boolean allowBreaks) {
        writeIndicator(SINGLE_QUOTE, true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; ) {
            if (isSpace(v, i)) {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < v.length - 1
                        && !isSpace(v, i + 1)) {
                    writeIndent();
                    i += width(v[i]);
                } else {
                    i = write(v, i);
                }
                spaces = true;
            } else if (isBreak(v, i)) {
                if (!breaks && v[i] == '\n') {
                    putBreak();
                }
                i = writeBreak(v, i);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (v[i] == '\'') {
                    put((byte) '\'');
                }
                i = write(v, i);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        writeIndicator(SINGLE_QUOTE, false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(byte[] v, boolean allowBreaks) {
        boolean spaces = false;
        writeIndicator(DOUBLE_QUOTE, true, false, false);
        boolean bom = startsWithBom(v);
        for (int i = 0; i < v.length; ) {
            if (!isPrintable(v, i) || bom || isBreak(v, i) || v[i] == '"' || v[i] == '\\') {
                int w = width(v[i]);
                int codePoint = decode(v, i, w);
                i += w;
                put((byte) '\\');
                writeEscape(codePoint);
                spaces = false;
            } else if (isSpace(v, i)) {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < v.length - 1) {
                    writeIndent();
                    if (isSpace(v, i + 1)) {
                        put((byte) '\\');
                    }
                    i += width(v[i]);
                } else {
                    i = write(v, i);
                }
                spaces = true;
            } else {
                i = write(v, i);
                spaces = false;
            }
        }
        writeIndicator(DOUBLE_QUOTE, false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeEscape(int v) {
        char simple = switch (v) {
            case 0x00 -> '0';
            case 0x07 -> 'a';
            case 0x08 -> 'b';
            case 0x09 -> 't';
            case 0x0A -> 'n';
            case 0x0B -> 'v';
            case 0x0C -> 'f';
            case 0x0D -> 'r';
            case 0x1B -> 'e';
            case 0x22 -> '"';
            case 0x5C -> '\\';
            case 0x85 -> 'N';
            case 0xA0 -> '_';
            case 0x2028 -> 'L';
            case 0x2029 -> 'P';
            default -> 0;
        };
        if (simple != 0) {
            put((byte) simple);
            return;
        }
        int digits;
        if (v <= 0xFF) {
            put((byte) 'x');
            digits = 2;
        } else if (v <= 0xFFFF) {
            put((byte) 'u');
            digits = 4;
        } else {
            put((byte) 'U');
            digits = 8;
        }
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            int digit = (v >> shift) & 0x0F;
            put((byte) (digit < 10 ? '0' + digit : 'A' + digit - 10));
        }
    }

    private void writeLiteral(byte[] v) {
        writeIndicator(PIPE, true, false, false);
        writeBlockScalarHints(v);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int i = 0; i < v.length; ) {
            if (isBreak(v, i)) {
                i = writeBreak(v, i);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                i = write(v, i);
                indention = false;
                breaks = false;
            }
        }
    }

    private void writeBlockScalarHints(byte[] v) {
        if (isSpace(v, 0) || isBreak(v, 0)) {
            writeIndicator(new byte[] {(byte) ('0' + BEST_INDENT)}, false, false, false);
        }
        byte chomp = 0;
        if (v.length == 0) {
            chomp = '-';
        } else {
            int i = v.length - 1;
            while ((v[i] & 0xC0) == 0x80) {
                i--;
            }
            if (!isBreak(v, i)) {
                chomp = '-';
            } else if (i == 0) {
                chomp = '+';
            } else {
                i--;
                while ((v[i] & 0xC0) == 0x80) {
                    i--;
                }
                if (isBreak(v, i)) {
                    chomp = '+';
                }
            }
        }
        if (chomp != 0) {
            writeIndicator(new byte[] {chomp}, false, false, false);
        }
    }

    // ---- indentation and low-level output ---------------------------------------------

    private void increaseIndent(boolean flow, boolean indentless) {
        if (indentDepth == indents.length) {
            indents = Arrays.copyOf(indents, indents.length * 2);
        }
        indents[indentDepth++] = indent;
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents[--indentDepth];
    }

    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) {
            putBreak();
        }
        while (column < target) {
            put((byte) ' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(byte[] indicator, boolean needWhitespace, boolean isWhitespace,
                                boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put((byte) ' ');
        }
        for (int i = 0; i < indicator.length; ) {
            i = write(indicator, i);
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void ensure(int extra) {
        if (length + extra > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + extra));
        }
    }

    private void put(byte b) {
        ensure(1);
        out[length++] = b;
        column++;
    }

    private void putBreak() {
        ensure(1);
        out[length++] = '\n';
        column = 0;
    }

    /** Copies one character; the column counts characters, not bytes. */
    private int write(byte[] v, int i) {
        int w = width(v[i]);
        ensure(w);
        System.arraycopy(v, i, out, length, w);
        length += w;
        column++;
        return i + w;
    }

    private int writeBreak(byte[] v, int i) {
        if (v[i] == '\n') {
            putBreak();
            return i + 1;
        }
        int next = write(v, i);
        column = 0;
        return next;
    }

    // ---- character classes (on UTF-8 bytes, as libyaml defines them) ------------------

    private static int at(byte[] v, int i) {
        return i < v.length ? v[i] & 0xFF : 0;
    }

    static int width(byte b) {
        int c = b & 0xFF;
        if ((c & 0x80) == 0) {
            return 1;
        }
        if ((c & 0xE0) == 0xC0) {
            return 2;
        }
        if ((c & 0xF0) == 0xE0) {
            return 3;
        }
        if ((c & 0xF8) == 0xF0) {
            return 4;
        }
        return 1;
    }

    static boolean isPrintable(byte[] v, int i) {
        int c = at(v, i);
        int c1 = at(v, i + 1);
        int c2 = at(v, i + 2);
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c == 0xC2 && c1 >= 0xA0)
                || (c > 0xC2 && c < 0xED)
                || (c == 0xED && c1 < 0xA0)
                || c == 0xEE
                || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF)
                    && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
    }

    private static boolean isSpace(byte[] v, int i) {
        return at(v, i) == ' ';
    }

    private static boolean isBlank(byte[] v, int i) {
        int c = at(v, i);
        return c == ' ' || c == '\t';
    }

    static boolean isBreak(byte[] v, int i) {
        int c = at(v, i);
        return c == '\r' || c == '\n'
                || (c == 0xC2 && at(v, i + 1) == 0x85)
                || (c == 0xE2 && at(v, i + 1) == 0x80 && (at(v, i + 2) == 0xA8 || at(v, i + 2) == 0xA9));
    }

    private static boolean isBlankOrBreakOrEnd(byte[] v, int i) {
        return isBlank(v, i) || isBreak(v, i) || at(v, i) == 0;
    }

    private static boolean startsWithBom(byte[] v) {
        return at(v, 0) == 0xEF && at(v, 1) == 0xBB && at(v, 2) == 0xBF;
    }

    private static int decode(byte[] v, int i, int w) {
        int first = v[i] & 0xFF;
        int cp = switch (w) {
            case 2 -> first & 0x1F;
            case 3 -> first & 0x0F;
            case 4 -> first & 0x07;
            default -> first & 0x7F;
        };
        for (int k = 1; k < w; k++) {
            cp = (cp << 6) + (v[i + k] & 0x3F);
        }
        return cp;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
