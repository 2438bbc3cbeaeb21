package dev.fluxboot.manifests.bundle;

import dev.fluxboot.testing.SharedManifests;
import dev.fluxboot.testing.TestTarballs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBundleTest {

    @TempDir
    Path classes;

    @Test
    void aBuildWithoutEmbeddedBundleHasNone() throws Exception {
        try (URLClassLoader jar = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            EmbeddedBundle embedded = new EmbeddedBundle(jar);

            assertThat(embedded.version()).isEmpty();
            assertThat(embedded.load("v2.9.4")).isEmpty();
        }
    }

    @Test
    void theEmbeddedBundleServesOnlyItsOwnRelease() throws Exception {
        try (URLClassLoader jar = jar("2.8.0\n", Files.readAllBytes(SharedManifests.tarballV280()))) {
            EmbeddedBundle embedded = new EmbeddedBundle(jar);

            assertThat(embedded.version()).contains("v2.8.0");
            assertThat(embedded.load("v2.8.1")).isEmpty();
            assertThat(embedded.load("v2.8.0")).hasValueSatisfying(bundle -> {
                assertThat(bundle.version()).isEqualTo("v2.8.0");
                assertThat(bundle.origin()).isEqualTo("embedded");
                assertThat(bundle.hasComponent("helm-controller")).isTrue();
            });
        }
    }

    @Test
    void theDefaultReleaseIsTheEmbeddedBundlesElseTheBuilds() throws Exception {
        try (URLClassLoader plain = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(FluxReleases.defaultVersion(new EmbeddedBundle(plain)))
                    .matches("v2\\.\\d+\\.\\d+").isNotEqualTo("v2.8.0");
        }
        try (URLClassLoader jar = jar("2.8.0\n", Files.readAllBytes(SharedManifests.tarballV280()))) {
            assertThat(FluxReleases.defaultVersion(new EmbeddedBundle(jar))).isEqualTo("v2.8.0");
        }
    }

    @Test
    void aBrokenEmbeddingIsAClearError() throws Exception {
        try (URLClassLoader jar = jar("main\n", new byte[] {1})) {
            assertThatThrownBy(() -> new EmbeddedBundle(jar).version())
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("the bundle embedded in fluxboot names no valid release ('main'): rebuild with -Dfluxboot.embed.version=vX.Y.Z");
        }
        try (URLClassLoader jar = jar("v2.8.0", TestTarballs.create().file("x.yaml", "a: b\n").gzip())) {
            assertThatThrownBy(() -> new EmbeddedBundle(jar).load("v2.8.0"))
                    .hasMessageStartingWith("the bundle embedded in fluxboot is not a Flux manifests bundle: it has no rbac.yaml");
        }
    }

    private URLClassLoader jar(String version, byte[] tarball) throws Exception {
        Path folder = Files.createDirectories(classes.resolve("fluxboot/embedded"));
        Files.write(folder.resolve("manifests.tar.gz"), tarball);
        Files.writeString(folder.resolve("version"), version);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }
}
