package dev.fluxboot.bootstrap;

import dev.fluxboot.git.TreeReader;
import dev.fluxboot.manifests.SyncManifestsGenerator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where Flux lives in the repository and how the cluster follows it.
 *
 * @param url               the repository URL the tool clones and pushes ({@code --url}), as given
 * @param branch            {@code --branch}
 * @param path              {@code --path}, cleaned as Flux cleans it: no leading {@code ./} or {@code /},
 *                          no {@code ..} that leaves the repository, {@code ""} for the root
 * @param interval          {@code --interval} of the GitRepository
 * @param recurseSubmodules {@code --recurse-submodules}
 * @param secretName        {@code --secret-name}: the source secret the GitRepository uses
 * @param sparseCheckout    {@code --sparse-checkout}, checked: the folders the GitRepository checks out, as
 *                          written into gotk-sync.yaml; empty for all
 */
public record SyncTarget(String url, String branch, String path, Duration interval, boolean recurseSubmodules,
                         String secretName, List<String> sparseCheckout) {

    public static final String COMPONENTS_FILE = "gotk-components.yaml";
    public static final String SYNC_FILE = "gotk-sync.yaml";
    public static final String KUSTOMIZATION_FILE = "kustomization.yaml";

    public SyncTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(secretName, "secretName");
        path = cleanPath(path);
        sparseCheckout = List.copyOf(sparseCheckout);
    }

    /** Without a sparse checkout. */
    public SyncTarget(String url, String branch, String path, Duration interval, boolean recurseSubmodules,
                      String secretName) {
        this(url, branch, path, interval, recurseSubmodules, secretName, List.of());
    }

    /**
     * Flux's {@code SafeRelativePath}: the path joined onto the repository root without leaving it
     * ({@code ../x} is {@code x}, {@code /x} is {@code x}, {@code a/./b/} is {@code a/b}).
     */
    public static String cleanPath(String path) {
        return path == null ? "" : SyncManifestsGenerator.normalizeTargetPath(path).substring(2);
    }

    /** {@code <path>/<namespace>}: the folder of the three files. */
    public String fluxDirectory(String namespace) {
        return path.isEmpty() ? namespace : path + "/" + namespace;
    }

    /**
     * The files a bootstrap manages in the folder (gotk-components.yaml, gotk-sync.yaml,
     * kustomization.yaml), by path from the repository root, those that exist in {@code tree}.
     */
    public SortedMap<String, String> managedFiles(TreeReader tree, String namespace) {
        SortedMap<String, String> files = new TreeMap<>();
        for (String file : List.of(componentsFile(namespace), syncFile(namespace), kustomizationFile(namespace))) {
            tree.readString(file).ifPresent(text -> files.put(file, text));
        }
        return files;
    }

    public String componentsFile(String namespace) {
        return fluxDirectory(namespace) + "/" + COMPONENTS_FILE;
    }

    public String syncFile(String namespace) {
        return fluxDirectory(namespace) + "/" + SYNC_FILE;
    }

    public String kustomizationFile(String namespace) {
        return fluxDirectory(namespace) + "/" + KUSTOMIZATION_FILE;
    }

    /** The Kustomization's {@code spec.path}: {@code ./<path>}, {@code ./} for the root. */
    public String kustomizationPath() {
        return "./" + path;
    }
}
