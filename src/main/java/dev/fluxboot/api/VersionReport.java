package dev.fluxboot.api;

import dev.fluxboot.manifests.yaml.GoYaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code version} prints: fluxboot's version, the default Flux release and, unless only the
 * client is asked, the cluster's distribution and controller images; as YAML (as the Flux CLI writes
 * it) or JSON.
 *
 * @param entries name to version, in order
 */
public record VersionReport(Map<String, String> entries) {

    public VersionReport {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public String yaml() {
        StringBuilder text = new StringBuilder();
        entries.forEach((key, value) -> text.append(GoYaml.dump(Map.of(key, value))));
        return text.toString();
    }

    public String json() {
        StringBuilder text = new StringBuilder("{\n");
        int n = 0;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            text.append("  ").append(quote(entry.getKey())).append(": ").append(quote(entry.getValue()))
                    .append(++n < entries.size() ? ",\n" : "\n");
        }
        return text.append("}\n").toString();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
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
