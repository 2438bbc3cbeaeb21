package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyOrderTest {

    @Test
    void ordersLikeFluxWhateverTheInputOrder() {
        List<ObjectRef> refs = new ArrayList<>(List.of(
                new ObjectRef("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "", "w"),
                new ObjectRef("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system"),
                new ObjectRef("apps/v1", "Deployment", "flux-system", "b"),
                new ObjectRef("apps/v1", "Deployment", "flux-system", "a"),
                new ObjectRef("networking.k8s.io/v1", "NetworkPolicy", "flux-system", "allow-egress"),
                new ObjectRef("v1", "Namespace", "", "flux-system"),
                new ObjectRef("v1", "ServiceAccount", "flux-system", "a"),
                new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "z")));

        refs.sort(ApplyOrder.FLUX_ORDER);

        assertThat(refs).extracting(ObjectRef::subject).containsExactly(
                "CustomResourceDefinition/z",
                "Namespace/flux-system",
                "ServiceAccount/flux-system/a",
                "Deployment/flux-system/a",
                "Deployment/flux-system/b",
                "NetworkPolicy/flux-system/allow-egress",
                "GitRepository/flux-system/flux-system",
                "ValidatingWebhookConfiguration/w");
    }
}
