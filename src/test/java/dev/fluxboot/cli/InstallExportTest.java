package dev.fluxboot.cli;

import dev.fluxboot.testing.TestBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code install --export} against the real Flux releases in {@code ../shared}: byte for byte what Flux wrote. */
class InstallExportTest {

    private static Path manifests;
    private static String expected;

    @BeforeAll
    static void sharedManifests() throws IOException {
        Path shared = Path.of(System.getProperty("fluxboot.shared", "../shared"), "flux-manifests");
        assumeTrue(Files.isDirectory(shared.resolve("v2.8.0")), "no shared Flux manifests at " + shared.toAbsolutePath());
        manifests = shared.resolve("v2.8.0");
        expected = Files.readString(shared.resolve("v2.8.0-expected/gotk-components.yaml"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "Flux {0}")
    @ValueSource(strings = {"v2.8.0", "v2.9.4"})
    void exportIsByteForByteWhatThatReleasesFluxCliWrote(String version) throws IOException {
        // Given the release's bundle and what its Flux CLI wrote with default options
        Path release = TestBundles.shared(version);
        String written = Files.readString(TestBundles.shared(version + "-expected").resolve("gotk-components.yaml"),
                StandardCharsets.UTF_8);

        // When
        CliRun run = CliRun.run("install", "--export", "--version", version, "--manifests", release.toString());

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(written);
        assertThat(run.err()).doesNotContain("apiVersion", "CustomResourceDefinition");
    }

    @Test
    void exportWithGlobalFlagsAfterTheCommandAndExplicitDefaults() {
        CliRun run = CliRun.run("install", "--export=true", "-v", "2.8.0", "--manifests", manifests.toString(),
                "--namespace", "flux-system", "--timeout", "1m0s", "--network-policy=true", "--watch-all-namespaces",
                "--log-level", "info", "--cluster-domain", "cluster.local", "--registry", "ghcr.io/fluxcd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expected);
    }

    @Test
    void namespaceFromTheEnvironmentShapesTheExport() {
        CliRun run = CliRun.run(Map.of("FLUX_SYSTEM_NAMESPACE", "gitops"),
                "install", "--export", "--version", "v2.8.0", "--manifests", manifests.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("namespace: gitops").doesNotContain("namespace: flux-system");
    }

    @Test
    void unknownComponentIsAUsageErrorAndPrintsNothing() {
        CliRun run = CliRun.run("install", "--export", "--version", "v2.8.0", "--manifests", manifests.toString(),
                "--components-extra", "image-teleport-controller");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ ").contains("image-teleport-controller");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badLogLevelIsAUsageError() {
        CliRun run = CliRun.run("install", "--export", "--version", "v2.8.0", "--manifests", manifests.toString(),
                "--log-level", "chatty");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("chatty");
        assertThat(run.out()).isEmpty();
    }
}
