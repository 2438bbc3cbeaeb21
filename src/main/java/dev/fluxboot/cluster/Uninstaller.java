package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes the Flux installed in one namespace, the way {@code flux uninstall} does, but only what
 * belongs to that installation: its controllers and their objects in the namespace, the cluster
 * roles and bindings made for it, and, when no other Flux runs in the cluster, the finalizers of
 * every Flux object (no controller is left to run them, so deletions would hang) and the Flux
 * CRDs (which deletes the objects); then the namespace. A namespace without Flux is refused
 * before anything changes (a typo must not take the CRDs of the Flux in another namespace). It
 * goes on past a failure and returns every failure at the end. It does not wait for the
 * namespace to be gone.
 *
 * <p>With {@code dryRun} every request is a server-side dry run, and what would go is printed
 * on the reporter's result stream (stdout), one line each, like the other dry runs.
 */
public final class Uninstaller {

    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

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
     * What the installation in {@code namespace} consists of, read without changing anything.
     *
     * @throws FluxbootException when the namespace holds no Flux installation (naming where Flux
     *                           is, if anywhere), or the cluster cannot be read
     */
    public Survey survey(String namespace) {
        List<Target> namespaced = new ArrayList<>();
        for (ResourceType type : NAMESPACED_COMPONENTS) {
            for (Map<String, Object> object : cluster.list(type, namespace, FluxCrds.FLUX_SELECTOR)) {
                namespaced.add(new Target(type, namespace, Fields.name(object)));
            }
        }
        List<Target> clusterScoped = new ArrayList<>();
        for (ResourceType type : CLUSTER_COMPONENTS) {
            for (Map<String, Object> object : cluster.list(type, "", FluxCrds.FLUX_SELECTOR)) {
                if (belongsTo(object, type, namespace)) {
                    clusterScoped.add(new Target(type, "", Fields.name(object)));
                }
            }
        }
        List<Map<String, Object>> crds = FluxCrds.list(cluster);
        Set<String> others = new TreeSet<>();
        for (Map<String, Object> deployment : cluster.list(ResourceType.DEPLOYMENT, "", FluxCrds.FLUX_SELECTOR)) {
            if (!Fields.namespace(deployment).equals(namespace)) {
                others.add(Fields.namespace(deployment));
            }
        }
        boolean crdsLabelledForIt = crds.stream().anyMatch(crd -> namespace.equals(Fields.labels(crd).get(INSTANCE_LABEL)));
        boolean found = !namespaced.isEmpty() || !clusterScoped.isEmpty() || crdsLabelledForIt;
        return new Survey(namespace, namespaced, clusterScoped, crds, others, found);
    }

    /**
     * Whether a cluster-scoped object labelled as Flux's was made for the installation in
     * {@code namespace}: Flux labels each with {@code app.kubernetes.io/instance: <namespace>};
     * without that label, a binding whose subjects all live in the namespace, or a role whose name
     * ends in {@code -<namespace>} (Flux's naming).
     */
    private static boolean belongsTo(Map<String, Object> object, ResourceType type, String namespace) {
        String instance = Fields.labels(object).get(INSTANCE_LABEL);
        if (instance != null && !instance.isBlank()) {
            return instance.equals(namespace);
        }
        if (type.equals(ResourceType.CLUSTER_ROLE_BINDING)) {
            List<Object> subjects = Fields.list(object, "subjects");
            return !subjects.isEmpty() && subjects.stream().allMatch(subject -> subject instanceof Map<?, ?> map
                    && namespace.equals(map.get("namespace")));
        }
        return Fields.name(object).endsWith("-" + namespace);
    }

    /**
     * @param keepNamespace leave the namespace (and what else is in it)
     * @param dryRun        send every request as a server-side dry run: the server checks it, nothing changes
     * @return the failures, one line each; empty when everything went
     * @throws FluxbootException before anything changes, when the namespace holds no Flux installation
     */
    public List<String> uninstall(String namespace, boolean keepNamespace, boolean dryRun) {
        return uninstall(survey(namespace), keepNamespace, dryRun);
    }

    /** As {@link #uninstall(String, boolean, boolean)}, for a survey already made. */
    public List<String> uninstall(Survey survey, boolean keepNamespace, boolean dryRun) {
        List<String> failures = new ArrayList<>();
        String namespace = survey.namespace();

        reporter.action("deleting components in " + namespace + " namespace");
        for (Target target : survey.namespaced()) {
            delete(target, dryRun, failures);
        }
        for (Target target : survey.clusterScoped()) {
            delete(target, dryRun, failures);
        }

        if (survey.otherInstallations().isEmpty()) {
            reporter.action("deleting toolkit.fluxcd.io finalizers in all namespaces");
            for (Map<String, Object> crd : survey.crds()) {
                removeFinalizers(crd, "", dryRun, failures);
            }
            reporter.action("deleting toolkit.fluxcd.io custom resource definitions");
            for (Map<String, Object> crd : survey.crds()) {
                delete(new Target(ResourceType.CUSTOM_RESOURCE_DEFINITION, "", Fields.name(crd)), dryRun, failures);
            }
        } else {
            reporter.warning("keeping the toolkit.fluxcd.io custom resource definitions: Flux is also installed in "
                    + "namespace " + String.join(", ", survey.otherInstallations()));
            if (!keepNamespace) {
                // the objects in the namespace go with it; nothing would run their finalizers
                reporter.action("deleting toolkit.fluxcd.io finalizers in " + namespace + " namespace");
                for (Map<String, Object> crd : survey.crds()) {
                    removeFinalizers(crd, namespace, dryRun, failures);
                }
            }
        }

        if (!keepNamespace) {
            delete(new Target(ResourceType.NAMESPACE, "", namespace), dryRun, failures);
        }
        return failures;
    }

    private void delete(Target target, boolean dryRun, List<String> failures) {
        String subject = target.subject();
        try {
            if (!cluster.delete(target.type(), target.namespace(), target.name(), dryRun)) {
                reporter.success(subject + " already gone");
            } else if (dryRun) {
                reporter.result(subject + " would be deleted\n");
            } else {
                reporter.success(subject + " deleted");
            }
        } catch (FluxbootException e) {
            fail(subject + " deletion failed: " + e.getMessage(), failures);
        }
    }

    /** Every object of the CRD's kind in {@code namespace} ({@code ""}: all namespaces): its finalizers go. */
    private void removeFinalizers(Map<String, Object> crd, String namespace, boolean dryRun, List<String> failures) {
        ResourceType type = FluxCrds.typeOf(crd);
        List<Map<String, Object>> objects;
        try {
            objects = cluster.list(type, namespace, Map.of());
        } catch (FluxbootException e) {
            fail(e.getMessage(), failures);
            return;
        }
        for (Map<String, Object> object : objects) {
            String subject = new Target(type, Fields.namespace(object), Fields.name(object)).subject();
            try {
                cluster.removeFinalizers(type, Fields.namespace(object), Fields.name(object), dryRun);
                if (dryRun) {
                    reporter.result(subject + " finalizers would be removed\n");
                } else {
                    reporter.success(subject + " finalizers deleted");
                }
            } catch (FluxbootException e) {
                fail(subject + " removing finalizers failed: " + e.getMessage(), failures);
            }
        }
    }

    private void fail(String failure, List<String> failures) {
        reporter.failure(failure);
        failures.add(failure);
    }

    /**
     * The installation in a namespace as {@link #survey} found it.
     *
     * @param namespaced          its objects in the namespace
     * @param clusterScoped       the cluster roles and bindings made for it
     * @param crds                the Flux CRDs (shared by every installation in the cluster)
     * @param otherInstallations  namespaces of other Flux installations (Deployments labelled as Flux's)
     */
    public record Survey(String namespace, List<Target> namespaced, List<Target> clusterScoped,
                         List<Map<String, Object>> crds, Set<String> otherInstallations, boolean found) {

        public Survey {
            namespaced = List.copyOf(namespaced);
            clusterScoped = List.copyOf(clusterScoped);
            crds = List.copyOf(crds);
            otherInstallations = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(otherInstallations));
        }

        /** Why there is nothing to uninstall in the namespace (a typo?), when nothing was {@link #found()}. */
        public String notFound() {
            return "no Flux installation found in namespace \"" + namespace + "\" ("
                    + (otherInstallations.isEmpty() ? "the cluster has no Flux controllers"
                    : "Flux is installed in namespace " + String.join(", ", otherInstallations))
                    + ")";
        }
    }

    /** One object to delete. */
    public record Target(ResourceType type, String namespace, String name) {

        String subject() {
            return namespace.isEmpty() ? type.kind() + "/" + name : type.kind() + "/" + namespace + "/" + name;
        }
    }
}
