package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.SyncUrls.HostPort;
import dev.fluxboot.git.TransportOptions;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.REMOVAL_REMOTE;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;

/**
 * {@code uninstall --from-git git}: how the tool reaches the repository. Over SSH the key is
 * {@code --private-key-file}, else the source secret's, and the server is verified against the
 * source secret's known_hosts, else a fresh scan; so this runs before the uninstall deletes the Secret.
 */
final class ResolveRemovalRemote implements Step {

    @Override
    public String name() {
        return "removal credentials";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(UNINSTALL, CLUSTER);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(REMOVAL_REMOTE);
    }

    @Override
    public void run(Run run) {
        UninstallRequest request = run.get(UNINSTALL);
        UninstallRequest.PlainRemote plain = request.fromGit().flatMap(UninstallRequest.FromGit::plain).orElseThrow(
                () -> new IllegalStateException("no plain Git remote to remove from"));
        SourceAuth auth = plain.auth();
        GitUrl url = GitUrl.parse(plain.url()).requireSecure(auth.allowInsecureHttp());
        TransportOptions transport = run.world().git().transport().withAllowInsecureHttp(auth.allowInsecureHttp())
                .withCaCertificates(auth.caPem().orElse(null));
        if (!url.isSsh()) {
            run.put(REMOVAL_REMOTE, new GitRemote(url, ResolveSourceCredentials.httpAuth(auth), transport));
            return;
        }
        SourceSecrets secret = SourceSecrets.read(run.get(CLUSTER), request.namespace(), plain.secretName(),
                run.world().git(), auth.hostKeyAlgorithms());
        SshKeyPair key;
        if (auth.privateKey().isPresent()) {
            key = auth.privateKey().get();
        } else if (secret.hasKey()) {
            key = secret.key();
        } else {
            throw new FluxbootException("no SSH key for " + url + ": source secret " + secret.subject()
                    + " has none; pass --private-key-file");
        }
        String knownHosts = secret.knownHosts(new HostPort(url.host(), url.port()));
        run.put(REMOVAL_REMOTE, new GitRemote(url, new GitAuth.SshKey(key, knownHosts, auth.hostKeyAlgorithms()),
                transport));
    }
}
