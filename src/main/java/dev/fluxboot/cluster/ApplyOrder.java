package dev.fluxboot.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which Flux lists applied objects (fluxcd/pkg ssa sort.go): CRDs, Namespaces and
 * the objects others refer to first, webhooks last, then by group, kind, namespace and name, so
 * the report reads the same whatever the input order.
 */
final class ApplyOrder {

    private static final List<String> FIRST = List.of(
            "CustomResourceDefinition", "Namespace", "ResourceQuota", "StorageClass", "ServiceAccount",
            "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
            "Service", "LimitRange", "PriorityClass", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
    private static final List<String> LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    private static final Map<String, Integer> RANK = rank();

    static final Comparator<ObjectRef> FLUX_ORDER = Comparator
            .comparingInt((ObjectRef ref) -> RANK.getOrDefault(ref.kind(), 0))
            .thenComparing(ObjectRef::group)
            .thenComparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace)
            .thenComparing(ObjectRef::name);

    private ApplyOrder() {
    }

    private static Map<String, Integer> rank() {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < FIRST.size(); i++) {
            rank.put(FIRST.get(i), i - FIRST.size());
        }
        for (int i = 0; i < LAST.size(); i++) {
            rank.put(LAST.get(i), i + 1);
        }
        return rank;
    }
}
