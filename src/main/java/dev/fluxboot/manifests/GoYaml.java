package dev.fluxboot.manifests;

import java.util.List;

/**
 * YAML as the Flux CLI reads and writes it. Documents are plain Java values:
 * {@code Map<String,Object>} (LinkedHashMap), {@code List<Object>}, String, Long/BigInteger,
 * Double, Boolean and null.
 *
 * <p>Writing emits exactly what Go's {@code sigs.k8s.io/yaml} (go-yaml v2) emits for the
 * JSON form of the value: keys sorted in go-yaml's order, 2-space indent, sequences not
 * indented under their key, long plain/quoted strings folded at 80 columns, {@code |-} blocks
 * for multi-line strings, go-yaml v2 quoting rules.
 */
public final class GoYaml {

    private GoYaml() {
    }

    /** Every document of a multi-document YAML stream, empty documents left out. */
    public static List<Object> loadAll(String yaml) {
        throw new UnsupportedOperationException("TODO");
    }

    /** One document, without a leading {@code ---}, ending in a newline. */
    public static String dump(Object document) {
        throw new UnsupportedOperationException("TODO");
    }
}
