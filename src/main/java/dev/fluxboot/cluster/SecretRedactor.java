package dev.fluxboot.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Removes secret values (plain and base64) from a message before it can reach a user or a log. */
final class SecretRedactor {

    /** Shorter values would match ordinary words of a message; secrets are longer. */
    private static final int MIN_LENGTH = 4;

    private SecretRedactor() {
    }

    static String redact(String message, Map<String, String> values) {
        String result = message == null ? "" : message;
        for (String value : values.values()) {
            if (value == null || value.length() < MIN_LENGTH) {
                continue;
            }
            result = result.replace(value, "***");
            result = result.replace(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)), "***");
            for (String line : value.split("\n")) {
                if (line.strip().length() >= 16) {
                    result = result.replace(line.strip(), "***");
                }
            }
        }
        return result;
    }
}
