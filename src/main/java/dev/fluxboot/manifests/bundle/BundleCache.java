package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Downloaded release tarballs, kept as they were published:
 * {@code <cache>/manifests/<version>/manifests.tar.gz}, where {@code <cache>} is
 * {@code $XDG_CACHE_HOME/fluxboot} or {@code ~/.cache/fluxboot}. A file only appears there by
 * an atomic move of a verified download, so whatever is there is complete.
 */
public final class BundleCache {

    static final String TARBALL_NAME = "manifests.tar.gz";

    private final Path root;

    public BundleCache(Path root) {
        this.root = root;
    }

    /** {@code $XDG_CACHE_HOME/fluxboot} when that is an absolute path, else {@code $HOME/.cache/fluxboot}. */
    public static BundleCache fromEnvironment(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new BundleCache(Path.of(xdg, "fluxboot"));
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new BundleCache(Path.of(home, ".cache", "fluxboot"));
    }

    public Path root() {
        return root;
    }

    /** Where the tarball of {@code version} lives once cached. */
    public Path tarball(String version) {
        return root.resolve("manifests").resolve(FluxReleases.normalizeVersion(version)).resolve(TARBALL_NAME);
    }

    /** The cached tarball of {@code version}, if there is one. */
    public Optional<Path> find(String version) {
        Path tarball = tarball(version);
        return Files.isRegularFile(tarball) ? Optional.of(tarball) : Optional.empty();
    }

    /** A new empty temporary file beside where {@code version} will live, so the final move is atomic. */
    public Path newTemporaryFile(String version) {
        Path folder = tarball(version).getParent();
        try {
            Files.createDirectories(folder);
            return Files.createTempFile(folder, ".download-", ".tmp");
        } catch (IOException e) {
            throw new FluxbootException("cannot write to the cache folder " + folder + ": " + e.getMessage()
                    + " (set XDG_CACHE_HOME to a writable folder)", e);
        }
    }

    /** Moves a verified temporary file into place, atomically where the file system can. */
    public Path commit(Path temporary, String version) {
        Path target = tarball(version);
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new FluxbootException("cannot store " + target + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the cached tarball of {@code version} (e.g. because it can no longer be read). */
    public void evict(String version) {
        try {
            Files.deleteIfExists(tarball(version));
        } catch (IOException e) {
            throw new FluxbootException("cannot remove " + tarball(version) + ": " + e.getMessage(), e);
        }
    }
}
