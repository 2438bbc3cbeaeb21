package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A namespace being deleted (Terminating) is named as such, with what to do, and not as a
 * permission problem: refused before an apply writes anything, and recognised in the server's
 * own 403 answer. Real kube-apiserver, which without a namespace controller keeps a deleted
 * namespace Terminating.
 */
class NamespaceBeingDeletedTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String MESSAGE = "namespace \"doomed\" is being deleted (Terminating): wait until it is gone"
            + " (kubectl get namespace doomed), or choose another --namespace, then run again";

    @BeforeAll
    static void terminating() {
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata()
                .build()).create();
        kube.client().namespaces().withName("doomed").delete();
    }

    @Test
    void applyRefusesItBeforeWritingAnything() {
        Map<String, Object> configMap = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "x", "namespace", "doomed"));
        Map<String, Object> clusterRole = Map.of("apiVersion", "rbac.authorization.k8s.io/v1", "kind", "ClusterRole",
                "metadata", Map.of("name", "doomed-reader"));
        try (Cluster cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty())) {
            assertThatThrownBy(() -> cluster.apply(List.of(clusterRole, configMap), Duration.ofMinutes(1)))
                    .isInstanceOf(FluxbootException.class).hasMessage(MESSAGE);
        }
        org.assertj.core.api.Assertions.assertThat(kube.client().rbac().clusterRoles().withName("doomed-reader").get())
                .isNull();
    }

    @Test
    void theServersRefusalIsNamedAsSuch() {
        try (Cluster cluster = KubeClusters.connect(Optional.of(kube.kubeconfig()), Optional.empty())) {
            assertThatThrownBy(() -> cluster.applySecret("doomed", "creds", "Opaque", Map.of("password", "hunter2-x")))
                    .isInstanceOf(FluxbootException.class).hasMessage(MESSAGE);
        }
    }
}
