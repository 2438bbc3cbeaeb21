package dev.fluxboot.testing.flux;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * source-controller's artifact storage, in memory: the files of each revision a GitRepository
 * fetched, which the simulated kustomize-controller reads (as the real one downloads the tarball).
 */
final class ArtifactStore {

    private final Map<String, SortedMap<String, byte[]>> files = new ConcurrentHashMap<>();

    void put(String namespace, String name, String revision, SortedMap<String, byte[]> tree) {
        files.put(key(namespace, name, revision), tree);
    }

    Optional<SortedMap<String, byte[]>> get(String namespace, String name, String revision) {
        return Optional.ofNullable(files.get(key(namespace, name, revision)));
    }

    private static String key(String namespace, String name, String revision) {
        return namespace + "/" + name + "/" + revision;
    }
}
