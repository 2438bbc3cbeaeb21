package dev.fluxboot.manifests.yaml;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * go-yaml's implicit typing of plain scalars, with Go's strconv number syntax (ParseInt with
 * base prefixes, ParseUint, ParseFloat with its underscore rules and overflow error).
 *
 * <p>v2 (the writer's side) reads a YAML 1.1 flavour: {@code yes/no/on/off/y/n} are booleans
 * too. v3 (kustomize's reader) knows only {@code true/false} in their three spellings and also
 * accepts {@code 0o} octals with a sign after the prefix. A string may be written plain only
 * when v2 reads it back as that string and it is not a YAML 1.1 base-60 number.
 */
final class GoYamlResolver {

    /** What a plain scalar reads as. */
    enum Kind { STRING, NULL, BOOL, INT, FLOAT, TIMESTAMP }

    /** Which go-yaml major version reads the scalar. */
    enum Reader { V2, V3 }

    private static final Set<String> V2_ONLY_BOOLEANS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "off", "Off", "OFF");
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Set<String> POSITIVE_INFINITY = Set.of(
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEGATIVE_INFINITY = Set.of("-.inf", "-.Inf", "-.INF");

    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    /** What Go's ParseFloat accepts for a text that starts with a dot. */
    private static final Pattern DOT_FLOAT =
            Pattern.compile("^\\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$");
    private static final Pattern BASE_60_FLOAT =
            Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

    private GoYamlResolver() {
    }

    /** Whether go-yaml v2's encoder would ask for a plain scalar for this string. */
    static boolean canBePlain(String s) {
        return kind(s, Reader.V2) == Kind.STRING && !isBase60Float(s);
    }

    /** How the given go-yaml version reads the plain scalar {@code s}. */
    static Kind kind(String s, Reader reader) {
        if (s.isEmpty()) {
            return Kind.NULL;
        }
        char first = s.charAt(0);
        boolean sign = first == '+' || first == '-';
        boolean digit = first >= '0' && first <= '9';
        if (!sign && !digit && first != '.' && "yYnNtTfFoO~".indexOf(first) < 0) {
            return Kind.STRING; // "<<" lands here too: v2 never reads it as a merge key
        }
        if (NULLS.contains(s)) {
            return Kind.NULL;
        }
        if (TRUE.contains(s) || FALSE.contains(s)
                || reader == Reader.V2 && V2_ONLY_BOOLEANS.contains(s)) {
            return Kind.BOOL;
        }
        if (NAN.contains(s) || POSITIVE_INFINITY.contains(s) || NEGATIVE_INFINITY.contains(s)) {
            return Kind.FLOAT;
        }
        if (first == '.') {
            return isDotFloat(s) ? Kind.FLOAT : Kind.STRING;
        }
        if (!sign && !digit) {
            return Kind.STRING;
        }
        if (GoYamlTimestamp.isTimestamp(s)) {
            return Kind.TIMESTAMP;
        }
        String plain = s.replace("_", "");
        if (intValue(plain, reader) != null) {
            return Kind.INT;
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches() && isFinite(plain)) {
            return Kind.FLOAT;
        }
        return Kind.STRING;
    }

    /** The value of a plain scalar of kind BOOL. */
    static boolean boolValue(String s) {
        return TRUE.contains(s) || "y".equals(s) || "Y".equals(s) || "yes".equals(s)
                || "Yes".equals(s) || "YES".equals(s) || "on".equals(s) || "On".equals(s)
                || "ON".equals(s);
    }

    /** The value of a scalar of kind INT: a Long, or a BigInteger above Long.MAX_VALUE. */
    static Number intValue(String s, Reader reader) {
        String plain = s.replace("_", "");
        Number n = signedOrUnsigned(plain, 0);
        if (n != null) {
            return n;
        }
        if (plain.startsWith("0b")) {
            return signedOrUnsigned(plain.substring(2), 2);
        }
        if (plain.startsWith("-0b")) {
            return parseInt("-" + plain.substring(3), 2);
        }
        if (reader == Reader.V3) {
            if (plain.startsWith("0o")) {
                return signedOrUnsigned(plain.substring(2), 8);
            }
            if (plain.startsWith("-0o")) {
                return parseInt("-" + plain.substring(3), 8);
            }
        }
        return null;
    }

    /** The value of a scalar of kind FLOAT. */
    static double floatValue(String s) {
        if (NAN.contains(s)) {
            return Double.NaN;
        }
        if (POSITIVE_INFINITY.contains(s)) {
            return Double.POSITIVE_INFINITY;
        }
        if (NEGATIVE_INFINITY.contains(s)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    private static Number signedOrUnsigned(String s, int base) {
        Long signed = parseInt(s, base);
        if (signed != null) {
            return signed;
        }
        Long unsigned = parseUint(s, base);
        if (unsigned == null) {
            return null;
        }
        return new BigInteger(Long.toUnsignedString(unsigned));
    }

    private static boolean isDotFloat(String s) {
        return DOT_FLOAT.matcher(s).matches() && isFinite(s.replace("_", ""));
    }

    private static boolean isFinite(String decimal) {
        // Go's ParseFloat fails (range error) where the value overflows to infinity.
        return !Double.isInfinite(Double.parseDouble(decimal));
    }

    static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || c >= '0' && c <= '9') || s.indexOf(':') < 0) {
            return false;
        }
        return BASE_60_FLOAT.matcher(s).matches();
    }

    /** Go's strconv.ParseInt(s, base, 64), or null where it fails (base 0: 0x, 0o, 0b, 0). */
    static Long parseInt(String s, int base) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        String digits = s;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            digits = s.substring(1);
        }
        Long unsigned = parseUint(digits, base);
        if (unsigned == null) {
            return null;
        }
        long u = unsigned;
        if (negative) {
            return Long.compareUnsigned(u, Long.MIN_VALUE) <= 0 ? -u : null;
        }
        return u >= 0 ? u : null;
    }

    /** The value of Go's ParseUint as an unsigned long, or null where it fails. */
    static Long parseUint(String s, int base) {
        if (s.isEmpty()) {
            return null;
        }
        String digits = s;
        int radix = base;
        if (base == 0) {
            radix = 10;
            if (s.charAt(0) == '0') {
                char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
                if (p == 'b') {
                    radix = 2;
                    digits = s.substring(2);
                } else if (p == 'o') {
                    radix = 8;
                    digits = s.substring(2);
                } else if (p == 'x') {
                    radix = 16;
                    digits = s.substring(2);
                } else {
                    radix = 8;
                    digits = s.substring(1);
                }
            }
        }
        long cutoff = Long.divideUnsigned(-1L, radix) + 1;
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d;
            char lower = (char) (c | 0x20);
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (lower >= 'a' && lower <= 'z' && c < 0x80) {
                d = lower - 'a' + 10;
            } else {
                return null;
            }
            if (d >= radix) {
                return null;
            }
            if (Long.compareUnsigned(n, cutoff) >= 0) {
                return null;
            }
            long times = n * radix;
            long next = times + d;
            if (Long.compareUnsigned(next, times) < 0) {
                return null;
            }
            n = next;
        }
        return n;
    }
}
