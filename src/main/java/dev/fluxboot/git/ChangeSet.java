package dev.fluxboot.git;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * File changes to commit: repository-relative paths ({@code clusters/prod/flux-system/x.yaml})
 * to new content, or to deletion. Paths use {@code /}, have no {@code .} or {@code ..} segments
 * and stay out of {@code .git}.
 */
public final class ChangeSet {

    private final Map<String, Optional<byte[]>> changes;

    private ChangeSet(Map<String, Optional<byte[]>> changes) {
        this.changes = Collections.unmodifiableMap(changes);
    }

    public static ChangeSet empty() {
        return new ChangeSet(new LinkedHashMap<>());
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Set<String> paths() {
        return changes.keySet();
    }

    /** New content of a path; empty when the path is to be deleted or is not in this set. */
    public Optional<byte[]> content(String path) {
        Optional<byte[]> content = changes.get(path);
        return content == null ? Optional.empty() : content.map(byte[]::clone);
    }

    public boolean deletes(String path) {
        Optional<byte[]> content = changes.get(path);
        return content != null && content.isEmpty();
    }

    Map<String, Optional<byte[]>> entries() {
        return changes;
    }

    @Override
    public String toString() {
        return "ChangeSet" + changes.keySet();
    }

    public static final class Builder {
        private final Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String path, byte[] content) {
            changes.put(checkPath(path), Optional.of(content.clone()));
            return this;
        }

        /** UTF-8 text. */
        public Builder put(String path, String content) {
            return put(path, content.getBytes(StandardCharsets.UTF_8));
        }

        /** Deletes a file; deleting a path that does not exist changes nothing. */
        public Builder delete(String path) {
            changes.put(checkPath(path), Optional.empty());
            return this;
        }

        public ChangeSet build() {
            return new ChangeSet(new LinkedHashMap<>(changes));
        }
    }

    static String checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a repository-relative file path: '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")) {
                throw new IllegalArgumentException("not a repository-relative file path: '" + path + "'");
            }
        }
        return path;
    }
}
