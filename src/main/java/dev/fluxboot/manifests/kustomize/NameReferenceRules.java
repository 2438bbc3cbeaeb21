package dev.fluxboot.manifests.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * Kustomize v5's default name reference configuration: for each kind that can be renamed, the
 * fields of other objects that hold its name. A rule's target (group, version, kind; "" for any)
 * is the referred object; its field specs select the referring objects and the path of the name
 * (a string, a list of strings, or a map with {@code name} and optionally {@code namespace}).
 */
final class NameReferenceRules {

    /** Where a pod spec is, by kind of workload: kustomize's rules list them one by one. */
    private record PodSpecHolder(String version, String kind, String podSpec) {
    }

    private static final List<PodSpecHolder> CONFIG_HOLDERS = List.of(
            new PodSpecHolder("v1", "Pod", "spec"),
            new PodSpecHolder("", "PodTemplate", "template/spec"),
            new PodSpecHolder("", "Deployment", "spec/template/spec"),
            new PodSpecHolder("", "ReplicaSet", "spec/template/spec"),
            new PodSpecHolder("", "DaemonSet", "spec/template/spec"),
            new PodSpecHolder("", "StatefulSet", "spec/template/spec"),
            new PodSpecHolder("", "Job", "spec/template/spec"),
            new PodSpecHolder("", "CronJob", "spec/jobTemplate/spec/template/spec"));

    /** The holders whose service account, claims and priority class kustomize follows (no ReplicaSet, no PodTemplate). */
    private static final List<PodSpecHolder> WORKLOADS = List.of(
            new PodSpecHolder("", "Pod", "spec"),
            new PodSpecHolder("", "StatefulSet", "spec/template/spec"),
            new PodSpecHolder("", "Deployment", "spec/template/spec"),
            new PodSpecHolder("", "ReplicationController", "spec/template/spec"),
            new PodSpecHolder("", "CronJob", "spec/jobTemplate/spec/template/spec"),
            new PodSpecHolder("", "Job", "spec/template/spec"),
            new PodSpecHolder("", "DaemonSet", "spec/template/spec"));

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String ADMISSION = "admissionregistration.k8s.io";

    /** One rule: the referred kind and where others hold its name. */
    record Rule(String group, String version, String kind, List<FieldSpec> referrers) {

        Rule {
            referrers = List.copyOf(referrers);
        }

        boolean targets(Resource.PreviousId id, Resource resource) {
            return (group.isEmpty() || group.equals(resource.group()))
                    && (version.isEmpty() || version.equals(resource.version()))
                    && (kind.isEmpty() || kind.equals(id.kind()));
        }
    }

    private NameReferenceRules() {
    }

    static List<Rule> defaults() {
        List<Rule> rules = new ArrayList<>();
        for (String workload : List.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet")) {
            rules.add(new Rule("", "", workload,
                    List.of(FieldSpec.ofKind("HorizontalPodAutoscaler", "spec/scaleTargetRef/name", false))));
        }
        rules.add(new Rule("", "v1", "ConfigMap", configMapReferrers()));
        rules.add(new Rule("", "v1", "Secret", secretReferrers()));
        rules.add(new Rule("", "v1", "Service", List.of(
                new FieldSpec("apps", "", "StatefulSet", "spec/serviceName", false),
                FieldSpec.ofKind("Ingress", "spec/rules/http/paths/backend/serviceName", false),
                FieldSpec.ofKind("Ingress", "spec/backend/serviceName", false),
                FieldSpec.ofKind("Ingress", "spec/rules/http/paths/backend/service/name", false),
                FieldSpec.ofKind("Ingress", "spec/defaultBackend/service/name", false),
                new FieldSpec("apiregistration.k8s.io", "", "APIService", "spec/service/name", false),
                new FieldSpec(ADMISSION, "", "ValidatingWebhookConfiguration", "webhooks/clientConfig/service", false),
                new FieldSpec(ADMISSION, "", "MutatingWebhookConfiguration", "webhooks/clientConfig/service", false))));
        rules.add(new Rule(RBAC, "", "Role", List.of(new FieldSpec(RBAC, "", "RoleBinding", "roleRef/name", false))));
        rules.add(new Rule(RBAC, "", "ClusterRole", List.of(
                new FieldSpec(RBAC, "", "RoleBinding", "roleRef/name", false),
                new FieldSpec(RBAC, "", "ClusterRoleBinding", "roleRef/name", false))));
        List<FieldSpec> accountReferrers = new ArrayList<>(List.of(
                new FieldSpec(RBAC, "", "RoleBinding", "subjects", false),
                new FieldSpec(RBAC, "", "ClusterRoleBinding", "subjects", false)));
        accountReferrers.addAll(inWorkloads("serviceAccountName"));
        rules.add(new Rule("", "v1", "ServiceAccount", accountReferrers));
        rules.add(new Rule("", "v1", "PersistentVolumeClaim", inWorkloads("volumes/persistentVolumeClaim/claimName")));
        rules.add(new Rule("", "v1", "PersistentVolume", List.of(
                FieldSpec.ofKind("PersistentVolumeClaim", "spec/volumeName", false),
                FieldSpec.ofKind("ClusterRole", "rules/resourceNames", false))));
        rules.add(new Rule("storage.k8s.io", "v1", "StorageClass", List.of(
                FieldSpec.ofKind("PersistentVolume", "spec/storageClassName", false),
                FieldSpec.ofKind("PersistentVolumeClaim", "spec/storageClassName", false),
                FieldSpec.ofKind("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName", false))));
        rules.add(new Rule("scheduling.k8s.io", "v1", "PriorityClass", inWorkloads("priorityClassName")));
        // Kustomize writes this rule's group with its version, so it never matches; kept as it is.
        rules.add(new Rule("networking.k8s.io/v1", "v1", "IngressClass",
                List.of(FieldSpec.ofKind("Ingress", "spec/ingressClassName", false))));
        rules.add(new Rule(ADMISSION, "", "ValidatingAdmissionPolicy", List.of(
                new FieldSpec(ADMISSION, "", "ValidatingAdmissionPolicyBinding", "spec/policyName", false))));
        return rules;
    }

    private static List<FieldSpec> configMapReferrers() {
        List<FieldSpec> specs = inConfigHolders(List.of(
                "volumes/configMap/name",
                "containers/env/valueFrom/configMapKeyRef/name",
                "initContainers/env/valueFrom/configMapKeyRef/name",
                "containers/envFrom/configMapRef/name",
                "initContainers/envFrom/configMapRef/name",
                "volumes/projected/sources/configMap/name"));
        specs.add(FieldSpec.ofKind("Node", "spec/configSource/configMap", false));
        specs.add(FieldSpec.ofKind("Role", "rules/resourceNames", false));
        specs.add(FieldSpec.ofKind("ClusterRole", "rules/resourceNames", false));
        specs.add(FieldSpec.ofKind("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap", false));
        return specs;
    }

    private static List<FieldSpec> secretReferrers() {
        List<FieldSpec> specs = inConfigHolders(List.of(
                "volumes/secret/secretName",
                "containers/env/valueFrom/secretKeyRef/name",
                "initContainers/env/valueFrom/secretKeyRef/name",
                "containers/envFrom/secretRef/name",
                "initContainers/envFrom/secretRef/name",
                "imagePullSecrets/name",
                "volumes/projected/sources/secret/name"));
        specs.add(FieldSpec.ofKind("Ingress", "spec/tls/secretName", false));
        specs.add(FieldSpec.ofKind("Ingress", "metadata/annotations/ingress.kubernetes.io\\/auth-secret", false));
        specs.add(FieldSpec.ofKind("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", false));
        specs.add(FieldSpec.ofKind("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret", false));
        specs.add(FieldSpec.ofKind("ServiceAccount", "imagePullSecrets/name", false));
        for (String parameter : List.of("secretName", "adminSecretName", "userSecretName", "secretRef")) {
            specs.add(FieldSpec.ofKind("StorageClass", "parameters/" + parameter, false));
        }
        specs.add(FieldSpec.ofKind("Role", "rules/resourceNames", false));
        specs.add(FieldSpec.ofKind("ClusterRole", "rules/resourceNames", false));
        specs.add(new FieldSpec("serving.knative.dev", "v1", "Service",
                "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false));
        specs.add(FieldSpec.ofKind("PersistentVolume", "spec/azureFile/secretName", false));
        return specs;
    }

    private static List<FieldSpec> inConfigHolders(List<String> paths) {
        List<FieldSpec> specs = new ArrayList<>();
        for (PodSpecHolder holder : CONFIG_HOLDERS) {
            for (String path : paths) {
                specs.add(new FieldSpec("", holder.version(), holder.kind(), holder.podSpec() + "/" + path, false));
            }
        }
        return specs;
    }

    private static List<FieldSpec> inWorkloads(String path) {
        List<FieldSpec> specs = new ArrayList<>();
        for (PodSpecHolder holder : WORKLOADS) {
            specs.add(FieldSpec.ofKind(holder.kind(), holder.podSpec() + "/" + path, false));
        }
        return specs;
    }
}
