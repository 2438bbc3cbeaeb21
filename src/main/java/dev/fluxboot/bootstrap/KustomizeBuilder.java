package dev.fluxboot.bootstrap;

import dev.fluxboot.git.TreeReader;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the objects of a folder's kustomization.yaml, as {@code kubectl apply -k} would, from
 * the files of a Git tree (no working tree: the bootstrap never checks out).
 */
@FunctionalInterface
public interface KustomizeBuilder {

    /**
     * @param files             the repository's files
     * @param directory         the folder holding kustomization.yaml, e.g. {@code clusters/prod/flux-system}
     * @param notWrittenYet     resources the file may list that are not in the tree yet (gotk-sync.yaml
     *                          before the sync manifests are committed): left out instead of failing
     * @throws dev.fluxboot.FluxbootException naming the file and the field or resource that cannot be built
     */
    List<Map<String, Object>> build(TreeReader files, String directory, Set<String> notWrittenYet);
}
