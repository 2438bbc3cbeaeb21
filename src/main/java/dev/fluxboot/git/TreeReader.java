package dev.fluxboot.git;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * The paths of the regular files under {@code directory} ({@code ""}: the whole tree), at any
     * depth, relative to the repository root, sorted; empty when there is no such directory. Readers that cannot list
     * (a plain lambda) throw {@link UnsupportedOperationException}.
     */
    default List<String> listFiles(String directory) {
        throw new UnsupportedOperationException("this tree reader cannot list directories");
    }
}
