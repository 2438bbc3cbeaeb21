package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a bundle from a {@code .tar.gz} with the layout of a release's {@code manifests.tar.gz}
 * (flat; a leading {@code ./} is fine). Takes the top-level {@code *.yaml} files and ignores
 * other regular files; refuses what has no place in a bundle and could hurt: paths that leave
 * the archive, links, devices, entries beyond {@link BundleLayout#MAX_FILE_BYTES}, archives
 * beyond {@link BundleLayout#MAX_TOTAL_BYTES}, text that is not UTF-8.
 */
public final class TarballBundleReader {

    /** More entries than this is not a bundle (a release has fewer than ten). */
    static final int MAX_ENTRIES = 10_000;

    /** The files of the bundle at {@code tarball}, in name order; a clear error naming the file if it is not one. */
    public Map<String, String> read(Path tarball) {
        try (InputStream in = Files.newInputStream(tarball)) {
            return read(in, tarball.toString());
        } catch (NoSuchFileException e) {
            throw new FluxbootException(tarball + " does not exist");
        } catch (IOException e) {
            throw new FluxbootException("cannot read " + tarball + ": " + e.getMessage(), e);
        }
    }

    /** The files of the gzip-compressed tarball in {@code gzipped}; {@code origin} names it in errors. */
    public Map<String, String> read(InputStream gzipped, String origin) {
        Map<String, String> files = new TreeMap<>();
        try (InputStream tar = new GZIPInputStream(new BufferedInputStream(gzipped), 64 * 1024)) {
            TarStream stream = new TarStream(tar);
            long total = 0;
            int count = 0;
            for (Optional<TarStream.Entry> next = stream.next(); next.isPresent(); next = stream.next()) {
                TarStream.Entry entry = next.get();
                if (++count > MAX_ENTRIES) {
                    throw invalid(origin, "it has more than " + MAX_ENTRIES + " entries");
                }
                String name = safeName(entry.name(), origin);
                switch (entry.type()) {
                    case SYMLINK, HARDLINK -> throw invalid(origin, "entry '" + entry.name() + "' is a link; a bundle holds only plain files");
                    case OTHER -> throw invalid(origin, "entry '" + entry.name() + "' is not a plain file (tar type '" + entry.typeFlag() + "')");
                    case DIRECTORY -> {
                        continue;
                    }
                    case FILE -> {
                    }
                }
                if (entry.size() > BundleLayout.MAX_FILE_BYTES) {
                    throw invalid(origin, "entry '" + name + "' has " + entry.size() + " bytes, more than the "
                            + BundleLayout.MAX_FILE_BYTES / (1024 * 1024) + " MiB a manifest may have");
                }
                total += entry.size();
                if (total > BundleLayout.MAX_TOTAL_BYTES) {
                    throw invalid(origin, "it unpacks to more than " + BundleLayout.MAX_TOTAL_BYTES / (1024 * 1024) + " MiB");
                }
                if (!BundleLayout.isBundleFileName(name)) {
                    continue; // content is skipped by the next call to next()
                }
                if (files.containsKey(name)) {
                    throw invalid(origin, "entry '" + name + "' appears twice");
                }
                files.put(name, utf8(stream.readContent(entry.size()), name, origin));
            }
        } catch (ZipException e) {
            throw invalid(origin, "it is not a gzip-compressed tarball (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw invalid(origin, "it is truncated");
        } catch (IOException e) {
            throw invalid(origin, e.getMessage());
        }
        BundleLayout.requireBundle(files, origin);
        return files;
    }

    /**
     * The entry name without a leading {@code ./}; refuses absolute names, {@code ..} segments
     * and backslashes, which would reach outside the bundle if anyone unpacked it.
     */
    private static String safeName(String raw, String origin) {
        String name = raw;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        boolean unsafe = name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || name.indexOf('\0') >= 0;
        for (String segment : name.split("/")) {
            unsafe |= segment.equals("..");
        }
        if (unsafe) {
            throw invalid(origin, "entry '" + raw + "' points outside the bundle");
        }
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    private static String utf8(byte[] bytes, String name, String origin) {
        try {
            return BundleLayout.strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw invalid(origin, name + " is not UTF-8 text");
        }
    }

    private static FluxbootException invalid(String origin, String reason) {
        return new FluxbootException(origin + " is not a valid Flux manifests bundle: " + reason);
    }
}
