package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot install --dry-run} on a kube-apiserver that never had Flux: a server of its own, so
 * that no other test's installation is there.
 */
class InstallDryRunOnAFreshClusterTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void onAFreshClusterEverythingWouldBeCreatedAndNothingIs() {
        // Given
        Map<String, String> before = InstallDryRunTest.resourceVersions(kube.client());

        // When
        CliRun withExitCode = InstallDryRunTest.install(kube, TestBundles.shared("v2.8.0"), "--dry-run", "--exit-code");
        CliRun withoutExitCode = InstallDryRunTest.install(kube, TestBundles.shared("v2.8.0"), "--dry-run");

        // Then
        assertThat(withExitCode.exitCode()).as(withExitCode.err()).isEqualTo(3);
        assertThat(withExitCode.out().lines()).contains(
                "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io would be created",
                "Namespace/flux-system would be created",
                "Deployment/flux-system/source-controller would be created");
        assertThat(withExitCode.err()).contains("dry run: ").doesNotContain(" created\n");
        assertThat(withoutExitCode.exitCode()).as(withoutExitCode.err()).isZero();
        assertThat(kube.client().namespaces().withName("flux-system").get()).isNull();
        assertThat(kube.client().apiextensions().v1().customResourceDefinitions()
                .withName("gitrepositories.source.toolkit.fluxcd.io").get()).isNull();
        assertThat(InstallDryRunTest.resourceVersions(kube.client())).isEqualTo(before);
    }
}
