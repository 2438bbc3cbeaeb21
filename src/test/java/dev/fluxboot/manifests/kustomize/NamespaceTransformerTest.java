package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.testing.TestYaml;
import static dev.fluxboot.testing.TestYaml.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceTransformerTest {

    @Test
    void setsTheNamespaceOnNamespacedKindsOnly() {
        // Given objects of namespaced, cluster-scoped and unknown (custom) kinds
        List<Resource> resources = TestYaml.resources("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: elsewhere}
                ---
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: q}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: r}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                ---
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata: {name: p}
                """);

        // When
        new NamespaceTransformer("apps").apply(resources);

        // Then
        assertThat(resources).extracting(Resource::namespace).containsExactly("apps", "apps", "apps", "", "", "");
        assertThat(at(resources.get(3).object(), "metadata")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("namespace");
    }

    @Test
    void renamesV1NamespacesAndSetsServiceNamespacesOfApiServicesAndCrdConversionWebhooks() {
        // Given
        List<Resource> resources = TestYaml.resources("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: flux-system}
                ---
                apiVersion: apiregistration.k8s.io/v1
                kind: APIService
                metadata: {name: v1.example.com}
                spec: {group: example.com}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: a.example.com}
                spec:
                  conversion:
                    webhook:
                      clientConfig:
                        service: {name: webhook, namespace: flux-system}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: b.example.com}
                spec:
                  conversion:
                    webhook:
                      clientConfig:
                        service: {name: webhook}
                """);

        // When
        new NamespaceTransformer("apps").apply(resources);

        // Then
        assertThat(resources.get(0).name()).isEqualTo("apps");
        assertThat(at(resources.get(1).object(), "spec", "service", "namespace")).isEqualTo("apps");
        assertThat(at(resources.get(2).object(), "spec", "conversion", "webhook", "clientConfig", "service", "namespace"))
                .isEqualTo("apps");
        assertThat(at(resources.get(3).object(), "spec", "conversion", "webhook", "clientConfig", "service"))
                .isEqualTo(java.util.Map.of("name", "webhook"));
    }

    @Test
    void setsTheNamespaceOfBindingSubjectsNamedDefaultOnly() {
        // Given a binding with a subject "default" and subjects of another namespace
        List<Resource> resources = TestYaml.resources("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
                subjects:
                - {kind: ServiceAccount, name: default}
                - {kind: ServiceAccount, name: kustomize-controller, namespace: flux-system}
                - {kind: User, name: jane}
                """);

        // When
        new NamespaceTransformer("apps").apply(resources);

        // Then
        Object subjects = at(resources.get(0).object(), "subjects");
        assertThat(at(subjects, 0, "namespace")).isEqualTo("apps");
        assertThat(at(subjects, 1, "namespace")).isEqualTo("flux-system");
        assertThat(at(subjects, 2, "namespace")).isNull();
    }

    @Test
    void twoObjectsWithOneIdAreAnError() {
        // Given the same ServiceAccount once without and once with the target namespace
        List<Resource> resources = TestYaml.resources("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: sa}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: sa, namespace: apps}
                """);

        // When / Then
        assertThatThrownBy(() -> new NamespaceTransformer("apps").apply(resources))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("ServiceAccount/sa");
    }
}
