package dev.fluxboot.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The storage migration of one CustomResourceDefinition ({@link StorageMigration}): its objects are
 * rewritten in {@code storageVersion}, then {@code status.storedVersions} is trimmed to it.
 *
 * @param crd            the CRD's name, e.g. {@code imagepolicies.image.toolkit.fluxcd.io}
 * @param group          its API group
 * @param kind           its kind, e.g. {@code ImagePolicy}
 * @param storedVersions {@code status.storedVersions} as the cluster lists them before the migration
 * @param storageVersion the version every object is stored in afterwards
 * @param transitional   whether a transitional CRD is applied first: the new versions with the new
 *                       storage version, still serving the stored versions the new CRD drops
 * @param objects        the objects to rewrite, {@code namespace/name} (or {@code name} when cluster-scoped)
 */
public record CrdMigration(String crd, String group, String kind, List<String> storedVersions, String storageVersion,
                           boolean transitional, List<String> objects) {

    public CrdMigration {
        storedVersions = List.copyOf(storedVersions);
        objects = List.copyOf(objects);
    }

    /** The stored versions that go: every one but the storage version. */
    public List<String> removedVersions() {
        List<String> removed = new ArrayList<>(storedVersions);
        removed.remove(storageVersion);
        return removed;
    }

    /**
     * One line: {@code imagepolicies.image.toolkit.fluxcd.io: 2 objects rewritten in v1, stored versions
     * v1beta2, v1 -> v1 (through a transitional definition)}.
     */
    public String describe() {
        return crd + ": " + objects.size() + (objects.size() == 1 ? " object" : " objects") + " rewritten in "
                + storageVersion + ", stored versions " + String.join(", ", storedVersions) + " -> " + storageVersion
                + (transitional ? " (through a transitional definition)" : "");
    }

    /** {@code ImagePolicy/apps/podinfo} for each object. */
    public List<String> subjects() {
        return objects.stream().map(object -> kind + "/" + object).toList();
    }
}
