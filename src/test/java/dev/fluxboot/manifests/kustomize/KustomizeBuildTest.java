package dev.fluxboot.manifests.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.RealKustomize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KustomizeBuild}: fluxboot's engine for what it supports, a real kustomize (given, or
 * kustomize or kubectl on PATH) for the rest, a one-line failure naming the field and the fix
 * without one; secretGenerator values in no message.
 */
class KustomizeBuildTest {

    private static final String LOCATION = "clusters/prod/flux-system";
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: flux-system
            data:
              mode: fast
            """;

    @TempDir
    Path work;

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private void file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"helmCharts", "vars", "sortOptions", "configurations", "crds", "transformers",
            "generators", "validators", "openapi", "buildMetadata", "helmGlobals", "replicaS"})
    void withoutAKustomizeAFieldItDoesNotBuildFailsNamingTheFieldAndTheFix(String field) {
        // Given a kustomization with the field, and no kustomize or kubectl
        file("kustomization.yaml", "resources: [settings.yaml]\n" + field + ": []\n");
        file("settings.yaml", CONFIG_MAP);

        // Then one line
        for (KustomizeBuild build : List.of(KustomizeBuild.nativeOnly(),
                KustomizeBuild.forEnvironment(Optional.empty(), Map.of("PATH", work.toString())),
                KustomizeBuild.forEnvironment(Optional.empty(), Map.of()))) {
            assertThatThrownBy(() -> build.build(LOCATION, files, Set.of()))
                    .isExactlyInstanceOf(FluxbootException.class)
                    .hasMessage(LOCATION + "/kustomization.yaml: field '" + field + "' needs kustomize: put kustomize or"
                            + " kubectl on PATH, or give --kustomize-bin PATH");
        }
    }

    @Test
    void aFieldInANestedKustomizationIsNamedWithItsFile() {
        file("kustomization.yaml", "resources: [base]\n");
        file("base/kustomization.yaml", "resources: [settings.yaml]\nvars: []\n");
        file("base/settings.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> KustomizeBuild.nativeOnly().build(LOCATION, files, Set.of()))
                .hasMessage(LOCATION + "/base/kustomization.yaml: field 'vars' needs kustomize: put kustomize or kubectl"
                        + " on PATH, or give --kustomize-bin PATH");
    }

    @Test
    void whatTheEngineSupportsNeverRunsTheProgram() {
        // Given a program that cannot run
        KustomizeBuild build = KustomizeBuild.with(ExternalKustomize.at(work.resolve("no-such-kustomize")));
        file("kustomization.yaml", "resources: [settings.yaml]\ncommonLabels: {team: a}\n");
        file("settings.yaml", CONFIG_MAP);

        // When
        List<Map<String, Object>> objects = build.build(LOCATION, files, Set.of());

        // Then
        assertThat(objects).singleElement().satisfies(object ->
                assertThat(object.get("metadata")).isEqualTo(Map.of("name", "settings", "namespace", "flux-system",
                        "labels", Map.of("team", "a"))));
    }

    @Test
    void theKustomizeOnPathBuildsWhatTheEngineDoesNotAndAnUnwrittenResourceIsLeftOut() throws IOException {
        // Given kustomize on PATH and a folder with sortOptions that lists gotk-sync.yaml before it is written
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kustomize"), RealKustomize.program());
        file("kustomization.yaml", """
                resources: [settings.yaml, gotk-sync.yaml]
                sortOptions: {order: fifo}
                secretGenerator:
                - name: token
                  literals: [token=abcd]
                """);
        file("settings.yaml", CONFIG_MAP);

        // When
        Set<Path> copiesBefore = privateCopies();
        List<Map<String, Object>> objects = KustomizeBuild.forEnvironment(Optional.empty(),
                Map.of("PATH", bin.toString())).build(LOCATION, files, Set.of("gotk-sync.yaml"));

        // Then what kustomize builds of that folder with an empty gotk-sync.yaml
        Path folder = Files.createDirectories(work.resolve("folder"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(folder.resolve("gotk-sync.yaml"), "");
        assertThat(objects).isEqualTo(RealKustomize.build(folder));
        assertThat(objects).extracting(object -> object.get("kind")).containsExactly("ConfigMap", "Secret");
        // and its private copy is gone
        assertThat(privateCopies()).isSubsetOf(copiesBefore);
    }

    private static Set<Path> privateCopies() throws IOException {
        try (var listing = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return listing.filter(path -> path.getFileName().toString().startsWith("fluxboot-kustomize-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void kubectlOnPathBuildsWithKubectlKustomize() throws IOException {
        // Given only kubectl on PATH
        Path kubectl = Path.of("/usr/bin/kubectl");
        assumeTrue(Files.isExecutable(kubectl), "skipped: no kubectl at " + kubectl);
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kubectl"), kubectl);
        file("kustomization.yaml", "resources: [settings.yaml]\nsortOptions: {order: fifo}\n");
        file("settings.yaml", CONFIG_MAP);

        // When
        Optional<ExternalKustomize> found = ExternalKustomize.onPath(bin.toString());
        List<Map<String, Object>> objects = KustomizeBuild.forEnvironment(Optional.empty(), Map.of("PATH", bin.toString()))
                .build(LOCATION, files, Set.of());

        // Then
        assertThat(found).get().extracting(ExternalKustomize::describe).isEqualTo(bin.resolve("kubectl") + " kustomize");
        assertThat(objects).extracting(RealKustomize::id).containsExactly("v1 ConfigMap flux-system/settings");
    }

    @Test
    void kustomizeIsPreferredToAKubectlEarlierOnPath() throws IOException {
        Path first = Files.createDirectories(work.resolve("first"));
        Path second = Files.createDirectories(work.resolve("second"));
        Files.writeString(first.resolve("kubectl"), "#!/bin/sh\n");
        Files.writeString(second.resolve("kustomize"), "#!/bin/sh\n");
        Files.writeString(second.resolve("kubectl"), "#!/bin/sh\n");
        for (Path program : List.of(first.resolve("kubectl"), second.resolve("kustomize"), second.resolve("kubectl"))) {
            assertThat(program.toFile().setExecutable(true)).isTrue();
        }

        assertThat(ExternalKustomize.onPath(first + java.io.File.pathSeparator + second))
                .get().extracting(ExternalKustomize::describe).isEqualTo(second.resolve("kustomize") + " build");
        assertThat(ExternalKustomize.onPath(first.toString()))
                .get().extracting(ExternalKustomize::describe).isEqualTo(first.resolve("kubectl") + " kustomize");
    }

    @Test
    void theKustomizesErrorIsShownWithoutSecretValuesOrThePrivateCopy() {
        // Given a kustomization kustomize refuses because of a secret literal, which it quotes
        file("kustomization.yaml", """
                sortOptions: {order: fifo}
                secretGenerator:
                - name: credentials
                  literals: ["=Sup3r-S3cret-Value"]
                """);

        // When
        KustomizeBuild build = KustomizeBuild.with(ExternalKustomize.at(RealKustomize.program()));

        // Then
        assertThatThrownBy(() -> build.build(LOCATION, files, Set.of()))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith(LOCATION + ": " + RealKustomize.program() + " build failed (exit 1): Error:")
                .hasMessageContaining("invalid literal source")
                .hasMessageNotContaining("Sup3r-S3cret-Value")
                .hasMessageNotContaining("fluxboot-kustomize-")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aShortSecretValueWithholdsTheKustomizesErrorOutput() {
        file("kustomization.yaml", """
                sortOptions: {order: fifo}
                secretGenerator:
                - name: credentials
                  literals: ["=pw1"]
                """);

        assertThatThrownBy(() -> KustomizeBuild.with(ExternalKustomize.at(RealKustomize.program()))
                .build(LOCATION, files, Set.of()))
                .hasMessageEndingWith("build failed (exit 1): (its output is withheld: it may show a secretGenerator value)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"literals: [Sup3r-S3cret-Value]", "literals: [\"=Sup3r-S3cret-Value\"]",
            "envs: [secret.env]"})
    void theEnginesGeneratorErrorsShowNoValue(String source) {
        file("kustomization.yaml", "secretGenerator:\n- name: credentials\n  " + source + "\n");
        files.put("secret.env", new byte[] {'A', '=', 'S', 'u', 'p', '3', 'r', '-', 'S', '3', 'c', 'r', 'e', 't', '-',
            'V', 'a', 'l', 'u', 'e', '\n', (byte) 0xff, '\n'});

        assertThatThrownBy(() -> KustomizeBuild.nativeOnly().build(LOCATION, files, Set.of()))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith(LOCATION + "/kustomization.yaml: secretGenerator[0] (credentials)")
                .hasMessageNotContaining("Sup3r-S3cret-Value");
    }

    @Test
    void aKustomizeThatCannotRunIsAClearFailure() {
        file("kustomization.yaml", "vars: []\n");

        assertThatThrownBy(() -> KustomizeBuild.with(ExternalKustomize.at(work.resolve("gone/kustomize")))
                .build(LOCATION, files, Set.of()))
                .hasMessageStartingWith(LOCATION + ": cannot run " + work.resolve("gone/kustomize"))
                .hasMessageEndingWith("; check --kustomize-bin or PATH");
    }
}
