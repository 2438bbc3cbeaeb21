package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repairs references to objects a transformer renamed or moved, the part of kustomize's name
 * reference transformer that RBAC and controller objects need: {@code roleRef.name} of
 * (Cluster)RoleBindings to a Role or ClusterRole, {@code subjects} of (Cluster)RoleBindings and
 * {@code serviceAccountName} of pod templates to a ServiceAccount.
 *
 * <p>As in kustomize, a reference follows an object that was once called by the referenced name
 * (an id stored before a rename or namespace change); a subject also takes the ServiceAccount's
 * namespace, looked up among the objects whose original, then current, namespace is the
 * subject's.
 */
public final class NameReferences {

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final Set<String> POD_TEMPLATE_KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicationController", "Job");

    private static final Target SERVICE_ACCOUNT = new Target(null, "ServiceAccount", "v1");

    private final List<Resource> resources;

    private NameReferences(List<Resource> resources) {
        this.resources = resources;
    }

    /** Fixes the references of every object in {@code resources} to the others. */
    public static void fix(List<Resource> resources) {
        NameReferences references = new NameReferences(resources);
        for (Resource referrer : resources) {
            references.fixReferrer(referrer);
        }
    }

    private void fixReferrer(Resource referrer) {
        Map<String, Object> object = referrer.object();
        String kind = referrer.kind();
        if ((kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) && referrer.group().equals(RBAC)) {
            fixRoleRef(referrer, Nodes.map(object, "roleRef"));
            List<Object> subjects = Nodes.list(object, "subjects");
            if (subjects != null) {
                for (Object subject : subjects) {
                    fixServiceAccountSubject(referrer, Nodes.asMap(subject));
                }
            }
        } else if (kind.equals("Pod")) {
            fixServiceAccountName(referrer, Nodes.map(object, "spec"));
        } else if (kind.equals("CronJob")) {
            fixServiceAccountName(referrer, Nodes.map(object, "spec", "jobTemplate", "spec", "template", "spec"));
        } else if (POD_TEMPLATE_KINDS.contains(kind)) {
            fixServiceAccountName(referrer, Nodes.map(object, "spec", "template", "spec"));
        }
    }

    private void fixRoleRef(Resource referrer, Map<String, Object> roleRef) {
        if (roleRef == null || !(roleRef.get("name") instanceof String oldName)) {
            return;
        }
        String kind = Nodes.string(roleRef, "kind");
        String group = Nodes.string(roleRef, "apiGroup");
        if (!group.equals(RBAC) || !(kind.equals("Role") || kind.equals("ClusterRole"))) {
            return;
        }
        Resource referral = select(referrer, oldName, resources, new Target(RBAC, kind, null), false);
        if (referral != null) {
            roleRef.put("name", referral.name());
        }
    }

    private void fixServiceAccountSubject(Resource referrer, Map<String, Object> subject) {
        if (subject == null || !(subject.get("name") instanceof String oldName)) {
            return;
        }
        List<Resource> candidates = resources;
        if (subject.get("namespace") instanceof String namespace) {
            candidates = inNamespace(namespace);
        }
        Resource referral = select(referrer, oldName, candidates, SERVICE_ACCOUNT, true);
        if (referral == null || (referral.name().equals(oldName) && referral.namespace().isEmpty())) {
            return;
        }
        subject.put("name", referral.name());
        if (!referral.namespace().isEmpty()) {
            subject.put("namespace", referral.namespace());
        }
    }

    private void fixServiceAccountName(Resource referrer, Map<String, Object> podSpec) {
        if (podSpec == null || !(podSpec.get("serviceAccountName") instanceof String oldName)) {
            return;
        }
        Resource referral = select(referrer, oldName, resources, SERVICE_ACCOUNT, false);
        if (referral != null) {
            podSpec.put("serviceAccountName", referral.name());
        }
    }

    /** The kind a reference points to; a null group or version matches any. */
    private record Target(String group, String kind, String version) {
        boolean matches(Resource resource) {
            return resource.kind().equals(kind) && (group == null || resource.group().equals(group))
                    && (version == null || resource.version().equals(version));
        }
    }

    /** Kustomize looks for a subject's account by original namespace first, then by current one. */
    private List<Resource> inNamespace(String namespace) {
        List<Resource> byOriginal = new ArrayList<>();
        List<Resource> byCurrent = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.originalEffectiveNamespace().equals(namespace)) {
                byOriginal.add(resource);
            }
            if (resource.effectiveNamespace().equals(namespace)) {
                byCurrent.add(resource);
            }
        }
        return byOriginal.isEmpty() ? byCurrent : byOriginal;
    }

    private static Resource select(Resource referrer, String oldName, List<Resource> candidates,
                                   Target target, boolean compareNamespaces) {
        List<Resource> matches = new ArrayList<>(1);
        for (Resource candidate : candidates) {
            if (candidate.hadName(oldName) && target.matches(candidate) && reachable(referrer, candidate)) {
                matches.add(candidate);
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        Resource first = matches.get(0);
        for (Resource other : matches) {
            boolean same = other.name().equals(first.name())
                    && (!compareNamespaces || other.namespace().equals(first.namespace()));
            if (!same) {
                List<String> ids = new ArrayList<>();
                for (Resource match : matches) {
                    ids.add(match.id());
                }
                throw new FluxbootException("install failed: " + referrer.describe() + " refers to " + oldName
                        + ", which could be any of " + ids);
            }
        }
        return first;
    }

    /** Namespaced objects refer to their own namespace, to cluster-scoped objects and to any account. */
    private static boolean reachable(Resource referrer, Resource candidate) {
        return referrer.isClusterScoped() || candidate.isClusterScoped()
                || candidate.kind().equals("ServiceAccount")
                || referrer.effectiveNamespace().equals(candidate.effectiveNamespace());
    }
}
