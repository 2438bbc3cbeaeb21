package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.cluster.ResourceType;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.SyncUrls;
import dev.fluxboot.git.SyncUrls.HostPort;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.githost.RemoteRepository;

import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;
import static dev.fluxboot.bootstrap.Products.REPOSITORY;

/**
 * Settles the credentials before the first Git connection, as {@code flux bootstrap git} would
 * compute them, with two differences that come from not using an SSH agent:
 * <ul>
 *   <li>The cluster's SSH key is {@code --private-key-file}; else the key of the source secret
 *       already in the cluster (a re-run keeps it, and the Secret is left alone); else a new key
 *       ({@code --ssh-key-algorithm}), whose public key is shown and, unless {@code --silent},
 *       confirmed at the terminal before the tool uses it.</li>
 *   <li>Over SSH the tool itself authenticates with that key, and verifies the server against
 *       the known_hosts of the existing source secret when it has a line for the host (a key
 *       that changed is refused), else against a fresh scan.</li>
 * </ul>
 * Token auth ({@code --token-auth}, {@code --with-bearer-token}): the cluster fetches over
 * HTTPS (HTTP only with {@code --allow-insecure-http}) with {@code username}/{@code password} or
 * {@code bearerToken}, and {@code --ca-file} as {@code ca.crt}.
 */
final class ResolveSourceCredentials implements Step {

    @Override
    public String name() {
        return "source credentials";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, REPOSITORY, CLUSTER);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(CREDENTIALS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        SourceAuth auth = request.auth();
        RepositoryLocation repository = run.get(REPOSITORY);
        GitUrl url = GitUrl.parse(repository.cloneUrl()).requireSecure(auth.allowInsecureHttp());
        TransportOptions transport = run.world().git().transport()
                .withAllowInsecureHttp(auth.allowInsecureHttp())
                .withCaCertificates(auth.caPem().orElse(null));
        SourceSecrets existing = SourceSecrets.read(run.get(CLUSTER), request.namespace(),
                request.target().secretName(), run.world().git(), auth.hostKeyAlgorithms());
        if (request.sourceSecretProvided()) {
            requireProvidedSecret(run, request);
        }
        SourceCredentials credentials = auth.tokenAuth() ? tokenAuth(repository, url, transport, auth, existing)
                : sshAuth(run, request, repository, url, transport, existing);
        run.put(CREDENTIALS, request.sourceSecretProvided() ? credentials.withoutSecret() : credentials);
    }

    /** A source secret the caller provides must be there before anything is pushed; it is never written. */
    private static void requireProvidedSecret(Run run, BootstrapRequest request) {
        String subject = request.namespace() + "/" + request.target().secretName();
        if (run.get(CLUSTER).get(ResourceType.SECRET, request.namespace(), request.target().secretName()).isEmpty()) {
            throw new FluxbootException("source secret \"" + subject + "\" does not exist and is to be provided, not "
                    + "created: create it with the repository's credentials, or let the bootstrap create it "
                    + "(disable_secret_creation = false)");
        }
        run.reporter().success("using the provided source secret \"" + subject + "\"");
    }

    private static SourceCredentials tokenAuth(RepositoryLocation repository, GitUrl url, TransportOptions transport,
                                               SourceAuth auth, SourceSecrets existing) {
        if (!auth.hasPassword()) {
            throw new UsageException((auth.bearerToken() ? "--with-bearer-token" : "--token-auth")
                    + " needs the token: pass --password or set GIT_PASSWORD");
        }
        SourceSecret secret = auth.bearerToken()
                ? SourceSecretGenerator.bearer(auth.password(), auth.caPem())
                : SourceSecretGenerator.basic(auth.username(), auth.password(), auth.caPem());
        GitAuth toolAuth;
        if (url.isSsh()) {
            SshKeyPair key = auth.privateKey().orElseThrow(() -> new UsageException("--url " + url
                    + " uses SSH: pass --private-key-file for fluxboot's own connection (the token is for the "
                    + "cluster's HTTPS sync), or give an https URL"));
            toolAuth = new GitAuth.SshKey(key, existing.knownHosts(new HostPort(url.host(), url.port())),
                    auth.hostKeyAlgorithms());
        } else {
            toolAuth = httpAuth(auth);
        }
        return new SourceCredentials(new GitRemote(url, toolAuth, transport),
                SyncUrls.http(repository.cloneUrl(), auth.allowInsecureHttp()), Optional.of(secret), Optional.empty(),
                false);
    }

    private static SourceCredentials sshAuth(Run run, BootstrapRequest request, RepositoryLocation repository,
                                             GitUrl url, TransportOptions transport, SourceSecrets existing) {
        SourceAuth auth = request.auth();
        // A forge names the repository's SSH URL itself (ssh://git@<ssh-hostname>/owner/repo, as Flux
        // syncs it), whatever user name the tool's HTTPS clone uses (Bitbucket's -u).
        String syncUrl = repository.onForge().map(RemoteRepository::sshUrl)
                .orElseGet(() -> SyncUrls.ssh(request.target().url(), auth.username(), auth.sshHostname()));
        HostPort syncHost = SyncUrls.sshHost(syncUrl);
        boolean forge = request.forge().isPresent();

        SshKeyPair key;
        Optional<SourceSecret> secret;
        String syncKnownHosts = null;
        if (auth.privateKey().isPresent()) {
            key = auth.privateKey().get();
            syncKnownHosts = existing.knownHosts(syncHost);
            // A forge command's password is its API token, never a key passphrase (its key files have none, as Flux's).
            secret = Optional.of(SourceSecretGenerator.ssh(key, syncKnownHosts, forge ? "" : auth.password()));
            run.reporter().success("public key: " + key.authorizedKey());
        } else if (existing.hasKey()) {
            key = existing.key();
            secret = Optional.empty();
            run.reporter().success("using the SSH key of source secret \"" + existing.subject() + "\": "
                    + key.publicKeyType() + " " + key.fingerprint());
        } else if (run.dryRun()) {
            // no key is generated in a dry run: the Secret and the deploy key are listed as pending
            if (url.isSsh()) {
                throw new FluxbootException("a dry run cannot read " + url + " over SSH: there is no key yet (a new one "
                        + "would be generated); pass --private-key-file with a key that has access, or an https --url");
            }
            return new SourceCredentials(new GitRemote(url, httpAuth(auth), transport), syncUrl, Optional.empty(),
                    Optional.empty(), true);
        } else {
            if (!forge && !request.silent() && !run.prompter().interactive()) {
                throw new FluxbootException("a new SSH key would be generated for the cluster, and there is no terminal "
                        + "to confirm that it has been given access to the repository: pass --private-key-file with a "
                        + "key that has access, or run in a terminal, or pass --silent if access is granted otherwise");
            }
            run.reporter().action("generating " + auth.keyAlgorithm().flagValue() + " SSH key pair");
            key = run.world().keys().generate(auth.keyAlgorithm(), auth.rsaBits(), auth.curve());
            syncKnownHosts = existing.knownHosts(syncHost);
            secret = Optional.of(SourceSecretGenerator.ssh(key, syncKnownHosts, ""));
            run.reporter().success("public key: " + key.authorizedKey());
            if (!forge && !request.silent()) {
                String access = url.isSsh() ? " with write access (fluxboot pushes with it)" : "";
                if (!run.prompter().confirm("Please give the key access to your repository" + access)) {
                    throw new FluxbootException("aborting: the key was not confirmed; nothing was changed");
                }
            }
        }

        GitAuth toolAuth;
        if (url.isSsh()) {
            HostPort toolHost = new HostPort(url.host(), url.port());
            String toolKnownHosts = toolHost.equals(syncHost) && syncKnownHosts != null ? syncKnownHosts
                    : existing.knownHosts(toolHost);
            GitAuth.SshKey keyAuth = new GitAuth.SshKey(key, toolKnownHosts, auth.hostKeyAlgorithms());
            // As the Flux CLI: without --private-key-file, fluxboot's own connection offers the SSH agent's keys too.
            Optional<java.nio.file.Path> agent = auth.privateKey().isPresent() ? Optional.empty()
                    : agentSocket(run.world().environment());
            toolAuth = agent.map(keyAuth::withAgent).orElse(keyAuth);
        } else {
            toolAuth = httpAuth(auth);
        }
        return new SourceCredentials(new GitRemote(url, toolAuth, transport), syncUrl, secret, Optional.of(key), false);
    }

    /** {@code SSH_AUTH_SOCK}, when it names a socket that exists. */
    static Optional<java.nio.file.Path> agentSocket(java.util.Map<String, String> environment) {
        return Optional.ofNullable(environment.get("SSH_AUTH_SOCK")).filter(value -> !value.isBlank())
                .map(java.nio.file.Path::of).filter(java.nio.file.Files::exists);
    }

    /** The tool's own HTTP(S) credentials: basic, bearer, or none. */
    static GitAuth httpAuth(SourceAuth auth) {
        if (!auth.hasPassword()) {
            return new GitAuth.Anonymous();
        }
        return auth.bearerToken() ? new GitAuth.Bearer(auth.password()) : new GitAuth.Basic(auth.username(), auth.password());
    }
}
