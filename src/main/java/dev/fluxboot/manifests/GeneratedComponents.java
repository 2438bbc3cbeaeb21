package dev.fluxboot.manifests;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link ComponentsGenerator}: the gotk-components.yaml text and the same objects,
 * in the same order, for applying to a cluster.
 *
 * @param yaml    the whole file, header comment included, as the Flux CLI writes it
 * @param objects every document of {@code yaml} as a parsed value
 */
public record GeneratedComponents(String yaml, List<Map<String, Object>> objects) {

    public GeneratedComponents {
        objects = List.copyOf(objects);
    }
}
