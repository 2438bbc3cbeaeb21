package dev.fluxboot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small tar.gz archives for tests, entry by entry, including hostile ones. */
public final class TestTarballs {

    private final List<byte[]> blocks = new ArrayList<>();

    public static TestTarballs create() {
        return new TestTarballs();
    }

    public TestTarballs file(String name, String content) {
        return entry(name, '0', content.getBytes(StandardCharsets.UTF_8));
    }

    public TestTarballs entry(String name, char type, byte[] content) {
        blocks.add(header(name, type, content.length, ""));
        addContent(content);
        return this;
    }

    public TestTarballs symlink(String name, String target) {
        blocks.add(header(name, '2', 0, target));
        return this;
    }

    /** A header that announces {@code size} bytes, without the bytes. */
    public TestTarballs headerOnly(String name, long size) {
        blocks.add(header(name, '0', size, ""));
        return this;
    }

    /** A pax extended header giving the next entry a long path. */
    public TestTarballs paxPath(String path) {
        byte[] record = paxRecord("path", path);
        blocks.add(header("PaxHeaders/x", 'x', record.length, ""));
        addContent(record);
        return this;
    }

    /** GNU's long name: an 'L' entry holding the name of the next entry. */
    public TestTarballs gnuLongName(String name) {
        byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        blocks.add(header("././@LongLink", 'L', bytes.length, ""));
        addContent(bytes);
        return this;
    }

    /** The bundle files of {@code folder} as top-level entries. */
    TestTarballs filesOf(Path folder) throws IOException {
        try (var listing = Files.list(folder)) {
            for (Path file : listing.sorted().toList()) {
                entry(file.getFileName().toString(), '0', Files.readAllBytes(file));
            }
        }
        return this;
    }

    byte[] tar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blocks.forEach(out::writeBytes);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    public byte[] gzip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(tar());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path writeTo(Path file) throws IOException {
        Files.write(file, gzip());
        return file;
    }

    private void addContent(byte[] content) {
        int padded = (content.length + 511) / 512 * 512;
        byte[] block = new byte[padded];
        System.arraycopy(content, 0, block, 0, content.length);
        blocks.add(block);
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int total = length + Integer.toString(length).length();
        if (Integer.toString(total).length() != Integer.toString(length).length()) {
            total++;
        }
        return (total + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] header(String name, char type, long size, String linkName) {
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
        octal(header, 100, 8, 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 1_700_000_000L);
        header[156] = (byte) type;
        byte[] link = linkName.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(link, 0, header, 157, Math.min(100, link.length));
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        System.arraycopy("00".getBytes(StandardCharsets.US_ASCII), 0, header, 263, 2);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        String checksum = String.format("%06o", sum);
        System.arraycopy(checksum.getBytes(StandardCharsets.US_ASCII), 0, header, 148, 6);
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String text = String.format("%0" + (length - 1) + "o", value);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }
}
