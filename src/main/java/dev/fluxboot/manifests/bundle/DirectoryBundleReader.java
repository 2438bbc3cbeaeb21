package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a bundle from a directory with the layout of a release's {@code manifests.tar.gz},
 * unpacked: only its top-level {@code *.yaml} files count; subfolders and other files are
 * ignored. A symbolic link among the bundle files is refused, as in a tarball.
 */
public final class DirectoryBundleReader {

    /** The files of the bundle in {@code directory}, in name order; a clear error naming it if it is not one. */
    public Map<String, String> read(Path directory) {
        String origin = directory.toString();
        Map<String, String> files = new TreeMap<>();
        List<Path> candidates;
        try (Stream<Path> listing = Files.list(directory)) {
            candidates = listing
                    .filter(path -> BundleLayout.isBundleFileName(path.getFileName().toString()))
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FluxbootException("cannot list " + origin + ": " + e.getMessage(), e);
        }
        long total = 0;
        for (Path file : candidates) {
            String name = file.getFileName().toString();
            if (Files.isSymbolicLink(file)) {
                // as in a tarball: a link could bring in any file of the machine
                throw new FluxbootException(origin + " is not a valid Flux manifests bundle: " + name
                        + " is a symbolic link; put the file itself into the folder");
            }
            try {
                long size = Files.size(file);
                if (size > BundleLayout.MAX_FILE_BYTES) {
                    throw new FluxbootException(origin + " is not a valid Flux manifests bundle: " + name + " has "
                            + size + " bytes, more than the " + BundleLayout.MAX_FILE_BYTES / (1024 * 1024)
                            + " MiB a manifest may have");
                }
                total += size;
                if (total > BundleLayout.MAX_TOTAL_BYTES) {
                    throw new FluxbootException(origin + " is not a valid Flux manifests bundle: its YAML files have more than "
                            + BundleLayout.MAX_TOTAL_BYTES / (1024 * 1024) + " MiB");
                }
                files.put(name, BundleLayout.strictUtf8(Files.readAllBytes(file)));
            } catch (CharacterCodingException e) {
                throw new FluxbootException(origin + " is not a valid Flux manifests bundle: " + name + " is not UTF-8 text");
            } catch (IOException e) {
                throw new FluxbootException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        BundleLayout.requireBundle(files, origin);
        return files;
    }
}
