package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.List;
import java.util.Map;

/**
 * Flux's {@code labels.yaml} LabelTransformer: the labels go on {@code metadata.labels} of every
 * object and (Flux 2.7 and later) on {@code spec.template.metadata.labels} of every Deployment, both
 * created when missing. Selectors are left alone (no {@code commonLabels} semantics).
 */
public final class LabelTransformer {

    private final Map<String, String> labels;
    private final boolean podTemplates;

    /** Labels on every object's metadata and on Deployments' pod templates. */
    public LabelTransformer(Map<String, String> labels) {
        this(labels, true);
    }

    /** Labels on every object's metadata, and on Deployments' pod templates when {@code podTemplates}. */
    public LabelTransformer(Map<String, String> labels, boolean podTemplates) {
        this.labels = labels;
        this.podTemplates = podTemplates;
    }

    public void apply(List<Resource> resources) {
        for (Resource resource : resources) {
            Map<String, Object> object = resource.object();
            putAll(Nodes.mapOrCreate(object, "metadata", "labels"));
            if (podTemplates && resource.kind().equals("Deployment")) {
                putAll(Nodes.mapOrCreate(object, "spec", "template", "metadata", "labels"));
            }
        }
    }

    private void putAll(Map<String, Object> target) {
        if (target != null) {
            target.putAll(labels);
        }
    }
}
