package dev.fluxboot.git;

import dev.fluxboot.UsageException;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** known_hosts lines as the Flux CLI writes them, and reading them back. */
public final class KnownHosts {

    private KnownHosts() {
    }

    /**
     * The host part of a known_hosts line: {@code host} for port 22, {@code [host]:port} otherwise
     * (Go's {@code knownhosts.Normalize}).
     */
    public static String hostPattern(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return port == 22 ? bare : "[" + bare + "]:" + port;
    }

    /** {@code <host pattern> <key type> <base64 key>}, e.g. {@code [127.0.0.1]:2222 ssh-ed25519 AAAA...}. */
    public static String line(String host, int port, PublicKey key) {
        return hostPattern(host, port) + " " + PublicKeyEntry.toString(key);
    }

    /** One usable line of a known_hosts text. */
    record Entry(KnownHostEntry entry, PublicKey key) {
        boolean matches(String host, int port) {
            return entry.isHostMatch(host, port);
        }

        boolean revoked() {
            return "revoked".equals(entry.getMarker());
        }
    }

    /**
     * Parses known_hosts text. Comments, blank lines and {@code @cert-authority} lines are skipped.
     *
     * @throws UsageException naming the line number of a line that cannot be read
     */
    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(line);
                if (entry == null || entry.getKeyEntry() == null) {
                    throw new IllegalArgumentException("no key");
                }
                if ("cert-authority".equals(entry.getMarker())) {
                    continue;
                }
                PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
                if (key == null || KeyUtils.getKeyType(key) == null) {
                    throw new IllegalArgumentException("unsupported key type");
                }
                entries.add(new Entry(entry, key));
            } catch (Exception e) {
                throw new UsageException("known_hosts line " + (i + 1) + " cannot be read: expected '<host> <key type> <base64 key>'");
            }
        }
        return entries;
    }

    /** {@code ssh-ed25519 SHA256:...}: how messages name a key. */
    static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}
