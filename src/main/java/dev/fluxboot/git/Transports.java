package dev.fluxboot.git;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.ui.Redactor;

import dev.fluxboot.FluxbootException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.SshConfigStore;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

import javax.net.ssl.SSLException;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens JGit transports to one remote with its credentials, and turns JGit's failures into
 * one-line messages without secrets. Nothing here touches JGit's JVM-wide defaults: the SSH
 * session factory and the HTTP connection factory are set on each transport.
 */
final class Transports implements AutoCloseable {

    private final GitRemote remote;
    private final Redactor redactor;
    private final URIish uri;
    private final SshdSessionFactory sshSessions;
    private final KnownHostsVerifier knownHosts;
    private final HttpsConnectionFactory httpConnections;

    /**
     * @param sshHome an empty private directory used as the SSH "home": JGit must not read the
     *                user's ~/.ssh (config, keys, known_hosts, agent) — only what it was given
     */
    Transports(GitRemote remote, Path sshHome) {
        this.remote = remote;
        this.redactor = remote.redactor();
        try {
            URIish parsed = new URIish(remote.url().toPrivateString());
            if (remote.url().isSsh() && (parsed.getUser() == null || parsed.getUser().isEmpty())) {
                parsed = parsed.setUser("git"); // the Flux CLI's default --username for SSH
            }
            this.uri = parsed;
        } catch (URISyntaxException e) {
            throw new FluxbootException("invalid Git repository URL " + remote.url());
        }
        if (remote.auth() instanceof GitAuth.SshKey ssh) {
            HostKeyScanner.checkAlgorithms(ssh.hostKeyAlgorithms());
            this.knownHosts = new KnownHostsVerifier(ssh.knownHosts());
            this.sshSessions = sshSessionFactory(ssh, sshHome.toFile(), knownHosts);
            this.httpConnections = null;
        } else {
            this.knownHosts = null;
            this.sshSessions = null;
            try {
                this.httpConnections = new HttpsConnectionFactory(remote.options().caCertificatesPem(),
                        remote.options().proxySelector());
            } catch (GeneralSecurityException e) {
                throw new FluxbootException("cannot set up TLS trust for " + remote.url() + ": " + e.getMessage());
            }
        }
    }

    private static SshdSessionFactory sshSessionFactory(GitAuth.SshKey ssh, File home, KnownHostsVerifier verifier) {
        Map<String, String> options = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.put("StrictHostKeyChecking", "yes");
        options.put("BatchMode", "yes");
        options.put("PreferredAuthentications", "publickey");
        // OpenSSH's defaults without SHA-1 and CBC, unless --ssh-hostkey-algos says otherwise
        options.put("HostKeyAlgorithms", String.join(",", ssh.hostKeyAlgorithms().isEmpty()
                ? SshAlgorithms.hostKeyNames() : ssh.hostKeyAlgorithms()));
        options.put("KexAlgorithms", String.join(",", SshAlgorithms.keyExchangeNames()));
        options.put("Ciphers", String.join(",", SshAlgorithms.cipherNames()));
        // Only the agent fluxboot was given, never one found through the user's files.
        options.put("IdentityAgent", ssh.agentSocket().map(Object::toString).orElse("none"));
        SshConfigStore.HostConfig hostConfig = new FixedHostConfig(Map.copyOf(options));
        SshConfigStore config = new SshConfigStore() {
            @Override
            public HostConfig lookup(String hostName, int port, String userName) {
                return hostConfig;
            }

            @Override
            public HostConfig lookupDefault(String hostName, int port, String userName) {
                return hostConfig;
            }
        };
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder();
        ssh.agentSocket().ifPresent(socket -> builder.setConnectorFactory(new SshAgentConnectors(socket)));
        return builder
                .setHomeDirectory(home)
                .setSshDirectory(new File(home, ".ssh"))
                .setConfigStoreFactory((homeDir, configFile, localUser) -> config)
                .setDefaultKeysProvider(sshDir -> List.of(ssh.identity().keyPair()))
                .setDefaultIdentities(sshDir -> List.of())
                .setDefaultKnownHostsFiles(sshDir -> List.of())
                .setServerKeyDatabase((homeDir, sshDir) -> verifier)
                .setPreferredAuthentications("publickey")
                // SSH goes direct: an HTTPS_PROXY meant for https must not capture it.
                .setProxyDataFactory(remoteAddress -> null)
                .build(null);
    }

    /** A transport to the remote, ready for fetch or push; close it after use. */
    Transport open(Repository repository) throws IOException {
        Transport transport = Transport.open(repository, uri);
        transport.setTimeout((int) Math.max(1, remote.options().timeout().toSeconds()));
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(sshSessions);
        } else if (transport instanceof TransportHttp http) {
            http.setHttpConnectionFactory(httpConnections);
            if (remote.auth() instanceof GitAuth.Basic basic) {
                http.setPreemptiveBasicAuthentication(basic.username(), basic.password());
                http.setCredentialsProvider(new UsernamePasswordCredentialsProvider(basic.username(), basic.password()));
            } else if (remote.auth() instanceof GitAuth.Bearer bearer) {
                http.setAdditionalHeaders(Map.of("Authorization", "Bearer " + bearer.token()));
            }
        } else {
            transport.close();
            throw new FluxbootException("unsupported transport for " + remote.url());
        }
        return transport;
    }

    Redactor redactor() {
        return redactor;
    }

    /**
     * One line for a failed network operation: what was done, on which remote, and the most
     * useful reason found in the exception chain; the cause is a redacted copy.
     */
    FluxbootException failure(String action, Exception e) {
        String where = action + " " + remote.url();
        Optional<String> hostKey = knownHosts == null ? Optional.empty() : knownHosts.lastRejection();
        String message;
        Optional<String> negotiation = SshAlgorithms.describeNegotiationFailure(e);
        if (negotiation.isPresent()) {
            message = where + " failed: " + negotiation.get();
        } else if (hostKey.isPresent()) {
            message = where + " failed: " + hostKey.get();
        } else if (has(e, CertificateException.class) || has(e, SSLException.class)
                || messageContains(e, "could not be established because of ssl problems")) {
            message = where + " failed: the TLS certificate of " + remote.url().host()
                    + " is not trusted; pass --ca-file with the CA certificate that signed it";
        } else if (messageContains(e, "not permitted")) {
            message = where + " failed: pushing is not permitted; check that the credentials have write access"
                    + " (a read-only deploy key cannot push)";
        } else if (isAuthFailure(e)) {
            message = where + " failed: authentication was refused; " + authHint();
        } else if (e instanceof NoRemoteRepositoryException || messageContains(e, "repository not found")) {
            message = where + " failed: repository not found (or no access with the given credentials)";
        } else if (has(e, UnknownHostException.class)) {
            message = where + " failed: unknown host " + remote.url().host();
        } else if (has(e, ConnectException.class)) {
            message = where + " failed: cannot connect to " + remote.url().host() + ":" + remote.url().port();
        } else {
            message = where + " failed: " + rootMessage(e);
        }
        return new FluxbootException(redactor.redact(message), RedactedException.of(e, redactor));
    }

    private String authHint() {
        GitAuth auth = remote.auth();
        if (auth instanceof GitAuth.SshKey ssh) {
            return "check that the public key " + ssh.identity().publicKeyType() + " " + ssh.identity().fingerprint()
                    + " has access to the repository";
        }
        if (auth instanceof GitAuth.Bearer) {
            return "check the bearer token";
        }
        if (auth instanceof GitAuth.Basic basic) {
            return "check the password or token of user " + basic.username();
        }
        return "the repository needs credentials";
    }

    private static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("not authorized") || m.contains("authentication is required")
                    || m.contains("auth fail") || m.contains("authentication failed")
                    || m.contains("no more authentication methods") || m.contains("forbidden")
                    || m.contains("permission denied") || m.contains("no credentialsprovider")) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageContains(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        return Failures.reason(e).replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        if (sshSessions != null) {
            sshSessions.close();
        }
    }

    /** The whole SSH config for this remote: fixed options, nothing read from files. */
    private record FixedHostConfig(Map<String, String> options) implements SshConfigStore.HostConfig {
        @Override
        public String getValue(String key) {
            return options.get(key);
        }

        @Override
        public List<String> getValues(String key) {
            String value = options.get(key);
            return value == null ? List.of() : List.of(value);
        }

        @Override
        public Map<String, String> getOptions() {
            return options;
        }

        @Override
        public Map<String, List<String>> getMultiValuedOptions() {
            return Map.of();
        }
    }
}
