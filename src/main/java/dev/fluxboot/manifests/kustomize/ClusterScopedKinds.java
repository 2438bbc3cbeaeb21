package dev.fluxboot.manifests.kustomize;

import java.util.Set;

/**
 * The kinds kustomize treats as cluster-scoped: its built-in table of Kubernetes types (kyaml
 * {@code openapi.precomputedIsNamespaceScoped}), keyed by apiVersion and kind. Every other kind,
 * custom resources included, counts as namespaced, so kustomize's namespace transformer sets
 * {@code metadata.namespace} on it.
 */
final class ClusterScopedKinds {

    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding",
            "apiextensions.k8s.io/v1 CustomResourceDefinition",
            "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
            "apiregistration.k8s.io/v1 APIService",
            "apiregistration.k8s.io/v1beta1 APIService",
            "certificates.k8s.io/v1 CertificateSigningRequest",
            "certificates.k8s.io/v1beta1 CertificateSigningRequest",
            "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
            "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
            "networking.k8s.io/v1 IngressClass",
            "networking.k8s.io/v1beta1 IngressClass",
            "node.k8s.io/v1 RuntimeClass",
            "node.k8s.io/v1beta1 RuntimeClass",
            "policy/v1beta1 PodSecurityPolicy",
            "rbac.authorization.k8s.io/v1 ClusterRole",
            "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
            "rbac.authorization.k8s.io/v1beta1 ClusterRole",
            "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
            "scheduling.k8s.io/v1 PriorityClass",
            "scheduling.k8s.io/v1beta1 PriorityClass",
            "storage.k8s.io/v1 CSIDriver",
            "storage.k8s.io/v1 CSINode",
            "storage.k8s.io/v1 StorageClass",
            "storage.k8s.io/v1 VolumeAttachment",
            "storage.k8s.io/v1beta1 CSIDriver",
            "storage.k8s.io/v1beta1 CSINode",
            "storage.k8s.io/v1beta1 StorageClass",
            "storage.k8s.io/v1beta1 VolumeAttachment",
            "v1 ComponentStatus",
            "v1 Namespace",
            "v1 Node",
            "v1 NodeProxyOptions",
            "v1 PersistentVolume");

    private ClusterScopedKinds() {
    }

    static boolean isClusterScoped(String apiVersion, String kind) {
        return CLUSTER_SCOPED.contains(apiVersion + " " + kind);
    }
}
