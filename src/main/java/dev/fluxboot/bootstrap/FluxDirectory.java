package dev.fluxboot.bootstrap;

import dev.fluxboot.git.TreeReader;
import dev.fluxboot.manifests.kustomize.KustomizeBuild;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of {@code <path>/<namespace>/} in a Git tree, and the objects its kustomization.yaml
 * builds: with fluxboot's own kustomize, and {@code --kustomize-bin} (or the kustomize or kubectl on
 * {@code PATH}) for the fields it does not build.
 */
final class FluxDirectory {

    private final KustomizeBuild kustomize;

    private FluxDirectory(KustomizeBuild kustomize) {
        this.kustomize = kustomize;
    }

    /** The folder builder of this run's request and environment. */
    static FluxDirectory of(Run run, BootstrapRequest request) {
        return new FluxDirectory(KustomizeBuild.forEnvironment(request.kustomizeBinary(), run.world().environment()));
    }

    /** Every file under the directory, by path relative to it, to its text. */
    static Map<String, String> files(TreeReader tree, String directory) {
        Map<String, String> files = new LinkedHashMap<>();
        fileBytes(tree, directory).forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return files;
    }

    /** Every file under the directory, by path relative to it, to its bytes (a generator may read binary files). */
    static Map<String, byte[]> fileBytes(TreeReader tree, String directory) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String prefix = directory + "/";
        for (String path : tree.listFiles(directory)) {
            tree.readFile(path).ifPresent(bytes -> files.put(path.substring(prefix.length()), bytes));
        }
        return files;
    }

    /**
     * What {@code kubectl apply -k <directory>} would apply, with the user's patches.
     *
     * @param notWrittenYet resources the kustomization.yaml may list that are not there yet: left out
     */
    List<Map<String, Object>> build(TreeReader tree, String directory, Set<String> notWrittenYet) {
        return kustomize.build(directory, fileBytes(tree, directory), notWrittenYet);
    }

    /**
     * Builds the user's kustomization.yaml, if the folder has one, as it will be once
     * {@code components} is written: a field that cannot be built, or a patch that no longer
     * applies, fails before anything is committed or pushed.
     */
    void checkBuild(TreeReader tree, String directory, String componentsYaml, Optional<String> override) {
        if (override.isEmpty() && !tree.exists(directory + "/" + SyncTarget.KUSTOMIZATION_FILE)) {
            return;
        }
        Map<String, byte[]> files = fileBytes(tree, directory);
        files.put(SyncTarget.COMPONENTS_FILE, componentsYaml.getBytes(StandardCharsets.UTF_8));
        override.ifPresent(text -> files.put(SyncTarget.KUSTOMIZATION_FILE, text.getBytes(StandardCharsets.UTF_8)));
        kustomize.build(directory, files, Set.of(SyncTarget.SYNC_FILE));
    }
}
