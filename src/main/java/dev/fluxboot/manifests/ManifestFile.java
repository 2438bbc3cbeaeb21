package dev.fluxboot.manifests;

import java.util.Objects;

/**
 * A file the bootstrap writes into the repository, as Flux's {@code manifestgen.Manifest}.
 *
 * @param path    relative to the repository root, with {@code /} separators ({@code clusters/my-cluster/flux-system/gotk-sync.yaml})
 * @param content the bytes to write, as text
 */
public record ManifestFile(String path, String content) {

    public ManifestFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
