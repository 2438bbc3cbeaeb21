package dev.fluxboot.cluster;

import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The first staged server-side apply of the real Flux v2.8.0 installation, on a kube-apiserver of its own. */
class KubeClusterApplyOnAnEmptyClusterTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void installsCrdsAndNamespacesFirstSoThatCustomResourcesInTheSameInputSucceed() {
        // Given the v2.8.0 installation listed backwards (Namespace and CRDs last) after a GitRepository
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(KubeClusterApplyTest.gitRepository());
        List<Map<String, Object>> installation = KubeClusterApplyTest.v280();
        java.util.Collections.reverse(installation);
        objects.addAll(installation);

        // When
        List<ObjectChange> changes;
        try (Cluster cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty())) {
            changes = cluster.apply(objects, Duration.ofMinutes(1));
        }

        // Then every object was created, CRDs first, and the CRDs are established
        assertThat(changes).hasSize(objects.size());
        assertThat(changes).allSatisfy(change -> assertThat(change.action()).isEqualTo(ObjectChange.Action.CREATED));
        assertThat(changes.get(0).kind()).isEqualTo("CustomResourceDefinition");
        assertThat(changes.stream().map(ObjectChange::toString))
                .contains("Namespace/flux-system created", "Deployment/flux-system/source-controller created",
                        "GitRepository/flux-system/podinfo created", "ClusterRole/crd-controller-flux-system created");
        for (CustomResourceDefinition crd : kube.client().apiextensions().v1().customResourceDefinitions().list().getItems()) {
            assertThat(crd.getStatus().getConditions())
                    .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Established=True"));
        }
        GenericKubernetesResource repository = kube.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace("flux-system").withName("podinfo").get();
        assertThat(repository.get("spec", "url").toString()).isEqualTo("https://github.com/stefanprodan/podinfo");
        assertThat(repository.getMetadata().getManagedFields())
                .anySatisfy(f -> assertThat(f.getManager() + "/" + f.getOperation()).isEqualTo("flux/Apply"));
    }
}
