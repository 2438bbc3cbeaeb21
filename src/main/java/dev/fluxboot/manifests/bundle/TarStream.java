package dev.fluxboot.manifests.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the entries of an uncompressed tar stream: ustar, pax extended headers ({@code path},
 * {@code size}, {@code linkpath}) and GNU long names, which is what GNU tar, BSD tar, Go's
 * archive/tar and Ant write. It only parses; what to accept is the caller's decision.
 */
final class TarStream {

    private static final int BLOCK = 512;
    /** Pax and GNU long-name records are small; a bigger one is not a bundle. */
    private static final int MAX_META_BYTES = 64 * 1024;

    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    /** One entry; its content is read with {@link TarStream#readContent(long)} before the next call to next(). */
    record Entry(String name, Type type, char typeFlag, long size) {
    }

    private final InputStream in;
    private long pendingContent;
    private final Map<String, String> globalPax = new HashMap<>();

    TarStream(InputStream in) {
        this.in = in;
    }

    /** The next entry, or empty at the end of the archive. */
    Optional<Entry> next() throws IOException {
        skipPending();
        Map<String, String> pax = new HashMap<>(globalPax);
        String longName = null;
        while (true) {
            byte[] header = new byte[BLOCK];
            if (!readBlock(header, true)) {
                return Optional.empty(); // EOF without end blocks: tolerated, as GNU tar does
            }
            if (isZero(header)) {
                return Optional.empty();
            }
            verifyChecksum(header);
            char flag = (char) header[156];
            long size = parseNumber(header, 124, 12, "size");
            switch (flag) {
                case 'x' -> {
                    pax.putAll(parsePax(readMeta(size)));
                    continue;
                }
                case 'g' -> {
                    globalPax.putAll(parsePax(readMeta(size)));
                    pax.putAll(globalPax);
                    continue;
                }
                case 'L' -> {
                    longName = cString(readMeta(size));
                    continue;
                }
                case 'K' -> {
                    readMeta(size); // long link name: links are refused by type anyway
                    continue;
                }
                default -> {
                }
            }
            String name = longName != null ? longName : headerName(header);
            if (pax.containsKey("path")) {
                name = pax.get("path");
            }
            if (pax.containsKey("size")) {
                try {
                    size = Long.parseLong(pax.get("size").trim());
                } catch (NumberFormatException e) {
                    throw new IOException("bad pax size '" + pax.get("size") + "'");
                }
            }
            if (size < 0) {
                throw new IOException("negative entry size");
            }
            Type type = switch (flag) {
                case '0', '\0', '7' -> Type.FILE;
                case '5' -> Type.DIRECTORY;
                case '2' -> Type.SYMLINK;
                case '1' -> Type.HARDLINK;
                default -> Type.OTHER;
            };
            pendingContent = size;
            return Optional.of(new Entry(name, type, flag, size));
        }
    }

    /** The content of the current entry; call at most once per entry, with the entry's size. */
    byte[] readContent(long size) throws IOException {
        if (size != pendingContent || size > Integer.MAX_VALUE - BLOCK) {
            throw new IllegalStateException("content already read or too large");
        }
        byte[] data = readFully((int) size);
        skipPadding(size);
        pendingContent = 0;
        return data;
    }

    private void skipPending() throws IOException {
        if (pendingContent > 0) {
            skipFully(pendingContent);
            skipPadding(pendingContent);
            pendingContent = 0;
        }
    }

    private byte[] readMeta(long size) throws IOException {
        if (size > MAX_META_BYTES) {
            throw new IOException("extended header of " + size + " bytes");
        }
        byte[] data = readFully((int) size);
        skipPadding(size);
        return data;
    }

    private void skipPadding(long size) throws IOException {
        long remainder = size % BLOCK;
        if (remainder != 0) {
            skipFully(BLOCK - remainder);
        }
    }

    private byte[] readFully(int size) throws IOException {
        byte[] data = in.readNBytes(size);
        if (data.length != size) {
            throw new EOFException("archive is truncated");
        }
        return data;
    }

    private void skipFully(long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("archive is truncated");
            }
            left -= read;
        }
    }

    private boolean readBlock(byte[] block, boolean eofAllowed) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0 && eofAllowed) {
            return false;
        }
        if (read != BLOCK) {
            throw new EOFException("archive is truncated");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void verifyChecksum(byte[] header) throws IOException {
        long stored = parseNumber(header, 148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IOException("not a tar archive (header checksum mismatch)");
        }
    }

    private static String headerName(byte[] header) {
        String name = cString(Arrays.copyOfRange(header, 0, 100));
        boolean posixUstar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (posixUstar) {
            String prefix = cString(Arrays.copyOfRange(header, 345, 500));
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Octal (NUL/space terminated) or GNU base-256 (high bit set). */
    private static long parseNumber(byte[] header, int offset, int length, String field) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            if ((header[offset] & 0x40) != 0) {
                throw new IOException("negative " + field);
            }
            long value = header[offset] & 0x3f;
            for (int i = 1; i < length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new IOException(field + " out of range");
                }
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        boolean digits = false;
        for (; i < end; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new IOException("not a tar archive (bad " + field + " field)");
            }
            value = value * 8 + (b - '0');
            digits = true;
        }
        return digits ? value : 0;
    }

    /** Pax records: {@code "<length> <key>=<value>\n"}, length counting the whole record. */
    private static Map<String, String> parsePax(byte[] data) throws IOException {
        Map<String, String> values = new HashMap<>();
        int position = 0;
        while (position < data.length) {
            int space = position;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, position, space - position, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("bad pax header");
            }
            if (length <= space - position + 1 || position + length > data.length || data[position + length - 1] != '\n') {
                throw new IOException("bad pax header");
            }
            String record = new String(data, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw new IOException("bad pax header");
            }
            values.put(record.substring(0, equals), record.substring(equals + 1));
            position += length;
        }
        return values;
    }
}
