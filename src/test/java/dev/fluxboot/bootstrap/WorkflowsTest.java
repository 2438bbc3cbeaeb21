package dev.fluxboot.bootstrap;

import dev.fluxboot.manifests.overlay.InstallOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowsTest {

    private static InstallRequest request(boolean export, Optional<RegistryCredentials> credentials) {
        return new InstallRequest(InstallOptions.defaults("v2.8.0"), Optional.empty(), Optional.of("v2.8.0"),
                credentials, export, false, Optional.of(Path.of("kubeconfig")), Optional.empty(),
                Duration.ofMinutes(5), false);
    }

    @Test
    void exportOnlyResolvesGeneratesAndPrints() {
        assertThat(Workflows.install(request(true, Optional.empty())).stepNames())
                .containsExactly("resolve manifests", "generate components", "export components");
    }

    @Test
    void clusterInstallChecksAppliesAndVerifies() {
        assertThat(Workflows.install(request(false, Optional.empty())).stepNames())
                .containsExactly("resolve manifests", "generate components", "check existing flux", "apply components",
                        "verify installation");
    }

    @Test
    void registryCredentialsAddTheImagePullSecretAfterTheApply() {
        assertThat(Workflows.install(request(false, Optional.of(new RegistryCredentials("bot", "pw")))).stepNames())
                .containsExactly("resolve manifests", "generate components", "check existing flux", "apply components",
                        "apply image pull secret", "verify installation");
    }
}
