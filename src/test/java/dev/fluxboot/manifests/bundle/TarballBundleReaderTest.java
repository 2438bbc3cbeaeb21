package dev.fluxboot.manifests.bundle;

import dev.fluxboot.testing.SharedManifests;
import dev.fluxboot.testing.TestTarballs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class TarballBundleReaderTest {

    private static final String RBAC = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n";
    private static final String SOURCE = "apiVersion: apps/v1\nkind: Deployment\n";

    private final TarballBundleReader reader = new TarballBundleReader();

    @Test
    void readsTheRealReleaseTarballAsTheFolderItWasPackedFrom() throws Exception {
        // Given the v2.8.0 release asset and the folder it was packed from
        Path tarball = SharedManifests.tarballV280();
        Map<String, String> expected = SharedManifests.filesV280();

        // When
        Map<String, String> files = reader.read(tarball);

        // Then
        assertThat(files).containsOnlyKeys("helm-controller.yaml", "kustomize-controller.yaml",
                "notification-controller.yaml", "policies.yaml", "rbac.yaml", "source-controller.yaml");
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void acceptsDotSlashNamesAndIgnoresFoldersAndOtherFiles() {
        // Given a tarball packed with "tar -C dir ." plus a README and a nested yaml
        byte[] tarball = TestTarballs.create()
                .entry("./", '5', new byte[0])
                .file("./rbac.yaml", RBAC)
                .file("./source-controller.yaml", SOURCE)
                .file("./README.md", "# notes")
                .entry("./extra/", '5', new byte[0])
                .file("./extra/other.yaml", "kind: Other\n")
                .gzip();

        // When
        Map<String, String> files = read(tarball);

        // Then
        assertThat(files).containsOnlyKeys("rbac.yaml", "source-controller.yaml");
        assertThat(files.get("rbac.yaml")).isEqualTo(RBAC);
    }

    @Test
    void readsPaxAndGnuLongNames() {
        // Given names given by a pax header and by a GNU long-name entry
        byte[] tarball = TestTarballs.create()
                .paxPath("rbac.yaml").file("ignored-short-name", RBAC)
                .gnuLongName("source-controller.yaml").file("also-ignored", SOURCE)
                .gzip();

        // When
        Map<String, String> files = read(tarball);

        // Then
        assertThat(files).containsOnlyKeys("rbac.yaml", "source-controller.yaml");
        assertThat(files.get("source-controller.yaml")).isEqualTo(SOURCE);
    }

    @Test
    void rejectsPathTraversal() {
        byte[] tarball = bundleWith(TestTarballs.create().file("../../etc/cron.d/evil.yaml", "x"));

        assertThatThrownBy(() -> read(tarball))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("test.tar.gz is not a valid Flux manifests bundle: entry '../../etc/cron.d/evil.yaml' points outside the bundle");
    }

    @Test
    void rejectsAbsolutePaths() {
        byte[] tarball = bundleWith(TestTarballs.create().file("/etc/passwd.yaml", "x"));

        assertThatThrownBy(() -> read(tarball)).hasMessageContaining("'/etc/passwd.yaml' points outside the bundle");
    }

    @Test
    void rejectsTraversalHiddenInAPaxPath() {
        byte[] tarball = bundleWith(TestTarballs.create().paxPath("a/../../b.yaml").file("b.yaml", "x"));

        assertThatThrownBy(() -> read(tarball)).hasMessageContaining("'a/../../b.yaml' points outside the bundle");
    }

    @Test
    void rejectsSymlinks() {
        byte[] tarball = bundleWith(TestTarballs.create().symlink("policies.yaml", "/etc/shadow"));

        assertThatThrownBy(() -> read(tarball)).hasMessageContaining("entry 'policies.yaml' is a link");
    }

    @Test
    void rejectsHardLinksAndDevices() {
        assertThatThrownBy(() -> read(bundleWith(TestTarballs.create().entry("x.yaml", '1', new byte[0]))))
                .hasMessageContaining("entry 'x.yaml' is a link");
        assertThatThrownBy(() -> read(bundleWith(TestTarballs.create().entry("dev", '3', new byte[0]))))
                .hasMessageContaining("entry 'dev' is not a plain file (tar type '3')");
    }

    @Test
    void rejectsHugeEntriesBeforeReadingThem() {
        // Given a header announcing 1 GiB (the bytes are not even there)
        byte[] tarball = TestTarballs.create().headerOnly("source-controller.yaml", 1L << 30).gzip();

        assertThatThrownBy(() -> read(tarball))
                .hasMessageContaining("entry 'source-controller.yaml' has 1073741824 bytes, more than the 16 MiB");
    }

    @Test
    void rejectsATarballWithoutRbac() {
        byte[] tarball = TestTarballs.create().file("source-controller.yaml", SOURCE).gzip();

        assertThatThrownBy(() -> read(tarball))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("test.tar.gz is not a Flux manifests bundle: it has no rbac.yaml");
    }

    @Test
    void rejectsSomethingThatIsNotGzip() {
        byte[] notGzip = "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(notGzip)).hasMessageContaining("is not a gzip-compressed tarball");
    }

    @Test
    void rejectsAGzipThatIsNotATar() {
        byte[] text = new byte[600];
        Arrays.fill(text, (byte) 'a');

        assertThatThrownBy(() -> read(gzip(text))).hasMessageContaining("not a tar archive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ustar", "pax", "gnu"})
    void readsWhatTheSystemTarWrites(String format, @TempDir Path dir) throws Exception {
        // Given the v2.8.0 folder packed by the system's tar as "tar -C folder ." in the given format
        Path folder = SharedManifests.folderV280();
        Path tarball = dir.resolve("m.tar.gz");
        Process tar;
        try {
            tar = new ProcessBuilder("tar", "--format=" + format, "-czf", tarball.toString(), "-C", folder.toString(), ".")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no tar command: skipped");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(tar.waitFor() == 0, "tar --format=" + format + " failed: skipped");

        // When
        Map<String, String> files = reader.read(tarball);

        // Then
        assertThat(files).isEqualTo(SharedManifests.filesV280());
    }

    @Test
    void rejectsATruncatedTarball() throws Exception {
        byte[] whole = Files.readAllBytes(SharedManifests.tarballV280());
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> read(half)).hasMessageContaining("is truncated");
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        byte[] tarball = TestTarballs.create()
                .file("rbac.yaml", RBAC)
                .entry("source-controller.yaml", '0', new byte[] {(byte) 0xff, (byte) 0xfe, 'a'})
                .gzip();

        assertThatThrownBy(() -> read(tarball)).hasMessageContaining("source-controller.yaml is not UTF-8 text");
    }

    @Test
    void namesTheFileWhenReadingFromDisk(@TempDir Path dir) throws Exception {
        Path tarball = TestTarballs.create().file("source-controller.yaml", SOURCE).writeTo(dir.resolve("m.tar.gz"));

        assertThatThrownBy(() -> reader.read(tarball)).hasMessageStartingWith(tarball + " is not a Flux manifests bundle");
        assertThatThrownBy(() -> reader.read(dir.resolve("absent.tar.gz"))).hasMessageContaining("absent.tar.gz does not exist");
    }

    private Map<String, String> read(byte[] tarball) {
        return reader.read(new ByteArrayInputStream(tarball), "test.tar.gz");
    }

    /** A valid bundle with the hostile entries of {@code first} in front. */
    private static byte[] bundleWith(TestTarballs first) {
        return first.file("rbac.yaml", RBAC).file("source-controller.yaml", SOURCE).gzip();
    }

    private static byte[] gzip(byte[] data) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            try (var gz = new java.util.zip.GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
