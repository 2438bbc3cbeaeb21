package dev.fluxboot.git;

import dev.fluxboot.ui.Reporter;

import java.util.List;

/**
 * What the workflows do with Git servers: fetch a branch (to read, commit and push), and read a
 * server's SSH host key. One implementation talks to real servers ({@link JGitClient}); every
 * connection it makes goes through the proxies and trust it was built with.
 */
public interface GitClient {

    /**
     * Fetches {@code branch} of {@code remote}, shallow, into a private temporary copy; close it to
     * delete the copy. See {@link RemoteBranch#fetch}.
     */
    RemoteBranch fetch(GitRemote remote, String branch, Reporter reporter);

    /**
     * The known_hosts line of the key the SSH server at {@code host:port} presents.
     *
     * @param algorithms host key algorithms to offer, most preferred first; empty for the defaults
     */
    String scanHostKey(String host, int port, List<String> algorithms);

    /** Connection settings new remotes start from: the proxies of the environment, the default timeout. */
    TransportOptions transport();
}
