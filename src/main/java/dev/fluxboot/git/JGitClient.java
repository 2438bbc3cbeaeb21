package dev.fluxboot.git;

import dev.fluxboot.ui.Reporter;

import java.net.ProxySelector;
import java.util.List;
import java.util.Objects;

/**
 * {@link GitClient} over JGit (HTTPS) and Apache MINA (SSH). Git over HTTP(S) goes through the
 * proxy selector it is built with ({@code HTTPS_PROXY}/{@code NO_PROXY} of the environment) unless a
 * remote names its own; SSH is never proxied.
 */
public final class JGitClient implements GitClient {

    private final TransportOptions transport;
    private final ScratchSpace scratch;

    /** @param scratch where the local copies of fetched branches live while a run uses them */
    public JGitClient(ProxySelector proxies, ScratchSpace scratch) {
        this.transport = TransportOptions.defaults().withProxySelector(Objects.requireNonNull(proxies, "proxies"));
        this.scratch = Objects.requireNonNull(scratch, "scratch");
    }

    @Override
    public RemoteBranch fetch(GitRemote remote, String branch, Reporter reporter) {
        GitRemote proxied = remote.options().proxySelector() != null ? remote
                : new GitRemote(remote.url(), remote.auth(), remote.options().withProxySelector(transport.proxySelector()));
        return RemoteBranch.fetch(proxied, branch, reporter, scratch);
    }

    @Override
    public String scanHostKey(String host, int port, List<String> algorithms) {
        return HostKeyScanner.scan(host, port, algorithms, HostKeyScanner.DEFAULT_TIMEOUT);
    }

    @Override
    public TransportOptions transport() {
        return transport;
    }
}
