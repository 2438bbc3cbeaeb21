package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesVersionRequirementTest {

    @ParameterizedTest(name = "Flux {0} needs Kubernetes {1}")
    @CsvSource({
            "v2.0.0, 1.24, >=1.24.0-0",
            "v2.1.2, 1.25, >=1.25.0-0",
            "v2.2.3, 1.26, >=1.26.0-0",
            "v2.3.0, 1.28, >=1.28.0-0",
            "v2.4.0, 1.28, >=1.28.0-0",
            "v2.5.1, 1.30, >=1.30.0-0",
            "v2.6.4, 1.31, >=1.31.0-0",
            "v2.7.5, 1.32, >=1.32.0-0",
            "v2.8.0, 1.33, >=1.33.0-0",
            "2.8.1, 1.33, >=1.33.0-0",
            "v2.9.0-rc.1, 1.33, >=1.33.0-0",
            "v2.14.0, 1.33, >=1.33.0-0"})
    void eachFluxMinorHasTheMinimumItsCheckCommandDemanded(String flux, String minimum, String constraint) {
        KubernetesVersionRequirement requirement = KubernetesVersionRequirement.forFlux(flux).orElseThrow();

        assertThat(requirement.minimum()).isEqualTo(minimum);
        assertThat(requirement.constraint()).isEqualTo(constraint);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"latest", "v0.41.2", "v3.0.0", "main", "''"})
    void versionsThatAreNoFlux2ReleaseHaveNoKnownRequirement(String flux) {
        assertThat(KubernetesVersionRequirement.forFlux(flux)).isEmpty();
    }

    @ParameterizedTest(name = "{0} meets Flux 2.8: {1}")
    @CsvSource({
            "v1.33.0, true",
            "v1.33.1+k3s1, true",
            "v1.34.0-rc.0, true",
            "v1.35.2-eks-2d98532, true",
            "v2.0.0, true",
            "v1.32.9, false",
            "v1.20.2, false",
            "v1.4.0, false"})
    void serverVersionsAreComparedByMajorMinorPatchIgnoringSuffixes(String server, boolean meets) {
        KubernetesVersionRequirement requirement = KubernetesVersionRequirement.forFlux("v2.8.0").orElseThrow();

        assertThat(requirement.isMetBy(KubernetesVersion.parse(server).orElseThrow())).isEqualTo(meets);
    }

    @Test
    void versionTextIsPrintedWithoutItsLeadingV() {
        assertThat(KubernetesVersion.parse("v1.33.1+k3s1")).hasValueSatisfying(version -> {
            assertThat(version.text()).isEqualTo("1.33.1+k3s1");
            assertThat(version.major()).isEqualTo(1);
            assertThat(version.minor()).isEqualTo(33);
            assertThat(version.patch()).isEqualTo(1);
        });
        assertThat(KubernetesVersion.parse("unknown")).isEmpty();
        assertThat(KubernetesVersion.parse(null)).isEmpty();
    }

    @Test
    void imagesSplitIntoNameAndTagAsFluxVersionDoes() {
        assertThat(FluxComponentVersions.imageName("ghcr.io/fluxcd/source-controller:v1.8.0")).isEqualTo("source-controller");
        assertThat(FluxComponentVersions.imageTag("ghcr.io/fluxcd/source-controller:v1.8.0")).isEqualTo("v1.8.0");
        assertThat(FluxComponentVersions.imageName("localhost:5000/fluxcd/helm-controller:v1.5.0")).isEqualTo("helm-controller");
        assertThat(FluxComponentVersions.imageTag("localhost:5000/fluxcd/helm-controller:v1.5.0")).isEqualTo("v1.5.0");
        assertThat(FluxComponentVersions.imageName("fluxcd/kustomize-controller:v1.8.0")).isEqualTo("kustomize-controller");
        assertThat(FluxComponentVersions.imageTag("registry.example.com/x/notification-controller:v1.8.0@sha256:abc"))
                .isEqualTo("v1.8.0@sha256:abc");
    }
}
