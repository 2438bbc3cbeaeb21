package dev.fluxboot.bootstrap;

import dev.fluxboot.UsageException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code --registry-creds user:password}, for the image pull secret. The password never
 * leaves this record except inside the secret's data; {@link #toString()} hides it.
 */
public record RegistryCredentials(String username, String password) {

    /**
     * Splits {@code user:password}; both parts must be there. The CLI checks Flux's format first
     * ({@code InstallOptionsValidator.validateRegistryCredentials}), so this only guards other callers.
     */
    public static RegistryCredentials parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("invalid --registry-creds format, expected 'user:password'");
        }
        return new RegistryCredentials(value.substring(0, colon), value.substring(colon + 1));
    }

    /**
     * The {@code .dockerconfigjson} value for {@code server}, as Flux writes it:
     * {@code {"auths":{"<server>":{"username":..,"password":..,"auth":base64(user:password)}}}}.
     */
    public String dockerConfigJson(String server) {
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return "{\"auths\":{" + json(server) + ":{\"username\":" + json(username) + ",\"password\":" + json(password)
                + ",\"auth\":" + json(auth) + "}}}";
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '<' -> quoted.append("\\u003c");
                case '>' -> quoted.append("\\u003e");
                case '&' -> quoted.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
