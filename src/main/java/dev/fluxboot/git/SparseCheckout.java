package dev.fluxboot.git;

import dev.fluxboot.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * The folders of {@code --sparse-checkout}: the GitRepository's {@code spec.sparseCheckout}, the only
 * folders source-controller puts in the cluster's artifact. The Flux CLI writes them unchecked; a
 * folder outside the repository, or a {@code --path} outside every folder, gives a cluster that cannot
 * see its own Flux manifests, so both are refused here, before anything is written.
 */
public final class SparseCheckout {

    private SparseCheckout() {
    }

    /**
     * @param folders the values as given (each may be {@code ./x/}); empty, or only empty values: no sparse checkout
     * @param path    {@code --path}, cleaned ({@link RepositoryPath}), {@code ""} for the root
     * @return the folders as the GitRepository lists them (as given, without surrounding spaces)
     * @throws UsageException naming the flag and the value that cannot work
     */
    public static List<String> check(List<String> folders, String path) {
        // as the Flux CLI's flag: --sparse-checkout= (one empty value) is no sparse checkout
        if (folders.stream().allMatch(folder -> folder == null || folder.isBlank())) {
            return List.of();
        }
        List<String> written = new ArrayList<>();
        List<String> cleaned = new ArrayList<>();
        for (String folder : folders) {
            String value = folder == null ? "" : folder.strip();
            String clean = RepositoryPath.parse("--sparse-checkout", value).value();
            if (clean.isEmpty()) {
                throw new UsageException("--sparse-checkout " + RepositoryPath.quote(value) + " is not a folder inside "
                        + "the repository: list the folders to check out, e.g. --sparse-checkout=clusters/my-cluster");
            }
            written.add(value);
            cleaned.add(clean);
        }
        boolean inside = cleaned.stream().anyMatch(folder -> path.equals(folder) || path.startsWith(folder + "/"));
        if (!inside) {
            String where = path.isEmpty() ? "the repository root" : RepositoryPath.quote(path);
            throw new UsageException("--path " + where + " is not inside any --sparse-checkout folder ("
                    + String.join(", ", cleaned) + "), so the cluster would not see its Flux manifests: add "
                    + (path.isEmpty() ? "a --path inside one of them" : "it, e.g. --sparse-checkout="
                    + String.join(",", cleaned) + "," + path));
        }
        return List.copyOf(written);
    }
}
