package dev.fluxboot.manifests.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A scalar as go-yaml v2's encoder hands it to the emitter: its text and the style it asks
 * for. The emitter may still change the style (see {@link GoYamlEmitter}).
 *
 * <p>Numbers are written as they come out of {@code JSONToYAML}: the value was first written
 * as JSON by Go and read back by v2, so an integral double below 1e21 becomes an integer
 * (1.0 is written {@code 1}), integers beyond 64 bits become floats, and floats use Go's
 * shortest {@code 'g'} format ({@code 1.5}, {@code 1e+06}, {@code 1e-07}).
 */
record GoYamlScalar(String text, Style style) {

    /** The styles go-yaml v2 may use for scalars of values decoded from JSON. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final double JSON_EXPONENT_THRESHOLD = 1e21;

    static GoYamlScalar of(Object value) {
        if (value == null) {
            return new GoYamlScalar("null", Style.PLAIN);
        }
        if (value instanceof String s) {
            return ofString(s);
        }
        if (value instanceof Boolean b) {
            return new GoYamlScalar(b ? "true" : "false", Style.PLAIN);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return new GoYamlScalar(value.toString(), Style.PLAIN);
        }
        if (value instanceof BigInteger big) {
            return new GoYamlScalar(integerText(big), Style.PLAIN);
        }
        if (value instanceof Double d) {
            return new GoYamlScalar(floatText(d), Style.PLAIN);
        }
        if (value instanceof Float f) {
            // Go writes a float32 with its own shortest digits; v2 reads those as a float64.
            return new GoYamlScalar(floatText(Double.parseDouble(Float.toString(f))), Style.PLAIN);
        }
        if (value instanceof BigDecimal big) {
            return new GoYamlScalar(floatText(big.doubleValue()), Style.PLAIN);
        }
        if (value instanceof Character c) {
            return ofString(c.toString());
        }
        throw new IllegalArgumentException(
                "cannot write a " + value.getClass().getName() + " as YAML");
    }

    /** go-yaml v2's choice for a string: literal if multi-line, plain if safe, else quoted. */
    static GoYamlScalar ofString(String raw) {
        String s = replaceLoneSurrogates(raw);
        Style style;
        if (s.indexOf('\n') >= 0) {
            style = Style.LITERAL;
        } else if (GoYamlResolver.canBePlain(s)) {
            style = Style.PLAIN;
        } else {
            style = Style.DOUBLE_QUOTED;
        }
        return new GoYamlScalar(s, style);
    }

    private static String integerText(BigInteger value) {
        if (value.bitLength() < 64 || value.signum() >= 0 && value.compareTo(UINT64_LIMIT) < 0) {
            return value.toString();
        }
        // Neither int64 nor uint64: v2 reads it as a float64.
        return formatG(value.doubleValue());
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < JSON_EXPONENT_THRESHOLD) {
            // JSON wrote its shortest digits without fraction or exponent, so v2 read an integer.
            BigInteger integer = d == 0 ? BigInteger.ZERO : shortest(Math.abs(d)).toBigInteger();
            return integerText(d < 0 ? integer.negate() : integer);
        }
        return formatG(d);
    }

    /** Go's strconv.FormatFloat(d, 'g', -1, 64) for a finite d. */
    static String formatG(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int nd = digits.length();
        int dp = nd - shortest.scale();
        StringBuilder out = new StringBuilder(nd + 8);
        if (d < 0) {
            out.append('-');
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (nd > 1) {
                out.append('.').append(digits, 1, nd);
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
            return out.toString();
        }
        if (dp <= 0) {
            out.append('0');
        } else {
            for (int i = 0; i < dp; i++) {
                out.append(i < nd ? digits.charAt(i) : '0');
            }
        }
        int fraction = Math.max(nd - dp, 0);
        if (fraction > 0) {
            out.append('.');
            for (int i = 0; i < fraction; i++) {
                int j = dp + i;
                out.append(j >= 0 && j < nd ? digits.charAt(j) : '0');
            }
        }
        return out.toString();
    }

    /** The fewest significant digits that read back as {@code abs} (> 0), trailing zeros off. */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == abs) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Go's JSON writer turns an invalid UTF-16 unit (unpaired surrogate) into U+FFFD. */
    private static String replaceLoneSurrogates(String s) {
        StringBuilder clean = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone;
            if (Character.isHighSurrogate(c)) {
                lone = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
            } else if (Character.isLowSurrogate(c)) {
                lone = i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
            } else {
                lone = false;
            }
            if (lone && clean == null) {
                clean = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (clean != null) {
                clean.append(lone ? '\uFFFD' : c);
            }
        }
        return clean == null ? s : clean.toString();
    }
}
