package dev.fluxboot.git;

import java.util.Objects;

/**
 * Who commits and why. Author and committer are the same person, as with the Flux CLI
 * ({@code --author-name}, default {@code Flux}; {@code --author-email}, default empty).
 *
 * @param signer signs the commit ({@code --gpg-key-ring}); {@code null} for unsigned commits
 */
public record CommitDetails(String authorName, String authorEmail, String message, CommitSigner signer) {

    public CommitDetails {
        Objects.requireNonNull(authorName, "authorName");
        authorEmail = authorEmail == null ? "" : authorEmail;
        Objects.requireNonNull(message, "message");
    }

    public CommitDetails(String authorName, String authorEmail, String message) {
        this(authorName, authorEmail, message, null);
    }
}
