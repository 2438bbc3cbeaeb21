package dev.fluxboot.testing.flux;

import dev.fluxboot.UsageException;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TransportOptions;
import io.fabric8.kubernetes.api.model.Secret;

import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How source-controller authenticates to a GitRepository's URL with the keys of its
 * {@code spec.secretRef} Secret: {@code identity} (+ {@code password} as its passphrase) and
 * {@code known_hosts} for ssh; {@code bearerToken}, or {@code username} + {@code password}, and
 * {@code ca.crt} for http(s). Messages follow Flux's and never contain the secret's values.
 */
record SourceAccess(GitAuth auth, TransportOptions options) {

    /** Network timeout of one fetch: the test servers are on loopback. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The Secret's content cannot make credentials for the URL (Flux: reason AuthenticationFailed). */
    static final class InvalidSecretException extends Exception {
        InvalidSecretException(String message) {
            super(message);
        }
    }

    /**
     * @param url    the GitRepository's {@code spec.url} ({@code ssh://}, {@code https://} or {@code http://})
     * @param secret the Secret, or empty when the GitRepository names none
     * @param where  {@code namespace/name} of the Secret, for messages
     */
    static SourceAccess of(String url, Optional<Secret> secret, String where) throws InvalidSecretException {
        Map<String, String> data = decode(secret);
        // In the cluster there is no developer proxy: connect directly.
        TransportOptions options = new TransportOptions(null, url.startsWith("http://"), ProxySelector.of(null), TIMEOUT);
        if (url.startsWith("ssh://")) {
            String identity = data.get("identity");
            String knownHosts = data.get("known_hosts");
            if (identity == null || identity.isEmpty()) {
                throw invalid("invalid 'ssh' auth option: 'identity' is required");
            }
            if (knownHosts == null || knownHosts.isEmpty()) {
                throw invalid("invalid 'ssh' auth option: 'known_hosts' is required");
            }
            SshKeyPair key;
            try {
                key = SshKeyPair.parse(identity, data.get("password"), "the identity of secret '" + where + "'");
            } catch (UsageException e) {
                throw invalid(e.getMessage());
            }
            return new SourceAccess(new GitAuth.SshKey(key, knownHosts, List.of()), options);
        }
        String ca = data.get("ca.crt");
        if (ca != null && !ca.isEmpty()) {
            options = options.withCaCertificates(ca);
        }
        String token = data.get("bearerToken");
        String username = data.get("username");
        String password = data.get("password");
        if (token != null && !token.isEmpty()) {
            return new SourceAccess(new GitAuth.Bearer(token), options);
        }
        if (username != null && !username.isEmpty()) {
            return new SourceAccess(new GitAuth.Basic(username, password == null ? "" : password), options);
        }
        return new SourceAccess(new GitAuth.Anonymous(), options);
    }

    private static InvalidSecretException invalid(String why) {
        return new InvalidSecretException("failed to configure authentication options: " + why);
    }

    private static Map<String, String> decode(Optional<Secret> secret) {
        Map<String, String> values = new HashMap<>();
        secret.ifPresent(s -> {
            if (s.getData() != null) {
                s.getData().forEach((key, value) -> values.put(key,
                        new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
            }
            if (s.getStringData() != null) {
                values.putAll(s.getStringData());
            }
        });
        return values;
    }
}
