package dev.fluxboot.githost;

import java.util.List;

/** The repository after step 1 and what was (or, in a dry run, would be) changed. */
public record RepositoryResult(RemoteRepository repository, List<HostChange> changes) {

    public RepositoryResult {
        changes = List.copyOf(changes);
    }
}
