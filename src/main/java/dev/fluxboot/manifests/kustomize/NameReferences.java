package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repairs references to objects that transformers renamed or moved, as kustomize's name reference
 * transformer does at the end of a build with its default rules ({@link NameReferenceRules}):
 * ConfigMaps and Secrets in pod templates (generated names with their hash suffix), service
 * accounts, roles, services, claims and the rest.
 *
 * <p>As in kustomize, a reference follows only an object that was once called by the referenced
 * name (an id stored before a rename or namespace change), of the rule's kind, reachable from the
 * referrer (cluster-scoped, in its namespace, a service account, or for a RoleBinding in a
 * namespace of its subjects); among several, the one whose name prefixes and suffixes match the
 * referrer's. A reference that is a map also takes the object's namespace.
 */
public final class NameReferences {

    private static final List<NameReferenceRules.Rule> RULES = NameReferenceRules.defaults();

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
        List<Resource> candidates = null;
        for (NameReferenceRules.Rule rule : RULES) {
            for (FieldSpec spec : rule.referrers()) {
                if (!spec.selects(referrer.group(), referrer.version(), referrer.originalKind())) {
                    continue;
                }
                if (candidates == null) {
                    candidates = reachableFrom(referrer);
                }
                List<Resource> reachable = candidates;
                FieldSpec anyKind = FieldSpec.any(spec.path(), false);
                FieldSpecWalker.apply(referrer, anyKind, FieldSpecWalker.Create.NOTHING,
                        value -> set(new Reference(referrer, rule, spec.path(), reachable), value));
            }
        }
    }

    /** One field to fix: who refers, to what kind, the candidates. */
    private record Reference(Resource referrer, NameReferenceRules.Rule rule, String path, List<Resource> candidates) {
    }

    @SuppressWarnings("unchecked")
    private Object set(Reference reference, Object value) {
        if (value instanceof List<?> list) {
            List<Object> elements = (List<Object>) list;
            for (int i = 0; i < elements.size(); i++) {
                Object element = elements.get(i);
                if (element instanceof List<?>) {
                    throw new FluxbootException(reference.referrer().describe() + ": " + reference.path()
                            + " should hold names (strings or maps with a name), not lists");
                }
                elements.set(i, set(reference, element));
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            setMapping(reference, (Map<String, Object>) map);
            return value;
        }
        if (value instanceof String name) {
            Resource referral = select(reference, name, reference.candidates(), false);
            return referral == null ? name : referral.name();
        }
        return value;
    }

    private void setMapping(Reference reference, Map<String, Object> map) {
        if (!map.containsKey("name")) {
            throw new FluxbootException(reference.referrer().describe() + ": " + reference.path()
                    + " has no name; kustomize needs one to follow the reference");
        }
        if (!(map.get("name") instanceof String oldName)) {
            return;
        }
        List<Resource> candidates = reference.candidates();
        if (map.containsKey("namespace")) {
            candidates = inNamespace(candidates, String.valueOf(map.get("namespace")));
        }
        Resource referral = select(reference, oldName, candidates, true);
        if (referral == null || (referral.name().equals(oldName) && referral.namespace().isEmpty())) {
            return;
        }
        map.put("name", referral.name());
        if (!referral.namespace().isEmpty()) {
            map.put("namespace", referral.namespace());
        }
    }

    /** Kustomize looks for a map's object by original namespace first, then by current one. */
    private static List<Resource> inNamespace(List<Resource> candidates, String namespace) {
        List<Resource> byOriginal = new ArrayList<>();
        List<Resource> byCurrent = new ArrayList<>();
        boolean originalExists = false;
        for (Resource resource : candidates) {
            if (resource.originalEffectiveNamespace().equals(namespace) && !namespace.equals(Resource.CLUSTER)) {
                byOriginal.add(resource);
                originalExists = true;
            }
            if (resource.effectiveNamespace().equals(namespace) && !namespace.equals(Resource.CLUSTER)) {
                byCurrent.add(resource);
            }
        }
        return originalExists ? byOriginal : byCurrent;
    }

    private static Resource select(Reference reference, String oldName, List<Resource> candidates,
                                   boolean compareNamespaces) {
        Resource referrer = reference.referrer();
        List<Resource> matches = new ArrayList<>();
        for (Resource candidate : candidates) {
            if (candidate.hadName(oldName) && wasOfKind(candidate, reference.rule())
                    && matchesRoleRef(reference, candidate) && sameNamespaceAsReferrer(referrer, candidate)) {
                matches.add(candidate);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        matches.removeIf(candidate -> !affixesMatch(candidate, referrer, true));
        if (matches.size() > 1) {
            matches.removeIf(candidate -> !affixesMatch(candidate, referrer, false));
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
                    ids.add(KustomizePatch.id(match));
                }
                throw new FluxbootException(referrer.describe() + " refers to " + oldName
                        + ", which could be any of " + ids + "; give them distinct names");
            }
        }
        return first;
    }

    private static boolean wasOfKind(Resource candidate, NameReferenceRules.Rule rule) {
        for (Resource.PreviousId id : candidate.previousIds()) {
            if (rule.targets(id, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** A roleRef follows only a role of the kind and group it names. */
    private static boolean matchesRoleRef(Reference reference, Resource candidate) {
        if (!reference.path().endsWith("roleRef/name")) {
            return true;
        }
        Map<String, Object> roleRef = Nodes.map(reference.referrer().object(), "roleRef");
        if (roleRef == null || roleRef.get("apiGroup") == null || roleRef.get("kind") == null) {
            return true;
        }
        String group = String.valueOf(roleRef.get("apiGroup"));
        String kind = String.valueOf(roleRef.get("kind"));
        for (Resource.PreviousId id : candidate.previousIds()) {
            if ((group.isEmpty() || group.equals(candidate.group())) && (kind.isEmpty() || kind.equals(id.kind()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameNamespaceAsReferrer(Resource referrer, Resource candidate) {
        return referrer.isClusterScoped() || candidate.isClusterScoped()
                || candidate.kind().equals("ServiceAccount")
                || referrer.effectiveNamespace().equals(candidate.effectiveNamespace());
    }

    /** Kustomize's PrefixesSuffixesEquals; with {@code allowEmpty}, no affixes on one side match any. */
    private static boolean affixesMatch(Resource candidate, Resource referrer, boolean allowEmpty) {
        boolean prefixes = sameEnding(candidate.prefixes(), referrer.prefixes());
        boolean suffixes = sameEnding(candidate.suffixes(), referrer.suffixes());
        if (allowEmpty) {
            prefixes |= candidate.prefixes().isEmpty() || referrer.prefixes().isEmpty();
            suffixes |= candidate.suffixes().isEmpty() || referrer.suffixes().isEmpty();
        }
        return prefixes && suffixes;
    }

    /** Whether the shorter list is the end of the longer one; an empty list matches only an empty one. */
    private static boolean sameEnding(List<String> a, List<String> b) {
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = a.size() <= b.size() ? b : a;
        if (shorter.isEmpty()) {
            return longer.isEmpty();
        }
        return longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter);
    }

    /**
     * The objects a referrer may refer to: all for a cluster-scoped one; otherwise cluster-scoped
     * objects, those of its namespace, and for a RoleBinding those in its service accounts' namespaces.
     */
    private List<Resource> reachableFrom(Resource referrer) {
        if (referrer.isClusterScoped()) {
            return resources;
        }
        Set<String> accountNamespaces = new HashSet<>();
        if (referrer.kind().equals("RoleBinding")) {
            List<Object> subjects = Nodes.list(referrer.object(), "subjects");
            if (subjects != null) {
                for (Object element : subjects) {
                    Map<String, Object> subject = Nodes.asMap(element);
                    if (subject != null && subject.get("namespace") != null
                            && "ServiceAccount".equals(subject.get("kind"))) {
                        accountNamespaces.add(String.valueOf(subject.get("namespace")));
                    }
                }
            }
        }
        List<Resource> reachable = new ArrayList<>();
        for (Resource candidate : resources) {
            if (candidate.isClusterScoped() || candidate.effectiveNamespace().equals(referrer.effectiveNamespace())
                    || accountNamespaces.contains(candidate.namespace())) {
                reachable.add(candidate);
            }
        }
        return reachable;
    }
}
