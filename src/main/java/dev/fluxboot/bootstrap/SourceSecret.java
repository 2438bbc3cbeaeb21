package dev.fluxboot.bootstrap;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data of the Secret the GitRepository authenticates with, key to text, with Flux's keys
 * ({@code identity}, {@code identity.pub}, {@code known_hosts}, {@code username}, {@code password},
 * {@code bearerToken}, {@code ca.crt}). It goes to the cluster only, never to Git or any output:
 * {@link #toString()} shows the keys, not the values.
 */
public record SourceSecret(Map<String, String> data) {

    public static final String IDENTITY = "identity";
    public static final String IDENTITY_PUB = "identity.pub";
    public static final String KNOWN_HOSTS = "known_hosts";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String BEARER_TOKEN = "bearerToken";
    public static final String CA_CRT = "ca.crt";

    public SourceSecret {
        data = Collections.unmodifiableMap(new TreeMap<>(data));
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /** Whether this is an SSH secret: it has a private key. */
    public boolean hasIdentity() {
        return data.containsKey(IDENTITY);
    }

    @Override
    public String toString() {
        return "SourceSecret" + data.keySet();
    }
}
