package dev.fluxboot.manifests.kustomize;

import java.util.List;

/**
 * A kustomization's {@code namePrefix:} or {@code nameSuffix:}: put before or after
 * {@code metadata.name} of every object except the kinds kustomize leaves alone
 * (CustomResourceDefinition, APIService, Namespace), each renamed object remembering its previous
 * id and the affix, so that {@link NameReferences} can repair references to it afterwards.
 */
final class NameAffixTransformer {

    private final String prefix;
    private final String suffix;

    private NameAffixTransformer(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    static NameAffixTransformer prefix(String prefix) {
        return new NameAffixTransformer(prefix, "");
    }

    static NameAffixTransformer suffix(String suffix) {
        return new NameAffixTransformer("", suffix);
    }

    void apply(List<Resource> resources) {
        if (prefix.isEmpty() && suffix.isEmpty()) {
            return;
        }
        for (Resource resource : resources) {
            if (skipped(resource)) {
                continue;
            }
            resource.addNamePrefix(prefix);
            resource.addNameSuffix(suffix);
            resource.storePreviousId();
            resource.setName(prefix + resource.name() + suffix);
        }
    }

    /** Kustomize decides by the original kind. */
    private static boolean skipped(Resource resource) {
        String kind = resource.originalKind();
        return kind.equals("CustomResourceDefinition") || kind.equals("Namespace")
                || (kind.equals("APIService") && resource.group().equals("apiregistration.k8s.io"));
    }
}
