package dev.fluxboot.bootstrap;

import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.CommitSigner;

import java.util.Objects;

/**
 * Who commits and how: {@code --author-name}, {@code --author-email},
 * {@code --commit-message-appendix} and the signer of {@code --gpg-key-ring} ({@code null}: unsigned).
 */
public record CommitSettings(String authorName, String authorEmail, String appendix, CommitSigner signer) {

    public CommitSettings {
        Objects.requireNonNull(authorName, "authorName");
        authorEmail = authorEmail == null ? "" : authorEmail;
        appendix = appendix == null ? "" : appendix;
    }

    /** Flux's message: the subject, then a blank line and the appendix when there is one. */
    public String message(String subject) {
        return appendix.isEmpty() ? subject : subject + "\n\n" + appendix;
    }

    public CommitDetails details(String subject) {
        return new CommitDetails(authorName, authorEmail, message(subject), signer);
    }
}
