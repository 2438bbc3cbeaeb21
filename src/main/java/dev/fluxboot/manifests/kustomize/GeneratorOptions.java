package dev.fluxboot.manifests.kustomize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generator's {@code options} (or a kustomization's {@code generatorOptions}): labels and
 * annotations for the generated object, no content hash in its name, {@code immutable: true}.
 */
record GeneratorOptions(Map<String, String> labels, Map<String, String> annotations,
                        boolean disableNameSuffixHash, boolean immutable) {

    static final GeneratorOptions NONE = new GeneratorOptions(Map.of(), Map.of(), false, false);

    GeneratorOptions {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** Kustomize's MergeGlobalOptionsIntoLocal: the entry's own labels and annotations win; either flag sets it. */
    GeneratorOptions withGlobal(GeneratorOptions global) {
        Map<String, String> mergedLabels = new LinkedHashMap<>(global.labels);
        mergedLabels.putAll(labels);
        Map<String, String> mergedAnnotations = new LinkedHashMap<>(global.annotations);
        mergedAnnotations.putAll(annotations);
        return new GeneratorOptions(mergedLabels, mergedAnnotations,
                disableNameSuffixHash || global.disableNameSuffixHash, immutable || global.immutable);
    }
}
