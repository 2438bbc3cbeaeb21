package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.FluxbootException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kustomization's {@code namespace:} field, as kustomize v5's namespace transformer applies it
 * with its default field specs:
 * <ul>
 *   <li>{@code metadata.namespace} on every object that is not cluster-scoped
 *       ({@link ClusterScopedKinds}), created when missing;</li>
 *   <li>{@code metadata.name} of a {@code v1 Namespace};</li>
 *   <li>{@code spec.service.namespace} of an {@code apiregistration.k8s.io APIService}, created;</li>
 *   <li>{@code spec.conversion.webhook.clientConfig.service.namespace} of a CRD, only where it is set;</li>
 *   <li>{@code subjects[].namespace} of (Cluster)RoleBindings, only for subjects named
 *       {@code default} (mode "defaultOnly"): other subjects keep their namespace, which is why
 *       Flux rewrites rbac.yaml textually for a non-default namespace.</li>
 * </ul>
 * Two objects that end up with one id are an error, as in kustomize.
 */
public final class NamespaceTransformer {

    private final String namespace;

    public NamespaceTransformer(String namespace) {
        this.namespace = namespace;
    }

    public void apply(List<Resource> resources) {
        Set<String> ids = new HashSet<>();
        for (Resource resource : resources) {
            resource.storePreviousId();
            apply(resource);
            if (!ids.add(resource.id())) {
                throw new FluxbootException("install failed: namespace " + namespace
                        + " gives two objects the id " + resource.describe()
                        + "; the bundle must not define an object twice");
            }
        }
    }

    private void apply(Resource resource) {
        Map<String, Object> object = resource.object();
        if (!resource.isClusterScoped()) {
            Nodes.mapOrCreate(object, "metadata").put("namespace", namespace);
        }
        String kind = resource.kind();
        if (kind.equals("Namespace") && resource.apiVersion().equals("v1")) {
            Nodes.mapOrCreate(object, "metadata").put("name", namespace);
        } else if (kind.equals("APIService") && resource.group().equals("apiregistration.k8s.io")) {
            Map<String, Object> service = Nodes.mapOrCreate(object, "spec", "service");
            if (service != null) {
                service.put("namespace", namespace);
            }
        } else if (kind.equals("CustomResourceDefinition") && resource.group().equals("apiextensions.k8s.io")) {
            Map<String, Object> service = Nodes.map(object, "spec", "conversion", "webhook", "clientConfig", "service");
            if (service != null && service.containsKey("namespace")) {
                service.put("namespace", namespace);
            }
        } else if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
            List<Object> subjects = Nodes.list(object, "subjects");
            if (subjects != null) {
                for (Object element : subjects) {
                    Map<String, Object> subject = Nodes.asMap(element);
                    if (subject != null && "default".equals(subject.get("name"))) {
                        subject.put("namespace", namespace);
                    }
                }
            }
        }
    }
}
