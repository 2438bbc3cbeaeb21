package dev.fluxboot.git;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads files of one commit of the fetched branch. */
public interface TreeReader {

    /** The file's content, or empty when the path is absent (or is a directory). */
    Optional<byte[]> readFile(String path);

    /** {@link #readFile(String)} as UTF-8 text. */
    default Optional<String> readString(String path) {
        return readFile(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    default boolean exists(String path) {
        return readFile(path).isPresent();
    }
}
