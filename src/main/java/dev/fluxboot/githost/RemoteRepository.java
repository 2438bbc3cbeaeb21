package dev.fluxboot.githost;

/**
 * A repository on a host, as the bootstrap needs it.
 *
 * @param owner         as the host spells it
 * @param name          as the host spells it
 * @param httpsCloneUrl where the tool clones and pushes with the token
 * @param sshUrl        {@code ssh://git@<host>/<owner>/<name>}, the sync URL unless token auth
 * @param defaultBranch the host's default branch, if any
 */
public record RemoteRepository(String owner, String name, String httpsCloneUrl, String sshUrl, String defaultBranch) {
}
