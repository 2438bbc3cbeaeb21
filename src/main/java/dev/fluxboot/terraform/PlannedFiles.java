package dev.fluxboot.terraform;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The repository files a resource will manage after apply (path to content), when the plan can
 * know them; the plan shows them as the new {@code repository_files}, so Terraform's diff lists
 * each file that would change. Empty when only the apply can tell (Terraform shows
 * "known after apply").
 */
public record PlannedFiles(Optional<SortedMap<String, String>> files) {

    public PlannedFiles {
        files = files.map(map -> Collections.unmodifiableSortedMap(new TreeMap<>(map)));
    }

    public static PlannedFiles known(Map<String, String> files) {
        return new PlannedFiles(Optional.of(new TreeMap<>(files)));
    }

    public static PlannedFiles knownAfterApply() {
        return new PlannedFiles(Optional.empty());
    }

    /**
     * The paths whose content differs between {@code current} and these files (added, changed
     * or removed); empty when the files are not known before apply.
     */
    public SortedSet<String> changedFrom(Map<String, String> current) {
        Objects.requireNonNull(current, "current");
        SortedSet<String> changed = new TreeSet<>();
        if (files.isEmpty()) {
            return changed;
        }
        Map<String, String> planned = files.get();
        for (Map.Entry<String, String> file : planned.entrySet()) {
            if (!file.getValue().equals(current.get(file.getKey()))) {
                changed.add(file.getKey());
            }
        }
        for (String path : current.keySet()) {
            if (!planned.containsKey(path)) {
                changed.add(path);
            }
        }
        return changed;
    }
}
