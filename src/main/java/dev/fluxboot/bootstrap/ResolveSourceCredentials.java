package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.HostKeyScanner;
import dev.fluxboot.git.KnownHosts;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.githost.RemoteRepository;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

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
final class ResolveSourceCredentials implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "source credentials";
    }

    @Override
    public void run(BootstrapContext context) {
        BootstrapRequest request = context.request();
        SourceAuth auth = request.auth();
        // A forge's clone URL is the one its API reported (HTTPS, with the token); else --url.
        GitUrl url = GitUrl.parse(context.hostRepository().map(RemoteRepository::httpsCloneUrl)
                .orElse(request.target().url()));
        TransportOptions transport = TransportOptions.defaults()
                .withAllowInsecureHttp(auth.allowInsecureHttp())
                .withCaCertificates(auth.caPem().orElse(null));
        if (url.scheme().equals("http") && !auth.allowInsecureHttp()) {
            throw new UsageException("scheme http is insecure, pass --allow-insecure-http=true to allow it");
        }
        if (auth.tokenAuth()) {
            context.credentials(tokenAuth(context, url, transport));
        } else {
            context.credentials(sshAuth(context, url, transport));
        }
    }

    private SourceCredentials tokenAuth(BootstrapContext context, GitUrl url, TransportOptions transport) {
        SourceAuth auth = context.request().auth();
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
            toolAuth = new GitAuth.SshKey(key, scan(url.host(), url.port(), auth), auth.hostKeyAlgorithms());
        } else {
            toolAuth = httpAuth(auth);
        }
        String syncBase = context.hostRepository().map(RemoteRepository::httpsCloneUrl)
                .orElse(context.request().target().url());
        return new SourceCredentials(new GitRemote(url, toolAuth, transport), httpSyncUrl(syncBase,
                auth.allowInsecureHttp()), Optional.of(secret), Optional.empty());
    }

    private SourceCredentials sshAuth(BootstrapContext context, GitUrl url, TransportOptions transport) {
        BootstrapRequest request = context.request();
        SourceAuth auth = request.auth();
        // A forge names the repository's SSH URL itself (ssh://git@<ssh-hostname>/owner/repo, as Flux
        // syncs it), whatever user name the tool's HTTPS clone uses (Bitbucket's -u).
        String syncUrl = context.hostRepository().map(RemoteRepository::sshUrl)
                .orElseGet(() -> sshSyncUrl(request.target().url(), auth));
        HostPort syncHost = HostPort.ofSyncUrl(syncUrl);
        String secretName = request.target().secretName();
        String namespace = context.namespace();
        Optional<Map<String, String>> existing = FluxObjects.secretData(context.cluster(), namespace, secretName);
        Optional<String> pinnedHosts = existing.map(data -> data.get(SourceSecret.KNOWN_HOSTS))
                .filter(hosts -> !hosts.isBlank());

        SshKeyPair key;
        Optional<SourceSecret> secret;
        String syncKnownHosts = null;
        if (auth.privateKey().isPresent()) {
            key = auth.privateKey().get();
            syncKnownHosts = knownHostsFor(syncHost, pinnedHosts, auth);
            // A forge command's password is its API token, never a key passphrase (its key files have none, as Flux's).
            String passphrase = context.hostRepository().isPresent() ? "" : auth.password();
            secret = Optional.of(SourceSecretGenerator.ssh(key, syncKnownHosts, passphrase));
            context.reporter().success("public key: " + key.authorizedKey());
        } else if (existing.map(data -> data.containsKey(SourceSecret.IDENTITY)).orElse(false)) {
            key = existingKey(existing.get(), namespace + "/" + secretName);
            secret = Optional.empty();
            context.reporter().success("using the SSH key of source secret \"" + namespace + "/" + secretName
                    + "\": " + key.publicKeyType() + " " + key.fingerprint());
        } else if (context.dryRun()) {
            // no key is generated in a dry run: the Secret and the deploy key are listed as pending
            context.newKeyPending(true);
            if (url.isSsh()) {
                throw new FluxbootException("a dry run cannot read " + url + " over SSH: there is no key yet (a new one "
                        + "would be generated); pass --private-key-file with a key that has access, or an https --url");
            }
            return new SourceCredentials(new GitRemote(url, httpAuth(auth), transport), syncUrl, Optional.empty(),
                    Optional.empty());
        } else {
            if (context.services().host().isEmpty() && !request.silent() && !context.prompter().interactive()) {
                throw new FluxbootException("a new SSH key would be generated for the cluster, and there is no terminal "
                        + "to confirm that it has been given access to the repository: pass --private-key-file with a "
                        + "key that has access, or run in a terminal, or pass --silent if access is granted otherwise");
            }
            context.reporter().action("generating " + auth.keyAlgorithm().flagValue() + " SSH key pair");
            key = context.services().keys().generate(auth.keyAlgorithm(), auth.rsaBits(), auth.curve());
            syncKnownHosts = knownHostsFor(syncHost, pinnedHosts, auth);
            secret = Optional.of(SourceSecretGenerator.ssh(key, syncKnownHosts, ""));
            context.reporter().success("public key: " + key.authorizedKey());
            if (context.services().host().isEmpty() && !request.silent()) {
                String access = url.isSsh() ? " with write access (fluxboot pushes with it)" : "";
                if (!context.prompter().confirm("Please give the key access to your repository" + access)) {
                    throw new FluxbootException("aborting: the key was not confirmed; nothing was changed");
                }
            }
        }

        GitAuth toolAuth;
        if (url.isSsh()) {
            HostPort toolHost = new HostPort(url.host(), url.port());
            String toolKnownHosts = toolHost.equals(syncHost) && syncKnownHosts != null ? syncKnownHosts
                    : knownHostsFor(toolHost, pinnedHosts, auth);
            toolAuth = new GitAuth.SshKey(key, toolKnownHosts, auth.hostKeyAlgorithms());
        } else {
            toolAuth = httpAuth(auth);
        }
        return new SourceCredentials(new GitRemote(url, toolAuth, transport), syncUrl, secret, Optional.of(key));
    }

    private static GitAuth httpAuth(SourceAuth auth) {
        if (!auth.hasPassword()) {
            return new GitAuth.Anonymous();
        }
        return auth.bearerToken() ? new GitAuth.Bearer(auth.password()) : new GitAuth.Basic(auth.username(), auth.password());
    }

    private static SshKeyPair existingKey(Map<String, String> data, String secret) {
        try {
            return SshKeyPair.parse(data.get(SourceSecret.IDENTITY), data.get(SourceSecret.PASSWORD),
                    "the identity of source secret " + secret);
        } catch (UsageException e) {
            throw new FluxbootException(e.getMessage() + ": pass --private-key-file, or delete the Secret " + secret
                    + " to have a new key generated");
        }
    }

    /**
     * The known_hosts line for a host: the source secret's, when it has one for this host (the
     * key the cluster already trusts), else a scan of the server.
     */
    private static String knownHostsFor(HostPort host, Optional<String> pinned, SourceAuth auth) {
        String pattern = KnownHosts.hostPattern(host.host(), host.port()) + " ";
        if (pinned.isPresent()) {
            StringBuilder lines = new StringBuilder();
            pinned.get().lines().map(String::strip).filter(line -> line.startsWith(pattern))
                    .forEach(line -> lines.append(line).append('\n'));
            if (!lines.isEmpty()) {
                return lines.toString().strip();
            }
        }
        return scan(host.host(), host.port(), auth);
    }

    private static String scan(String host, int port, SourceAuth auth) {
        return HostKeyScanner.scan(host, port, auth.hostKeyAlgorithms(), HostKeyScanner.DEFAULT_TIMEOUT);
    }

    /**
     * Flux's SSH sync URL: scheme ssh, the URL's user unless {@code --username} names another
     * (default {@code git}), the host of {@code --ssh-hostname} when given, else the URL's host and port.
     */
    static String sshSyncUrl(String url, SourceAuth auth) {
        URI uri = uri(url);
        String user = uri.getRawUserInfo() == null || !auth.username().equals("git")
                ? auth.username() : userOf(uri.getRawUserInfo());
        String authority = auth.sshHostname().filter(h -> !h.isBlank()).map(String::strip)
                .orElse(uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        return "ssh://" + user + "@" + authority + tail(uri);
    }

    /** Token auth: no credentials in the URL; https unless plain http was allowed. */
    static String httpSyncUrl(String url, boolean allowInsecureHttp) {
        URI uri = uri(url);
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String authority = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            authority = uri.getHost();
        }
        if (!allowInsecureHttp || !scheme.equals("http")) {
            scheme = "https";
        }
        return scheme + "://" + authority + tail(uri);
    }

    private static String tail(URI uri) {
        return (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static String userOf(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    private static URI uri(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UsageException("invalid Git repository URL (--url)");
        }
    }

    /** A host and port to scan; port 22 when the URL names none. */
    record HostPort(String host, int port) {

        static HostPort ofSyncUrl(String syncUrl) {
            URI uri = uri(syncUrl);
            if (uri.getHost() == null) {
                throw new UsageException("invalid SSH host in sync URL " + syncUrl + ": check --ssh-hostname (host or host:port)");
            }
            String host = uri.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new HostPort(host, uri.getPort() > 0 ? uri.getPort() : 22);
        }
    }
}
