package dev.fluxboot.git;

import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where runs keep their temporary Git copies: one folder per user ({@code <tmp>/fluxboot-<user>}),
 * one sub-folder per copy, named after the process that made it. A copy is deleted when its run
 * ends, cancelled or not; a copy whose process is gone (a run killed with {@code kill -9}) is
 * deleted by the next run, before it makes its own.
 */
public final class ScratchSpace {

    private static final Pattern OWNED = Pattern.compile("[a-z]+-(\\d+)-.*");

    private final Path root;
    private final AtomicBoolean swept = new AtomicBoolean();

    private ScratchSpace(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** {@code <java.io.tmpdir>/fluxboot-<user>}. */
    public static ScratchSpace inTemp() {
        String user = System.getProperty("user.name", "user").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return new ScratchSpace(Path.of(System.getProperty("java.io.tmpdir"), "fluxboot-" + user));
    }

    public static ScratchSpace at(Path root) {
        return new ScratchSpace(root);
    }

    public Path root() {
        return root;
    }

    /**
     * A new, empty, owner-only folder {@code <root>/<kind>-<pid>-<random>}; the first call of this
     * instance removes what killed runs left.
     *
     * @param kind e.g. {@code git}, lower case letters
     */
    public Path newDirectory(String kind) {
        try {
            Files.createDirectories(root);
            if (swept.compareAndSet(false, true)) {
                sweep();
            }
            return createOwnerOnly(kind + "-" + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new FluxbootException("cannot create a temporary folder under " + root + ": " + e.getMessage()
                    + "; check that the folder is writable (or set TMPDIR)", e);
        }
    }

    private Path createOwnerOnly(String prefix) throws IOException {
        try {
            return Files.createTempDirectory(root, prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempDirectory(root, prefix);
        }
    }

    /** Deletes the folders of processes that no longer run; those of running ones (this one too) stay. */
    public void sweep() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                Matcher owned = OWNED.matcher(child.getFileName().toString());
                if (owned.matches() && !alive(Long.parseLong(owned.group(1)))) {
                    delete(child);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Best effort: leftovers are not worth failing a run for.
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes a folder and what it holds; best effort. */
    public static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: a leftover temporary folder is not worth failing the command for.
        }
    }
}
