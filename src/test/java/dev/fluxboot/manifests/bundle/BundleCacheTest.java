package dev.fluxboot.manifests.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCacheTest {

    @TempDir
    Path dir;

    @Test
    void usesXdgCacheHomeThenHome() {
        assertThat(BundleCache.fromEnvironment(Map.of("XDG_CACHE_HOME", dir + "/xdg", "HOME", dir + "/home")).root())
                .isEqualTo(dir.resolve("xdg/fluxboot"));
        assertThat(BundleCache.fromEnvironment(Map.of("HOME", dir + "/home")).root())
                .isEqualTo(dir.resolve("home/.cache/fluxboot"));
        // The XDG spec says relative values are to be ignored.
        assertThat(BundleCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "relative", "HOME", dir + "/home")).root())
                .isEqualTo(dir.resolve("home/.cache/fluxboot"));
    }

    @Test
    void aFileAppearsOnlyWhenCommitted() throws Exception {
        BundleCache cache = new BundleCache(dir.resolve("cache"));

        Path temporary = cache.newTemporaryFile("2.8.0");
        Files.writeString(temporary, "data");

        assertThat(cache.find("v2.8.0")).isEmpty();
        assertThat(temporary.getParent()).isEqualTo(cache.tarball("v2.8.0").getParent());

        Path committed = cache.commit(temporary, "v2.8.0");

        assertThat(committed).isEqualTo(dir.resolve("cache/manifests/v2.8.0/manifests.tar.gz")).hasContent("data");
        assertThat(cache.find("2.8.0")).contains(committed);
        assertThat(temporary).doesNotExist();

        cache.evict("v2.8.0");
        assertThat(cache.find("v2.8.0")).isEmpty();
    }
}
