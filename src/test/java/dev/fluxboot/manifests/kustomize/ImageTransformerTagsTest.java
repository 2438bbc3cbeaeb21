package dev.fluxboot.manifests.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A kustomization's images entries with newTag, digest and tagSuffix (kustomize's imageTagUpdater). */
class ImageTransformerTagsTest {

    @ParameterizedTest(name = "{0} with newName={1} newTag={2} digest={3} tagSuffix={4}")
    @CsvSource({
            "ghcr.io/fluxcd/sc:v1.0.0,              '',        v1.1.0, '',          '',    ghcr.io/fluxcd/sc:v1.1.0",
            "ghcr.io/fluxcd/sc:v1.0.0@sha256:aaa,   '',        v1.1.0, '',          '',    ghcr.io/fluxcd/sc:v1.1.0",
            "ghcr.io/fluxcd/sc:v1.0.0,              '',        '',     sha256:bbb,  '',    ghcr.io/fluxcd/sc@sha256:bbb",
            "ghcr.io/fluxcd/sc:v1.0.0,              '',        v2,     sha256:bbb,  '',    ghcr.io/fluxcd/sc:v2@sha256:bbb",
            "ghcr.io/fluxcd/sc:v1.0.0@sha256:aaa,   '',        '',     '',          -fips, ghcr.io/fluxcd/sc:v1.0.0-fips",
            "ghcr.io/fluxcd/sc,                     mirror/sc, v3,     '',          '',    mirror/sc:v3",
            "ghcr.io/fluxcd/sc:v1.0.0@sha256:aaa,   mirror/sc, '',     '',          '',    mirror/sc:v1.0.0@sha256:aaa",
            "ghcr.io/fluxcd/sc-other:v1,            '',        v9,     '',          '',    ''"})
    void setsTagAndDigestAsKustomize(String image, String newName, String newTag, String digest, String tagSuffix,
                                     String expected) {
        // Given
        ImageTransformer transformer = new ImageTransformer("ghcr.io/fluxcd/sc", newName, newTag, digest, tagSuffix);

        // When
        String renamed = transformer.rename(image);

        // Then
        assertThat(renamed).isEqualTo(expected.isEmpty() ? null : expected);
    }
}
