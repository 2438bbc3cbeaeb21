package dev.fluxboot.cli;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxComponentVersions;
import dev.fluxboot.manifests.yaml.GoYaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster part of {@code version}, and the two output forms: YAML lines in the order given
 * (as {@code flux version} writes its struct: {@code flux}, {@code distribution}, then the
 * controllers by name), JSON with the same keys.
 */
final class ClusterVersions {

    private ClusterVersions() {
    }

    /** {@code distribution} (when known) and one entry per controller image: name to tag. */
    static Map<String, String> read(GlobalOptions globals, CliEnvironment environment) {
        try (Cluster cluster = ClusterAccess.connect(globals, environment)) {
            FluxComponentVersions versions = FluxComponentVersions.read(cluster, globals.namespace());
            Map<String, String> info = new LinkedHashMap<>();
            versions.distribution().ifPresent(distribution -> info.put("distribution", distribution));
            info.putAll(versions.controllers());
            return info;
        }
    }

    static String yaml(Map<String, String> info) {
        StringBuilder text = new StringBuilder();
        info.forEach((key, value) -> text.append(GoYaml.dump(Map.of(key, value))));
        return text.toString();
    }

    static String json(Map<String, String> info) {
        StringBuilder text = new StringBuilder("{\n");
        int n = 0;
        for (Map.Entry<String, String> entry : info.entrySet()) {
            text.append("  ").append(quote(entry.getKey())).append(": ").append(quote(entry.getValue()))
                    .append(++n < info.size() ? ",\n" : "\n");
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
