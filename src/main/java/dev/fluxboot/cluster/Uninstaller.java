package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes Flux from a cluster the way {@code flux uninstall} does: the controllers and their
 * objects in the namespace, the cluster roles and bindings labelled as Flux's, the finalizers of
 * every Flux object in every namespace (no controller is left to run them, so deletions would
 * hang), the Flux CRDs (which deletes the objects) and the namespace. It goes on past a failure
 * and returns every failure at the end. It does not wait for the namespace to be gone.
 */
public final class Uninstaller {

    /** Objects of the installation inside its namespace, in the order Flux deletes them. */
    private static final List<ResourceType> NAMESPACED_COMPONENTS = List.of(ResourceType.DEPLOYMENT,
            ResourceType.SERVICE, ResourceType.NETWORK_POLICY, ResourceType.SERVICE_ACCOUNT);
    private static final List<ResourceType> CLUSTER_COMPONENTS = List.of(ResourceType.CLUSTER_ROLE,
            ResourceType.CLUSTER_ROLE_BINDING);

    private final Cluster cluster;
    private final Reporter reporter;

    public Uninstaller(Cluster cluster, Reporter reporter) {
        this.cluster = cluster;
        this.reporter = reporter;
    }

    /**
     * @param keepNamespace leave the namespace (and what else is in it)
     * @param dryRun        send every request as a server-side dry run: the server checks it, nothing changes
     * @return the failures, one line each; empty when everything went
     */
    public List<String> uninstall(String namespace, boolean keepNamespace, boolean dryRun) {
        List<String> failures = new ArrayList<>();
        String suffix = dryRun ? " (dry run)" : "";

        reporter.action("deleting components in " + namespace + " namespace");
        for (ResourceType type : NAMESPACED_COMPONENTS) {
            deleteLabelled(type, namespace, dryRun, suffix, failures);
        }
        for (ResourceType type : CLUSTER_COMPONENTS) {
            deleteLabelled(type, "", dryRun, suffix, failures);
        }

        reporter.action("deleting toolkit.fluxcd.io finalizers in all namespaces");
        List<Map<String, Object>> crds = listCrds(failures);
        for (Map<String, Object> crd : crds) {
            removeFinalizers(crd, dryRun, suffix, failures);
        }

        reporter.action("deleting toolkit.fluxcd.io custom resource definitions");
        for (Map<String, Object> crd : crds) {
            delete(ResourceType.CUSTOM_RESOURCE_DEFINITION, "", Fields.name(crd), dryRun, suffix, failures);
        }

        if (!keepNamespace) {
            delete(ResourceType.NAMESPACE, "", namespace, dryRun, suffix, failures);
        }
        return failures;
    }

    private void deleteLabelled(ResourceType type, String namespace, boolean dryRun, String suffix, List<String> failures) {
        List<Map<String, Object>> objects;
        try {
            objects = cluster.list(type, namespace, FluxCrds.FLUX_SELECTOR);
        } catch (FluxbootException e) {
            fail(e.getMessage(), failures);
            return;
        }
        for (Map<String, Object> object : objects) {
            delete(type, namespace, Fields.name(object), dryRun, suffix, failures);
        }
    }

    private void delete(ResourceType type, String namespace, String name, boolean dryRun, String suffix,
                        List<String> failures) {
        String subject = subject(type.kind(), namespace, name);
        try {
            if (cluster.delete(type, namespace, name, dryRun)) {
                reporter.success(subject + " deleted" + suffix);
            } else {
                reporter.success(subject + " already gone");
            }
        } catch (FluxbootException e) {
            fail(subject + " deletion failed: " + e.getMessage(), failures);
        }
    }

    private List<Map<String, Object>> listCrds(List<String> failures) {
        try {
            return FluxCrds.list(cluster);
        } catch (FluxbootException e) {
            fail(e.getMessage(), failures);
            return List.of();
        }
    }

    /** Every object of the CRD's kind, in every namespace: its finalizers go. */
    private void removeFinalizers(Map<String, Object> crd, boolean dryRun, String suffix, List<String> failures) {
        ResourceType type = FluxCrds.typeOf(crd);
        List<Map<String, Object>> objects;
        try {
            objects = cluster.list(type, "", Map.of());
        } catch (FluxbootException e) {
            fail(e.getMessage(), failures);
            return;
        }
        for (Map<String, Object> object : objects) {
            String subject = subject(type.kind(), Fields.namespace(object), Fields.name(object));
            try {
                cluster.removeFinalizers(type, Fields.namespace(object), Fields.name(object), dryRun);
                reporter.success(subject + " finalizers deleted" + suffix);
            } catch (FluxbootException e) {
                fail(subject + " removing finalizers failed: " + e.getMessage(), failures);
            }
        }
    }

    private void fail(String failure, List<String> failures) {
        reporter.failure(failure);
        failures.add(failure);
    }

    private static String subject(String kind, String namespace, String name) {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
