package dev.fluxboot.testing;

import dev.fluxboot.manifests.kustomize.Resource;
import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Test input written as YAML, parsed by snakeyaml-engine into maps and lists (not the code under test). */
public final class TestYaml {

    private TestYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    public static List<Resource> resources(String yaml) {
        List<Resource> resources = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document != null) {
                resources.add(new Resource(Nodes.asMap(document)));
            }
        }
        return resources;
    }

    /** The value at a path of map keys and list indexes, e.g. {@code at(o, "spec", "containers", 0, "image")}. */
    public static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}
