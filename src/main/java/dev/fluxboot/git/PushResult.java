package dev.fluxboot.git;

/**
 * What a push left on the remote.
 *
 * @param commit   the branch's tip on the remote after the push (full SHA-1)
 * @param pushed   {@code true} when our commit was pushed; {@code false} when, after the branch
 *                 moved, the changes were already there and nothing was left to push
 * @param attempts how many pushes were tried (1 when no one else pushed meanwhile)
 */
public record PushResult(String commit, boolean pushed, int attempts) {
}
