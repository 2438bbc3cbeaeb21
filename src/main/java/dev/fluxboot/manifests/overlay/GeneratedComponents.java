package dev.fluxboot.manifests.overlay;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The result of {@link ComponentsGenerator}: the gotk-components.yaml text and the same objects,
 * in the same order, for applying to a cluster.
 *
 * <p>When the text came from the {@link ComponentsCache}, the objects are made by the overlay
 * itself on first use: an export never needs them, an apply gets them exactly as rendered.
 */
public final class GeneratedComponents {

    private final String yaml;
    private Supplier<List<Map<String, Object>>> pending;
    private List<Map<String, Object>> objects;

    /**
     * @param yaml    the whole file, header comment included, as the Flux CLI writes it
     * @param objects every document of {@code yaml} as a parsed value
     */
    public GeneratedComponents(String yaml, List<Map<String, Object>> objects) {
        this.yaml = yaml;
        this.objects = List.copyOf(objects);
    }

    /** The text now, the objects from {@code objects} when first asked for. */
    GeneratedComponents(String yaml, Supplier<List<Map<String, Object>>> objects) {
        this.yaml = yaml;
        this.pending = objects;
    }

    /** The whole file, header comment included, as the Flux CLI writes it. */
    public String yaml() {
        return yaml;
    }

    /** Every document of {@link #yaml()} as a parsed value, in order. */
    public synchronized List<Map<String, Object>> objects() {
        if (objects == null) {
            objects = List.copyOf(pending.get());
            pending = null;
        }
        return objects;
    }
}
