package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyPair;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the source secret's data as Flux's {@code sourcesecret.GenerateGit} does for a bootstrap:
 * <ul>
 *   <li>SSH: {@code identity} (the private key text as read or generated), {@code identity.pub}
 *       (the authorized_keys line and a newline), {@code known_hosts} (the scanned line, trimmed),
 *       and {@code password} when the key has a passphrase;</li>
 *   <li>token auth: {@code username} and {@code password} when both are set, or {@code bearerToken};
 *       {@code ca.crt} with {@code --ca-file}.</li>
 * </ul>
 * One difference: Flux also stores an HTTPS password given for the tool's own clone in an SSH
 * secret; here {@code password} in an SSH secret is only ever the key's passphrase.
 */
public final class SourceSecretGenerator {

    private SourceSecretGenerator() {
    }

    /**
     * @param knownHosts the host key line(s) of the sync URL's host
     * @param passphrase the passphrase of the key, {@code ""} when it has none
     */
    public static SourceSecret ssh(SshKeyPair key, String knownHosts, String passphrase) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SourceSecret.IDENTITY, key.privateKeyPem());
        data.put(SourceSecret.IDENTITY_PUB, key.identityPub());
        data.put(SourceSecret.KNOWN_HOSTS, knownHosts.strip());
        if (passphrase != null && !passphrase.isEmpty()) {
            data.put(SourceSecret.PASSWORD, passphrase);
        }
        return new SourceSecret(data);
    }

    /** {@code --token-auth}: user name and password (or token); {@code ca.crt} from {@code --ca-file}. */
    public static SourceSecret basic(String username, String password, Optional<String> caPem) {
        Map<String, String> data = new LinkedHashMap<>();
        if (username != null && !username.isEmpty() && password != null && !password.isEmpty()) {
            data.put(SourceSecret.USERNAME, username);
            data.put(SourceSecret.PASSWORD, password);
        }
        caPem.filter(pem -> !pem.isEmpty()).ifPresent(pem -> data.put(SourceSecret.CA_CRT, pem));
        return new SourceSecret(data);
    }

    /** {@code --with-bearer-token}: the token for the {@code Authorization: Bearer} header. */
    public static SourceSecret bearer(String token, Optional<String> caPem) {
        Map<String, String> data = new LinkedHashMap<>();
        if (token != null && !token.isEmpty()) {
            data.put(SourceSecret.BEARER_TOKEN, token);
        }
        caPem.filter(pem -> !pem.isEmpty()).ifPresent(pem -> data.put(SourceSecret.CA_CRT, pem));
        return new SourceSecret(data);
    }
}
