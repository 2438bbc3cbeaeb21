package dev.fluxboot.git;

import java.util.List;

/**
 * A commit made in the local copy, not pushed yet. It remembers how it was made, so a push that
 * is rejected can make it again on the remote's new tip.
 *
 * @param id           the commit's SHA-1
 * @param parent       the commit it was made on; {@code null} for the first commit of a new history
 * @param changedPaths the paths whose content the commit changes (added, modified or deleted)
 */
public record LocalCommit(String id, String parent, List<String> changedPaths, ChangeSource source,
                          CommitDetails details) {

    public LocalCommit {
        changedPaths = List.copyOf(changedPaths);
    }
}
