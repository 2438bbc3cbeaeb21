package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ResourceType;
import dev.fluxboot.git.GitClient;
import dev.fluxboot.git.KnownHosts;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.SyncUrls.HostPort;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The source secret already in the cluster, as the credentials of a re-run (and of
 * {@code uninstall --from-git}) use it: its SSH key, and the host keys the cluster already trusts,
 * else a fresh scan of the server. Read once; never put a value into a message.
 */
final class SourceSecrets {

    private final Optional<Map<String, String>> data;
    private final String subject;
    private final GitClient git;
    private final List<String> hostKeyAlgorithms;

    private SourceSecrets(Optional<Map<String, String>> data, String subject, GitClient git,
                          List<String> hostKeyAlgorithms) {
        this.data = data;
        this.subject = subject;
        this.git = git;
        this.hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
    }

    /** Reads {@code namespace/name} from the cluster (absent is fine). */
    static SourceSecrets read(Cluster cluster, String namespace, String name, GitClient git,
                              List<String> hostKeyAlgorithms) {
        return new SourceSecrets(secretData(cluster, namespace, name), namespace + "/" + name, git, hostKeyAlgorithms);
    }

    /** The Secret's data as text; empty when there is no such Secret. */
    static Optional<Map<String, String>> secretData(Cluster cluster, String namespace, String name) {
        return cluster.get(ResourceType.SECRET, namespace, name).map(secret -> {
            Map<String, String> decoded = new TreeMap<>();
            if (secret.get("data") instanceof Map<?, ?> encoded) {
                encoded.forEach((key, value) -> decoded.put(String.valueOf(key),
                        new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
            }
            return decoded;
        });
    }

    String subject() {
        return subject;
    }

    boolean hasKey() {
        return data.map(values -> values.containsKey(SourceSecret.IDENTITY)).orElse(false);
    }

    Optional<String> value(String key) {
        return data.map(values -> values.get(key)).filter(value -> !value.isEmpty());
    }

    /** The Secret's SSH key (check {@link #hasKey()} first). */
    SshKeyPair key() {
        Map<String, String> values = data.orElseThrow();
        try {
            return SshKeyPair.parse(values.get(SourceSecret.IDENTITY), values.get(SourceSecret.PASSWORD),
                    "the identity of source secret " + subject);
        } catch (UsageException e) {
            throw new FluxbootException(e.getMessage() + ": pass --private-key-file, or delete the Secret " + subject
                    + " to have a new key generated");
        }
    }

    /**
     * The known_hosts line(s) for a host: the Secret's, when it has some for this host (the key the
     * cluster already trusts: a key that changed is then refused), else a scan of the server.
     */
    String knownHosts(HostPort host) {
        String pattern = KnownHosts.hostPattern(host.host(), host.port()) + " ";
        Optional<String> pinned = value(SourceSecret.KNOWN_HOSTS).filter(hosts -> !hosts.isBlank());
        if (pinned.isPresent()) {
            StringBuilder lines = new StringBuilder();
            pinned.get().lines().map(String::strip).filter(line -> line.startsWith(pattern))
                    .forEach(line -> lines.append(line).append('\n'));
            if (!lines.isEmpty()) {
                return lines.toString().strip();
            }
        }
        return git.scanHostKey(host.host(), host.port(), hostKeyAlgorithms);
    }
}
