package dev.fluxboot.api;

import java.util.List;
import java.util.Objects;

/**
 * What a dry run found would change, in the order it found it: unified diffs of the repository,
 * cluster objects with their field differences, forge changes (repository, deploy key). Secret values
 * never appear: a Secret is listed by its keys.
 */
public record Plan(List<Change> changes) {

    /** Where a change would happen. */
    public enum Area { GIT, CLUSTER, FORGE }

    /**
     * One entry.
     *
     * @param text  as printed (may be empty for a change another entry shows, such as a commit whose diff follows)
     * @param count how many changes it stands for (objects, commits, keys); 0 for text only
     */
    public record Change(Area area, String text, int count) {

        public Change {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(text, "text");
        }
    }

    public Plan {
        changes = List.copyOf(changes);
    }

    /** Whether anything would change (what {@code --exit-code} turns into exit code 3). */
    public boolean hasChanges() {
        return changes.stream().anyMatch(change -> change.count() > 0);
    }

    /** The whole plan as the CLI prints it on stdout. */
    public String text() {
        StringBuilder text = new StringBuilder();
        changes.forEach(change -> text.append(change.text()));
        return text.toString();
    }

    /** The entries of one area. */
    public List<Change> in(Area area) {
        return changes.stream().filter(change -> change.area() == area).toList();
    }
}
