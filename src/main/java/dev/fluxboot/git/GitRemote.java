package dev.fluxboot.git;

import dev.fluxboot.ui.Redactor;

import dev.fluxboot.UsageException;

import java.util.Objects;

/**
 * A remote repository and how to reach it. Creating one checks that the pieces fit together
 * (SSH URL with an SSH key, http only when allowed, a CA bundle that parses), so bad input fails
 * before any network traffic with a {@link UsageException}.
 */
public record GitRemote(GitUrl url, GitAuth auth, TransportOptions options) {

    public GitRemote {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(options, "options");
        url.requireSecure(options.allowInsecureHttp());
        if (url.isSsh() && !(auth instanceof GitAuth.SshKey)) {
            throw new UsageException("Git repository URL " + url + " uses SSH and needs a private key: pass --private-key-file or use an https URL");
        }
        if (!url.isSsh() && auth instanceof GitAuth.SshKey) {
            throw new UsageException("an SSH private key cannot authenticate to " + url + ": use an ssh:// URL or a token");
        }
        if (options.caCertificatesPem() != null && !url.isSsh()) {
            TlsTrust.parseCertificates(options.caCertificatesPem());
        }
    }

    public static GitRemote of(String url, GitAuth auth, TransportOptions options) {
        return new GitRemote(GitUrl.parse(url), auth, options);
    }

    Redactor redactor() {
        return new Redactor(auth.secrets());
    }
}
