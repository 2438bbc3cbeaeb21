package dev.fluxboot.bootstrap;

import dev.fluxboot.githost.RemoteRepository;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the repository is: the URL the tool clones and pushes (a forge's HTTPS clone URL, or
 * {@code --url}), and the repository as the forge reported it, when there is a forge.
 */
public record RepositoryLocation(String cloneUrl, Optional<RemoteRepository> onForge) {

    public RepositoryLocation {
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(onForge, "onForge");
    }
}
