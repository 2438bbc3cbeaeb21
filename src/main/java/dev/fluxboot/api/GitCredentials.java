package dev.fluxboot.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How fluxboot reaches the repository and how the cluster will: the credential flags of
 * {@code flux bootstrap}. Over SSH (the default) the cluster gets a deploy key: the given private key,
 * else the one already in the cluster's source secret, else a new one. With token auth the cluster
 * fetches over HTTPS with {@code username}/{@code password} (or a bearer token). Keys and CA
 * certificates can be given as text (as Terraform hands them) or as files.
 */
public final class GitCredentials {

    private final String username;
    private final Optional<Secret> password;
    private final boolean tokenAuth;
    private final boolean bearerToken;
    private final Optional<Secret> privateKey;
    private final Optional<Path> privateKeyFile;
    private final String keyAlgorithm;
    private final int rsaBits;
    private final String ecdsaCurve;
    private final Optional<String> sshHostname;
    private final List<String> hostKeyAlgorithms;
    private final Optional<String> caCertificates;
    private final Optional<Path> caFile;
    private final boolean allowInsecureHttp;

    private GitCredentials(Builder builder) {
        this.username = builder.username;
        this.password = builder.password;
        this.tokenAuth = builder.tokenAuth;
        this.bearerToken = builder.bearerToken;
        this.privateKey = builder.privateKey;
        this.privateKeyFile = builder.privateKeyFile;
        this.keyAlgorithm = builder.keyAlgorithm;
        this.rsaBits = builder.rsaBits;
        this.ecdsaCurve = builder.ecdsaCurve;
        this.sshHostname = builder.sshHostname;
        this.hostKeyAlgorithms = List.copyOf(builder.hostKeyAlgorithms);
        this.caCertificates = builder.caCertificates;
        this.caFile = builder.caFile;
        this.allowInsecureHttp = builder.allowInsecureHttp;
    }

    /** SSH, user {@code git}, a key generated (or kept) for the cluster. */
    public static GitCredentials defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code -u/--username}: the HTTP user, and the SSH user of the sync URL. */
    public String username() {
        return username;
    }

    /** {@code -p/--password}: the HTTP password or token, or the passphrase of the private key. */
    public Optional<Secret> password() {
        return password;
    }

    /** {@code --token-auth}: the cluster syncs over HTTPS with the password instead of an SSH key. */
    public boolean tokenAuth() {
        return tokenAuth;
    }

    /** {@code --with-bearer-token}: the password is sent as a bearer token (implies token auth). */
    public boolean bearerToken() {
        return bearerToken;
    }

    /** The private key as PEM (OpenSSH or PKCS#8) text. */
    public Optional<Secret> privateKey() {
        return privateKey;
    }

    /** {@code --private-key-file}. */
    public Optional<Path> privateKeyFile() {
        return privateKeyFile;
    }

    /** {@code --ssh-key-algorithm} of a generated key: {@code ecdsa}, {@code ed25519} or {@code rsa}. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int rsaBits() {
        return rsaBits;
    }

    public String ecdsaCurve() {
        return ecdsaCurve;
    }

    /** {@code --ssh-hostname host[:port]}: the SSH host of the sync URL, when it differs. */
    public Optional<String> sshHostname() {
        return sshHostname;
    }

    public List<String> hostKeyAlgorithms() {
        return hostKeyAlgorithms;
    }

    /** Extra CA certificates (PEM) for HTTPS, also the cluster's {@code ca.crt}. */
    public Optional<String> caCertificates() {
        return caCertificates;
    }

    /** {@code --ca-file}. */
    public Optional<Path> caFile() {
        return caFile;
    }

    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", tokenAuth=" + (tokenAuth || bearerToken) + ", privateKey="
                + (privateKey.isPresent() || privateKeyFile.isPresent() ? "given" : "none") + "]";
    }

    public static final class Builder {
        private String username = "git";
        private Optional<Secret> password = Optional.empty();
        private boolean tokenAuth;
        private boolean bearerToken;
        private Optional<Secret> privateKey = Optional.empty();
        private Optional<Path> privateKeyFile = Optional.empty();
        private String keyAlgorithm = "ecdsa";
        private int rsaBits = 2048;
        private String ecdsaCurve = "p384";
        private Optional<String> sshHostname = Optional.empty();
        private List<String> hostKeyAlgorithms = List.of();
        private Optional<String> caCertificates = Optional.empty();
        private Optional<Path> caFile = Optional.empty();
        private boolean allowInsecureHttp;

        private Builder() {
        }

        private Builder(GitCredentials from) {
            username = from.username;
            password = from.password;
            tokenAuth = from.tokenAuth;
            bearerToken = from.bearerToken;
            privateKey = from.privateKey;
            privateKeyFile = from.privateKeyFile;
            keyAlgorithm = from.keyAlgorithm;
            rsaBits = from.rsaBits;
            ecdsaCurve = from.ecdsaCurve;
            sshHostname = from.sshHostname;
            hostKeyAlgorithms = from.hostKeyAlgorithms;
            caCertificates = from.caCertificates;
            caFile = from.caFile;
            allowInsecureHttp = from.allowInsecureHttp;
        }

        public Builder username(String value) {
            username = Objects.requireNonNull(value, "username");
            return this;
        }

        /** An empty secret means none. */
        public Builder password(Secret value) {
            password = Optional.ofNullable(value).filter(secret -> !secret.isEmpty());
            return this;
        }

        public Builder tokenAuth(boolean value) {
            tokenAuth = value;
            return this;
        }

        public Builder bearerToken(boolean value) {
            bearerToken = value;
            return this;
        }

        public Builder privateKey(Secret pem) {
            privateKey = Optional.ofNullable(pem).filter(secret -> !secret.isEmpty());
            return this;
        }

        public Builder privateKeyFile(Path value) {
            privateKeyFile = Optional.ofNullable(value);
            return this;
        }

        public Builder keyAlgorithm(String value) {
            keyAlgorithm = Objects.requireNonNull(value, "keyAlgorithm");
            return this;
        }

        public Builder rsaBits(int value) {
            rsaBits = value;
            return this;
        }

        public Builder ecdsaCurve(String value) {
            ecdsaCurve = Objects.requireNonNull(value, "ecdsaCurve");
            return this;
        }

        public Builder sshHostname(String value) {
            sshHostname = Optional.ofNullable(value).map(String::strip).filter(h -> !h.isEmpty());
            return this;
        }

        public Builder hostKeyAlgorithms(List<String> value) {
            hostKeyAlgorithms = Objects.requireNonNull(value, "hostKeyAlgorithms");
            return this;
        }

        public Builder caCertificates(String pem) {
            caCertificates = Optional.ofNullable(pem).filter(text -> !text.isBlank());
            return this;
        }

        public Builder caFile(Path value) {
            caFile = Optional.ofNullable(value);
            return this;
        }

        public Builder allowInsecureHttp(boolean value) {
            allowInsecureHttp = value;
            return this;
        }

        public GitCredentials build() {
            return new GitCredentials(this);
        }
    }
}
