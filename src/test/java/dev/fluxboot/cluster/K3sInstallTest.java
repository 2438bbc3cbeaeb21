package dev.fluxboot.cluster;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.testing.FluxManifestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on k3s, where the real controllers run: the v2.8.0 installation as the Flux CLI
 * writes it (CRDs unmodified), then the controllers become available. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sInstallTest {

    @Container
    static final K3sContainer k3s = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.32.5-k3s1"));

    @TempDir
    Path dir;

    @Test
    void installsFluxAndTheControllersBecomeAvailable() throws Exception {
        // Given
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), k3s.getKubeConfigYaml());
        RecordingReporter reporter = new RecordingReporter();

        try (Cluster cluster = KubeClusters.connect(Optional.of(kubeconfig), Optional.empty())) {
            // When
            List<ObjectChange> changes = cluster.apply(FluxManifestFixtures.v280Components(), Duration.ofMinutes(2));
            cluster.waitForDeployments("flux-system",
                    List.of("source-controller", "kustomize-controller", "helm-controller", "notification-controller"),
                    Duration.ofMinutes(5), reporter);

            // Then
            assertThat(changes).allSatisfy(c -> assertThat(c.action()).isEqualTo(ObjectChange.Action.CREATED));
            assertThat(reporter.lines()).containsExactly(
                    "✔ helm-controller: deployment ready",
                    "✔ kustomize-controller: deployment ready",
                    "✔ notification-controller: deployment ready",
                    "✔ source-controller: deployment ready");
            assertThat(cluster.inspectFlux().version()).contains("v2.8.0");
            assertThat(cluster.apply(FluxManifestFixtures.v280Components(), Duration.ofMinutes(1)))
                    .allSatisfy(c -> assertThat(c.action()).isEqualTo(ObjectChange.Action.UNCHANGED));
        }
    }
}
