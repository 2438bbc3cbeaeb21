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

    /**
     * For people: {@code fluxboot 0.1.0 (installs Flux v2.9.4 by default)}, then the cluster's
     * distribution and its controllers in aligned columns.
     */
    public String text() {
        StringBuilder text = new StringBuilder("fluxboot ").append(entries.get("fluxboot"))
                .append(" (installs Flux ").append(entries.get("flux")).append(" by default)\n");
        Map<String, String> controllers = new LinkedHashMap<>(entries);
        controllers.keySet().removeAll(java.util.List.of("fluxboot", "flux", "distribution"));
        if (entries.containsKey("distribution") || !controllers.isEmpty()) {
            text.append("cluster: ").append(entries.getOrDefault("distribution", "Flux (no distribution label)"))
                    .append('\n');
            int width = controllers.keySet().stream().mapToInt(String::length).max().orElse(0);
            controllers.forEach((name, tag) -> text.append("  ").append(name)
                    .append(" ".repeat(width - name.length() + 2)).append(tag).append('\n'));
        }
        return text.toString();
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
