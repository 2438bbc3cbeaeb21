package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuffixAndReferencesTest {

    private static final String RBAC = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: crd-controller}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: crd-controller}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: crd-controller}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: crd-controller}
            subjects:
            - {kind: ServiceAccount, name: kustomize-controller, namespace: apps}
            - {kind: ServiceAccount, name: helper, namespace: apps}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: cluster-reconciler}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: local}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: crd-controller}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: helper}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: helper}
            spec:
              template:
                spec: {serviceAccountName: helper}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: apps}
            """;

    @Test
    void suffixesEveryNameButCrdsAndNamespacesAndRepairsReferences() {
        // Given the roles sub-build's objects in namespace apps
        List<Resource> resources = TestYaml.resources(RBAC);
        new NamespaceTransformer("apps").apply(resources);

        // When
        new NameSuffixTransformer("-apps").apply(resources);
        NameReferences.fix(resources);

        // Then names are suffixed, except the CRD and the Namespace
        assertThat(resources).extracting(Resource::name).containsExactly(
                "crd-controller-apps", "crd-controller-apps", "crd-controller-apps", "cluster-reconciler-apps",
                "local-apps", "helper-apps", "helper-apps", "widgets.example.com", "apps");
        // and references follow the renamed role of the referenced kind, not cluster-admin
        assertThat(at(resources.get(2).object(), "roleRef", "name")).isEqualTo("crd-controller-apps");
        assertThat(at(resources.get(3).object(), "roleRef", "name")).isEqualTo("cluster-admin");
        assertThat(at(resources.get(4).object(), "roleRef", "name")).isEqualTo("crd-controller-apps");
        // and the subject of the renamed ServiceAccount, not the one defined elsewhere
        assertThat(at(resources.get(2).object(), "subjects", 0, "name")).isEqualTo("kustomize-controller");
        assertThat(at(resources.get(2).object(), "subjects", 1, "name")).isEqualTo("helper-apps");
        assertThat(at(resources.get(6).object(), "spec", "template", "spec", "serviceAccountName"))
                .isEqualTo("helper-apps");
    }

    @Test
    void roleRefFollowsOnlyTheReferencedKind() {
        // Given a ClusterRole renamed and a Role of the same name that is not
        List<Resource> resources = TestYaml.resources("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: reader}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: b, namespace: apps}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
                """);
        resources.get(0).storePreviousId();
        resources.get(0).setName("reader-apps");

        // When
        NameReferences.fix(resources);

        // Then
        assertThat(at(resources.get(1).object(), "roleRef", "name")).isEqualTo("reader");
    }

    @Test
    void subjectWithoutNamespaceTakesTheNamespaceOfItsServiceAccount() {
        // Given a binding whose subject has no namespace, and the account it names
        List<Resource> resources = TestYaml.resources("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects:
                - {kind: ServiceAccount, name: source-controller}
                - {kind: ServiceAccount, name: stranger}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: source-controller}
                """);
        new NamespaceTransformer("apps").apply(resources);

        // When
        NameReferences.fix(resources);

        // Then
        assertThat(at(resources.get(0).object(), "subjects", 0, "namespace")).isEqualTo("apps");
        assertThat(at(resources.get(0).object(), "subjects", 1, "namespace")).isNull();
    }
}
