package dev.fluxboot.manifests.kustomize;

import java.util.List;

/**
 * A kustomization's {@code nameSuffix:}: appended to {@code metadata.name} of every object except
 * the kinds kustomize leaves alone (CustomResourceDefinition, APIService, Namespace). References
 * to the renamed objects are repaired afterwards by {@link NameReferences}.
 */
public final class NameSuffixTransformer {

    private final String suffix;

    public NameSuffixTransformer(String suffix) {
        this.suffix = suffix;
    }

    public void apply(List<Resource> resources) {
        if (suffix.isEmpty()) {
            return;
        }
        for (Resource resource : resources) {
            if (skipped(resource)) {
                continue;
            }
            resource.storePreviousId();
            resource.setName(resource.name() + suffix);
        }
    }

    private static boolean skipped(Resource resource) {
        String kind = resource.kind();
        return kind.equals("CustomResourceDefinition") || kind.equals("Namespace")
                || (kind.equals("APIService") && resource.group().equals("apiregistration.k8s.io"));
    }
}
