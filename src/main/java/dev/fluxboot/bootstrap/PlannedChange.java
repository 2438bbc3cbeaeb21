package dev.fluxboot.bootstrap;

import java.util.Objects;

/**
 * One thing a dry run found would change, in the order the run found it.
 *
 * @param area    where: the Git repository, the cluster, or the Git host
 * @param text    what, as printed (a unified diff, an object with its field differences, a deploy key);
 *                may be empty for a change that another entry shows (a commit whose diff follows)
 * @param changes how many changes this entry counts (objects, commits, keys); 0 for text only
 */
public record PlannedChange(Area area, String text, int changes) {

    public enum Area { GIT, CLUSTER, HOST }

    public PlannedChange {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(text, "text");
    }
}
