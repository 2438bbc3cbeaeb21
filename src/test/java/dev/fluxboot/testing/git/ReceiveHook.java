package dev.fluxboot.testing.git;

import org.eclipse.jgit.lib.Repository;

/**
 * Code a test server runs around a push, e.g. to push another commit first (a concurrent push).
 * Hooks run on the server's thread; an exception fails that push.
 */
@FunctionalInterface
public interface ReceiveHook {

    /**
     * @param repositoryName the repository's name, {@code org/repo}
     * @param repository     the bare repository about to receive the push
     * @param receiveNumber  1 for the first push to this server, 2 for the second, ...
     */
    void run(String repositoryName, Repository repository, int receiveNumber) throws Exception;
}
