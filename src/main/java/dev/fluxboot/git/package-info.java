/**
 * Git for the bootstrap: fetch one branch shallow, read files, commit changes built from the
 * fetched tree (no working tree), push with retries; SSH (Apache MINA through JGit) and
 * HTTPS/HTTP transports; SSH keys, host key scans and known_hosts; OpenPGP commit signing.
 *
 * <pre>{@code
 * GitRemote remote = GitRemote.of(url,
 *         new GitAuth.SshKey(SshKeyPair.read(keyFile, passphrase), HostKeyScanner.scan(host, port), List.of()),
 *         TransportOptions.defaults());
 * try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
 *     Optional<PushResult> pushed = branch.commitAndPush(
 *             base -> ChangeSet.builder()
 *                     .put("clusters/prod/flux-system/gotk-sync.yaml", sync)
 *                     .build(),
 *             new CommitDetails("Flux", "", "Add Flux sync manifests", signerOrNull));
 *     // empty: nothing changed; else pushed.get().commit() is the branch's new tip
 * }
 * }</pre>
 *
 * Every failure is a {@link dev.fluxboot.FluxbootException} (or a {@link dev.fluxboot.UsageException}
 * for bad input) whose message and cause chain carry no token, password or private key.
 */
package dev.fluxboot.git;
