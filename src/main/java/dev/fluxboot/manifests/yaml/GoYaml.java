package dev.fluxboot.manifests.yaml;

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

    /**
     * Every document of a multi-document YAML stream, empty documents (a bare {@code ---},
     * comments only) left out. Scalars are typed as kustomize reads them (go-yaml v3): only
     * {@code true/false} are booleans, {@code '1000'} stays a string, {@code 8080} is a Long.
     *
     * @throws dev.fluxboot.FluxbootException if the text is not YAML or a mapping repeats a key
     */
    public static List<Object> loadAll(String yaml) {
        return GoYamlLoader.loadAll(yaml);
    }

    /**
     * Refuses, with the line, a YAML text nested deeper than any Kubernetes object (mappings and
     * sequences inside each other), for texts another reader will parse; {@link #loadAll} applies
     * the same limit itself.
     *
     * @throws dev.fluxboot.FluxbootException if the text is nested too deeply or is not YAML
     */
    public static void checkNesting(String yaml) {
        GoYamlLoader.checkNesting(yaml);
    }

    /**
     * One document, without a leading {@code ---}, ending in a newline. Join documents with
     * {@code "---\n"} to get what kustomize writes for a list of resources.
     *
     * @throws IllegalArgumentException for a value that is none of the types listed above
     */
    public static String dump(Object document) {
        return GoYamlEmitter.document(document);
    }
}
