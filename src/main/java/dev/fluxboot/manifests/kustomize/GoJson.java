package dev.fluxboot.manifests.kustomize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * JSON as Go's {@code encoding/json} (Go 1.22 and later) writes it, for what kustomize hashes:
 * no spaces, map keys sorted by their UTF-8 bytes, {@code <}, {@code >} and {@code &} escaped
 * for HTML, {@code \b} and {@code \f} escaped by name, other control characters and U+2028/U+2029 as
 * {@code \}{@code uXXXX}; numbers in Go's shortest form.
 */
final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object key : map.keySet()) {
                keys.add(String.valueOf(key));
            }
            keys.sort(GoJson::compareUtf8);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i), out);
                out.append(':');
                write(map.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Go's float64 encoding: plain decimal between 1e-6 and 1e21, otherwise exponent form. */
    private static String number(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return decimal.toPlainString();
        }
        String scientific = decimal.toString().replace("E+", "e+").replace("E-", "e-");
        int e = scientific.indexOf("e+");
        // Go writes at least two exponent digits, but drops the zero of e-07.
        if (e >= 0 && scientific.length() - (e + 2) < 2) {
            return scientific.substring(0, e + 2) + "0" + scientific.substring(e + 2);
        }
        return scientific;
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(c, out);
                default -> {
                    if (c < 0x20) {
                        unicode(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
