package dev.fluxboot.manifests.kustomize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The name suffix kustomize gives a generated ConfigMap or Secret: the first ten hex digits of
 * the SHA-256 of a JSON document of its kind, its {@code data} (and {@code binaryData}, or for a
 * Secret its {@code type} and {@code stringData}), with 0, 1, 3, a and e swapped for g, h, k, m and
 * t so that the suffix never reads as a number. Labels and annotations do not count; neither does
 * the name (kustomize looks it up under a key that does not exist, so it always hashes "").
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Map<String, Object> object) {
        Object kind = object.get("kind");
        Map<String, Object> document = new LinkedHashMap<>();
        if ("ConfigMap".equals(kind)) {
            document.put("kind", "ConfigMap");
            document.put("name", "");
            document.put("data", field(object, "data"));
            if (object.get("binaryData") instanceof Map<?, ?> binary) {
                document.put("binaryData", binary);
            }
        } else if ("Secret".equals(kind)) {
            document.put("kind", "Secret");
            document.put("type", field(object, "type"));
            document.put("name", "");
            document.put("data", field(object, "data"));
            if (object.get("stringData") instanceof Map<?, ?> stringData) {
                document.put("stringData", stringData);
            }
        } else {
            return encode(sha256Hex(GoJson.write(object)));
        }
        return encode(sha256Hex(GoJson.write(document)));
    }

    /** A field as kustomize reads it for the hash: "" when absent or null, a scalar as its text. */
    private static Object field(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
            return value;
        }
        return String.valueOf(value);
    }

    private static String encode(String hex) {
        char[] suffix = hex.substring(0, 10).toCharArray();
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = switch (suffix[i]) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> suffix[i];
            };
        }
        return new String(suffix);
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
