package dev.fluxboot.manifests.migrate;

import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.testing.OlderFluxRelease;
import dev.fluxboot.testing.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FluxApiVersionsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2.8.0", "v2.8.1", "v2.9.4"})
    void readingLinesGivesWhatParsingTheRealCrdsGives(String release) {
        // Given
        Bundle bundle = TestBundles.fromFolder(release, TestBundles.shared(release));

        // When
        FluxApiVersions read = FluxApiVersions.of(bundle);

        // Then
        assertThat(read.kinds()).isNotEmpty().isEqualTo(FluxApiVersions.parsing(bundle).kinds());
        // and no CRD needed the slow way
        List<String> crds = bundle.files().values().stream().flatMap(text -> FluxApiVersions.documents(text).stream())
                .filter(FluxApiVersions::isCrd).toList();
        assertThat(crds).hasSize(read.kinds().size()).allSatisfy(crd ->
                assertThat(FluxApiVersions.readLines(crd)).isPresent());
    }

    @Test
    void crdsWrittenByAnotherYamlWriterAreReadToo(@TempDir Path work) {
        // Given the v2.8.1 CRDs parsed and written again (go-yaml's layout), with changed storage versions
        Bundle bundle = TestBundles.fromFolder("v2.8.1", OlderFluxRelease.bundle(work));

        // When
        FluxApiVersions read = FluxApiVersions.of(bundle);

        // Then
        assertThat(read.kinds()).isEqualTo(FluxApiVersions.parsing(bundle).kinds());
        assertThat(read.latest("image.toolkit.fluxcd.io", "ImagePolicy")).hasValue("v1beta2");
        assertThat(bundle.files().values().stream().flatMap(text -> FluxApiVersions.documents(text).stream())
                .filter(FluxApiVersions::isCrd)).allSatisfy(crd -> assertThat(FluxApiVersions.readLines(crd)).isPresent());
    }

    @Test
    void otherLayoutsAreReadOrParsed() {
        // Given CRDs with indented lists, quotes and comments, and one in flow style
        Bundle bundle = new Bundle("v9.9.9", Map.of("a.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: "CustomResourceDefinition"
                metadata:
                  name: things.example.com
                spec:
                    group: "example.com"   # the group
                    names:
                        kind: Thing
                        listKind: ThingList
                    versions:
                        -   name: v2
                            served: true
                            storage: true
                            schema:
                                openAPIV3Schema:
                                    properties:
                                        name: {type: string}
                        -   name: 'v1'
                            served: false
                            storage: false
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: others.example.com}
                spec: {group: example.com, names: {kind: Other}, versions: [{name: v1, served: true, storage: true}]}
                """), "test");

        // When
        FluxApiVersions read = FluxApiVersions.of(bundle);

        // Then the first by its lines, the second parsed
        List<String> documents = FluxApiVersions.documents(bundle.files().get("a.yaml"));
        assertThat(FluxApiVersions.readLines(documents.get(0))).isPresent();
        assertThat(FluxApiVersions.readLines(documents.get(1))).isEmpty();
        assertThat(read.kinds()).isEqualTo(Map.of(
                "example.com/Thing", new FluxApiVersions.KindVersions(List.of("v2"), "v2"),
                "example.com/Other", new FluxApiVersions.KindVersions(List.of("v1"), "v1")));
        assertThat(read.kinds()).isEqualTo(FluxApiVersions.parsing(bundle).kinds());
    }

    @Test
    void flux29NoLongerServesTheVersionsItRemovedWhich28StillServed() {
        FluxApiVersions v294 = FluxApiVersions.of(TestBundles.fromFolder("v2.9.4", TestBundles.shared("v2.9.4")));
        FluxApiVersions v281 = FluxApiVersions.of(TestBundles.fromFolder("v2.8.1", TestBundles.shared("v2.8.1")));

        assertThat(v294.serves("image.toolkit.fluxcd.io", "v1beta2", "ImagePolicy")).isFalse();
        assertThat(v294.serves("notification.toolkit.fluxcd.io", "v1beta2", "Alert")).isFalse();
        assertThat(v281.serves("image.toolkit.fluxcd.io", "v1beta2", "ImagePolicy")).isTrue();
        assertThat(v294.latest("notification.toolkit.fluxcd.io", "Alert")).hasValue("v1beta3");
        assertThat(v294.latest("example.com", "ImagePolicy")).isEmpty();
        assertThat(v294.serves("example.com", "v1beta2", "ImagePolicy")).isTrue();
    }
}
