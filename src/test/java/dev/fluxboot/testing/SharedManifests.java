package dev.fluxboot.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The real Flux release manifests in {@code ../shared/flux-manifests}; tests skip where absent. */
public final class SharedManifests {

    private SharedManifests() {
    }

    public static Path folder() {
        String shared = System.getProperty("fluxboot.shared", "../shared");
        Path folder = Path.of(shared, "flux-manifests");
        assumeTrue(Files.isDirectory(folder), "shared Flux manifests absent at " + folder + ": skipped");
        return folder;
    }

    public static Path tarballV280() {
        Path tarball = folder().resolve("manifests-v2.8.0.tar.gz");
        assumeTrue(Files.isRegularFile(tarball), tarball + " absent: skipped");
        return tarball;
    }

    public static Path folderV280() {
        Path dir = folder().resolve("v2.8.0");
        assumeTrue(Files.isDirectory(dir), dir + " absent: skipped");
        return dir;
    }

    /** The files of the v2.8.0 folder, read directly, to compare with what the readers return. */
    public static Map<String, String> filesV280() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(folderV280())) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
