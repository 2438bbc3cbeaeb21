package dev.fluxboot.manifests.kustomize;

import java.util.List;

/**
 * A kustomization's {@code nameSuffix:}, as the install overlay applies it: appended to
 * {@code metadata.name} of every object except the kinds kustomize leaves alone
 * (CustomResourceDefinition, APIService, Namespace). References to the renamed objects are
 * repaired afterwards by {@link NameReferences}.
 */
public final class NameSuffixTransformer {

    private final NameAffixTransformer transformer;

    public NameSuffixTransformer(String suffix) {
        this.transformer = NameAffixTransformer.suffix(suffix);
    }

    public void apply(List<Resource> resources) {
        transformer.apply(resources);
    }
}
