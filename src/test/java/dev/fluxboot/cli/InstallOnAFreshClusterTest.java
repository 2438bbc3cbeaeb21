package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot install} on a kube-apiserver that never had Flux, then again: a server of its own,
 * so that no other test's installation is there.
 */
class InstallOnAFreshClusterTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void installCreatesEverythingAndARerunChangesNothing() {
        // When
        CliRun first = InstallClusterTest.install(kube, TestBundles.shared("v2.8.0"), Prompter.none());
        CliRun second = InstallClusterTest.install(kube, TestBundles.shared("v2.8.0"), Prompter.none());

        // Then
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        assertThat(first.errLines()).containsSubsequence(
                "✚ generating manifests", "✔ manifests build completed", "► installing components in flux-system namespace");
        assertThat(first.errLines()).contains(
                "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io created",
                "Namespace/flux-system created",
                "Deployment/flux-system/source-controller created",
                "NetworkPolicy/flux-system/allow-egress created",
                "◎ verifying installation");
        assertThat(first.errLines()).last().isEqualTo("✔ install finished");
        KubernetesClient client = kube.client();
        for (String controller : List.of("source-controller", "kustomize-controller", "helm-controller",
                "notification-controller")) {
            assertThat(client.apps().deployments().inNamespace("flux-system").withName(controller).get()).isNotNull();
        }

        assertThat(second.exitCode()).as(second.err()).isZero();
        List<String> changes = second.errLines().stream().filter(line -> line.matches("[A-Za-z]+/\\S+ \\w+")).toList();
        assertThat(changes).hasSizeGreaterThan(10).allMatch(line -> line.endsWith(" unchanged"));
        assertThat(second.errLines()).last().isEqualTo("✔ install finished");
    }
}
