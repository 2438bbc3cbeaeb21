package dev.fluxboot.cluster;

/**
 * A kind of object the generic {@link Cluster} methods read and delete: its API group and
 * version, its kind and the plural name the API server serves it under.
 *
 * @param group   API group, {@code ""} for the core group
 * @param version API version within the group, e.g. {@code v1}
 * @param kind    e.g. {@code GitRepository}
 * @param plural  e.g. {@code gitrepositories}
 */
public record ResourceType(String group, String version, String kind, String plural) {

    public static final ResourceType NAMESPACE = new ResourceType("", "v1", "Namespace", "namespaces");
    public static final ResourceType SECRET = new ResourceType("", "v1", "Secret", "secrets");
    public static final ResourceType SERVICE = new ResourceType("", "v1", "Service", "services");
    public static final ResourceType SERVICE_ACCOUNT = new ResourceType("", "v1", "ServiceAccount", "serviceaccounts");
    public static final ResourceType DEPLOYMENT = new ResourceType("apps", "v1", "Deployment", "deployments");
    public static final ResourceType NETWORK_POLICY = new ResourceType("networking.k8s.io", "v1", "NetworkPolicy",
            "networkpolicies");
    public static final ResourceType CLUSTER_ROLE = new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole",
            "clusterroles");
    public static final ResourceType CLUSTER_ROLE_BINDING = new ResourceType("rbac.authorization.k8s.io", "v1",
            "ClusterRoleBinding", "clusterrolebindings");
    public static final ResourceType CUSTOM_RESOURCE_DEFINITION = new ResourceType("apiextensions.k8s.io", "v1",
            "CustomResourceDefinition", "customresourcedefinitions");

    /** {@code group/version}, or the version alone for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code plural.group} as RBAC and CRD names spell it, e.g. {@code gitrepositories.source.toolkit.fluxcd.io}. */
    public String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}
