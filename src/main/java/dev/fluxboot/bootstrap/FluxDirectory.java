package dev.fluxboot.bootstrap;

import dev.fluxboot.git.TreeReader;
import dev.fluxboot.manifests.kustomize.UserKustomization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The files of {@code <path>/<namespace>/} in a Git tree, and the objects its kustomization.yaml builds. */
final class FluxDirectory {

    private FluxDirectory() {
    }

    /** Every file under the directory, by path relative to it, to its text. */
    static Map<String, String> files(TreeReader tree, String directory) {
        Map<String, String> files = new LinkedHashMap<>();
        String prefix = directory + "/";
        for (String path : tree.listFiles(directory)) {
            tree.readString(path).ifPresent(text -> files.put(path.substring(prefix.length()), text));
        }
        return files;
    }

    /**
     * What {@code kubectl apply -k <directory>} would apply, with the user's patches.
     *
     * @param notWrittenYet resources the kustomization.yaml may list that are not there yet: left out
     */
    static List<Map<String, Object>> build(TreeReader tree, String directory, Set<String> notWrittenYet) {
        return UserKustomization.build(directory, files(tree, directory), notWrittenYet);
    }
}
