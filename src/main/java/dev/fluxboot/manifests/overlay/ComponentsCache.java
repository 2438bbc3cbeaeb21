package dev.fluxboot.manifests.overlay;

import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.bundle.BundleCache;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * gotk-components.yaml as this build of fluxboot rendered it before from the same bundle files
 * and options: {@code <cache>/components/<key>.entry}, {@code <cache>} as in {@link BundleCache}.
 * Rendering is a pure function of those inputs, and re-runs (the same {@code install --export},
 * a no-op bootstrap) ask for the same text again: reading it back costs a few milliseconds where
 * parsing and emitting the YAML costs a hundred in a fresh JVM.
 *
 * <p>Correctness does not rest on a hash: an entry holds every input it was made from (the
 * build's identity, the bundle's version, origin and the files the overlay reads, every option)
 * and is used only when those bytes equal the current ones, and its text only when its checksum
 * holds. The file name (a CRC and the length of the inputs) only says where to look. The build's identity is
 * the jar's path, size and modification time; classes not loaded from a jar (tests, an IDE) get
 * no cache. Writes go to a temporary file moved into place; at most {@link #MAX_ENTRIES} entries
 * are kept, the least recently used go first. Any I/O problem means a miss, never a failure.
 * {@code FLUXBOOT_COMPONENTS_CACHE=off} turns the cache off.
 */
public final class ComponentsCache {

    /** {@code off} disables the cache. */
    public static final String SWITCH_VARIABLE = "FLUXBOOT_COMPONENTS_CACHE";
    static final int MAX_ENTRIES = 16;
    private static final byte[] MAGIC = "fluxboot-components-cache 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".entry";

    private final Path folder;
    private final String build;

    ComponentsCache(Path folder, String build) {
        this.folder = folder;
        this.build = build;
    }

    /**
     * The cache under {@code XDG_CACHE_HOME} (or {@code ~/.cache}) of {@code env}, for the jar this
     * class was loaded from; empty when turned off or not running from a jar.
     */
    public static Optional<ComponentsCache> fromEnvironment(Map<String, String> env) {
        if ("off".equalsIgnoreCase(env.getOrDefault(SWITCH_VARIABLE, "").trim())) {
            return Optional.empty();
        }
        Optional<String> identity = buildIdentity();
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ComponentsCache(BundleCache.fromEnvironment(env).root().resolve("components"),
                identity.get()));
    }

    /** Path, size and modification time of the jar holding this class; empty if it is not in a jar. */
    private static Optional<String> buildIdentity() {
        try {
            CodeSource source = ComponentsCache.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return Optional.empty();
            }
            Path jar = Path.of(location.toURI());
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            // Nanoseconds, not an Instant: printing an Instant initialises java.time's formatters.
            return Optional.of(jar.toAbsolutePath() + "|" + attributes.size() + "|"
                    + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The inputs of one rendering, as the bytes an entry must hold to be used for it. */
    Key key(Bundle bundle, InstallOptions options, List<String> files) {
        List<byte[]> fields = new ArrayList<>(24 + 2 * files.size());
        fields.add(utf8(build));
        fields.add(utf8(bundle.version()));
        fields.add(utf8(bundle.origin()));
        fields.add(utf8(options.version()));
        fields.add(utf8(options.namespace()));
        texts(fields, options.components());
        texts(fields, options.componentsExtra());
        fields.add(utf8(options.registry()));
        fields.add(utf8(options.imagePullSecret()));
        fields.add(utf8(options.watchAllNamespaces() ? "true" : "false"));
        fields.add(utf8(options.networkPolicy() ? "true" : "false"));
        fields.add(utf8(options.logLevel()));
        fields.add(utf8(options.clusterDomain()));
        texts(fields, options.tolerationKeys());
        texts(fields, files);
        for (String file : files) {
            fields.add(utf8(bundle.files().get(file)));
        }
        // Each field length-prefixed, so that no two different inputs give the same bytes.
        int size = 0;
        for (byte[] field : fields) {
            size += 4 + (field == null ? 0 : field.length);
        }
        ByteBuffer inputs = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            if (field == null) {
                inputs.putInt(-1);
            } else {
                inputs.putInt(field.length).put(field);
            }
        }
        return new Key(inputs.array());
    }

    /** The text rendered before from exactly these inputs, if an intact entry has it. */
    Optional<String> find(Key key) {
        Path entry = folder.resolve(key.fileName());
        try {
            if (!Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            byte[] content = Files.readAllBytes(entry);
            ByteBuffer header = ByteBuffer.wrap(content);
            int start = MAGIC.length + 12;
            if (content.length < start || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return Optional.empty();
            }
            int inputLength = header.getInt(MAGIC.length);
            int textLength = header.getInt(MAGIC.length + 4);
            int textChecksum = header.getInt(MAGIC.length + 8);
            if (inputLength != key.inputs.length || (long) start + inputLength + textLength != content.length
                    || !Arrays.equals(content, start, start + inputLength, key.inputs, 0, inputLength)) {
                return Optional.empty();
            }
            CRC32C checksum = new CRC32C();
            checksum.update(content, start + inputLength, textLength);
            if ((int) checksum.getValue() != textChecksum) {
                return Optional.empty();
            }
            touch(entry);
            return Optional.of(new String(content, start + inputLength, textLength, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code text} as the rendering of {@code key}'s inputs; a failure to write is ignored. */
    void store(Key key, String text) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
            CRC32C checksum = new CRC32C();
            checksum.update(textBytes);
            ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 12);
            header.put(MAGIC).putInt(key.inputs.length).putInt(textBytes.length).putInt((int) checksum.getValue());
            temporary = Files.createTempFile(folder, ".writing-", ".tmp");
            try (var out = Files.newOutputStream(temporary)) {
                out.write(header.array());
                out.write(key.inputs);
                out.write(textBytes);
            }
            Path entry = folder.resolve(key.fileName());
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            evictBeyond(MAX_ENTRIES);
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written is only slower.
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException | RuntimeException e) {
                    // left for the next eviction
                }
            }
        }
    }

    Path folder() {
        return folder;
    }

    private void evictBeyond(int keep) throws IOException {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = new ArrayList<>(listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList());
        }
        if (entries.size() <= keep) {
            return;
        }
        entries.sort(Comparator.comparing(ComponentsCache::lastUsed).reversed());
        for (Path old : entries.subList(keep, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // only the eviction order suffers
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** A list as its size then its items. */
    private static void texts(List<byte[]> fields, List<String> values) {
        fields.add(utf8(String.valueOf(values.size())));
        for (String value : values) {
            fields.add(utf8(value));
        }
    }

    /** The inputs of a rendering, length-prefixed field by field, and the entry name derived from them. */
    static final class Key {
        private final byte[] inputs;

        Key(byte[] inputs) {
            this.inputs = inputs;
        }

        /** Where to look: a checksum and the length; two inputs sharing it only share a file name. */
        String fileName() {
            CRC32C checksum = new CRC32C();
            checksum.update(inputs);
            // Not String.format: its parser costs more than the rest of a cache hit in a fresh JVM.
            return hex8(checksum.getValue()) + "-" + inputs.length + SUFFIX;
        }

        private static String hex8(long value) {
            String hex = Long.toHexString(value & 0xFFFFFFFFL);
            return "00000000".substring(hex.length()) + hex;
        }
    }
}
