package dev.fluxboot.githost;

/** {@code --team name[:permission]} (or a Bitbucket {@code --group}). */
public record TeamAccess(String name, String permission) {
}
