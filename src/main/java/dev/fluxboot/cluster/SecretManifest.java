package dev.fluxboot.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A Secret as a manifest for {@link Cluster#apply} or {@link Cluster#plan}: its values base64 in {@code data}. */
public final class SecretManifest {

    private SecretManifest() {
    }

    /** @param type {@code null} or blank for the default type (Opaque) */
    public static Map<String, Object> of(String namespace, String name, String type, Map<String, String> stringData) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        Map<String, Object> data = new TreeMap<>();
        stringData.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", metadata);
        if (type != null && !type.isBlank()) {
            secret.put("type", type);
        }
        secret.put("data", data);
        return secret;
    }
}
