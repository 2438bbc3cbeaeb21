package dev.fluxboot.git;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Strict host key checking against in-memory known_hosts text: a server whose key is not there,
 * or differs, is refused, and the reason is kept for the error message (JGit's own is vague).
 */
final class KnownHostsVerifier implements ServerKeyDatabase {

    private final List<KnownHosts.Entry> entries;
    private final AtomicReference<String> lastRejection = new AtomicReference<>();

    KnownHostsVerifier(String knownHosts) {
        this.entries = KnownHosts.parse(knownHosts);
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        HostAndPort target = HostAndPort.fromPattern(connectAddress);
        return entries.stream()
                .filter(e -> !e.revoked() && e.matches(target.host(), target.port()))
                .map(KnownHosts.Entry::key)
                .collect(Collectors.toList());
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        HostAndPort target = HostAndPort.fromPattern(connectAddress);
        List<KnownHosts.Entry> forHost = entries.stream()
                .filter(e -> e.matches(target.host(), target.port()))
                .toList();
        for (KnownHosts.Entry entry : forHost) {
            if (entry.revoked() && KeyUtils.compareKeys(entry.key(), serverKey)) {
                lastRejection.set("the SSH host key of " + connectAddress + " (" + KnownHosts.describe(serverKey)
                        + ") is marked @revoked in known_hosts");
                return false;
            }
        }
        Optional<String> weakness = SshAlgorithms.weakness(serverKey);
        if (weakness.isPresent()) {
            lastRejection.set("the SSH server " + connectAddress + " is refused: " + weakness.get());
            return false;
        }
        for (KnownHosts.Entry entry : forHost) {
            if (!entry.revoked() && KeyUtils.compareKeys(entry.key(), serverKey)) {
                lastRejection.set(null);
                return true;
            }
        }
        if (forHost.stream().noneMatch(e -> !e.revoked())) {
            lastRejection.set("the SSH host key of " + connectAddress + " is unknown: known_hosts has no key for this host"
                    + " (the server offered " + KnownHosts.describe(serverKey) + "); add the server's key to known_hosts");
        } else {
            String known = forHost.stream().filter(e -> !e.revoked())
                    .map(e -> KnownHosts.describe(e.key())).collect(Collectors.joining(", "));
            lastRejection.set("the SSH host key of " + connectAddress + " has changed: the server offered "
                    + KnownHosts.describe(serverKey) + " but known_hosts has " + known
                    + "; if the server's key really changed, update known_hosts");
        }
        return false;
    }

    /** Why the last connection's host key was refused, if it was. */
    Optional<String> lastRejection() {
        return Optional.ofNullable(lastRejection.get());
    }

    record HostAndPort(String host, int port) {
        /** Reads JGit's connect address: {@code host} (port 22) or {@code [host]:port}. */
        static HostAndPort fromPattern(String pattern) {
            if (pattern.startsWith("[")) {
                int close = pattern.indexOf("]:");
                if (close > 0) {
                    try {
                        return new HostAndPort(pattern.substring(1, close), Integer.parseInt(pattern.substring(close + 2)));
                    } catch (NumberFormatException e) {
                        // fall through: not a port
                    }
                }
            }
            return new HostAndPort(pattern, 22);
        }
    }
}
