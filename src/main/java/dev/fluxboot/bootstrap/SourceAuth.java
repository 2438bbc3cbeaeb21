package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyAlgorithm;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the tool reaches the repository and how the cluster will: the flags of
 * {@code flux bootstrap git} about credentials, checked already. {@link #toString()} hides the password.
 *
 * @param tokenAuth         {@code --token-auth}: the cluster authenticates with {@code username}/{@code password}
 *                          (or a bearer token) instead of an SSH key
 * @param bearerToken       {@code --with-bearer-token}: the password is sent as a bearer token (implies token auth)
 * @param username          {@code -u/--username}: the HTTP user, and the SSH user of the sync URL
 * @param password          {@code -p/--password} or {@code GIT_PASSWORD}: the HTTP password or token, or the
 *                          passphrase of {@code --private-key-file}; {@code ""} when none
 * @param privateKey        {@code --private-key-file}, read with the passphrase
 * @param keyAlgorithm      {@code --ssh-key-algorithm} for a generated key
 * @param rsaBits           {@code --ssh-rsa-bits}
 * @param curve             {@code --ssh-ecdsa-curve}
 * @param sshHostname       {@code --ssh-hostname host[:port]}: the SSH host of the sync URL, when it differs
 * @param hostKeyAlgorithms {@code --ssh-hostkey-algos}
 * @param caPem             the content of {@code --ca-file}
 * @param allowInsecureHttp {@code --allow-insecure-http}
 */
public record SourceAuth(boolean tokenAuth, boolean bearerToken, String username, String password,
                         Optional<SshKeyPair> privateKey, SshKeyAlgorithm keyAlgorithm, int rsaBits, EcdsaCurve curve,
                         Optional<String> sshHostname, List<String> hostKeyAlgorithms, Optional<String> caPem,
                         boolean allowInsecureHttp) {

    public SourceAuth {
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(sshHostname, "sshHostname");
        hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
        Objects.requireNonNull(caPem, "caPem");
        tokenAuth = tokenAuth || bearerToken;
    }

    public boolean hasPassword() {
        return !password.isEmpty();
    }

    @Override
    public String toString() {
        return "SourceAuth[tokenAuth=" + tokenAuth + ", bearerToken=" + bearerToken + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", privateKey=" + privateKey
                + ", keyAlgorithm=" + keyAlgorithm + ", sshHostname=" + sshHostname.orElse("") + "]";
    }

    /** Flux's defaults: SSH with a generated ECDSA P-384 key, user {@code git}, no password. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().tokenAuth(tokenAuth).bearerToken(bearerToken).username(username).password(password)
                .privateKey(privateKey).keyAlgorithm(keyAlgorithm).rsaBits(rsaBits).curve(curve).sshHostname(sshHostname)
                .hostKeyAlgorithms(hostKeyAlgorithms).caPem(caPem).allowInsecureHttp(allowInsecureHttp);
    }

    /** Builds a {@link SourceAuth} one setting at a time. */
    public static final class Builder {
        private boolean tokenAuth;
        private boolean bearerToken;
        private String username = "git";
        private String password = "";
        private Optional<SshKeyPair> privateKey = Optional.empty();
        private SshKeyAlgorithm keyAlgorithm = SshKeyGenerator.DEFAULT_ALGORITHM;
        private int rsaBits = SshKeyGenerator.DEFAULT_RSA_BITS;
        private EcdsaCurve curve = SshKeyGenerator.DEFAULT_CURVE;
        private Optional<String> sshHostname = Optional.empty();
        private List<String> hostKeyAlgorithms = List.of();
        private Optional<String> caPem = Optional.empty();
        private boolean allowInsecureHttp;

        private Builder() {
        }

        public Builder tokenAuth(boolean value) {
            tokenAuth = value;
            return this;
        }

        public Builder bearerToken(boolean value) {
            bearerToken = value;
            return this;
        }

        public Builder username(String value) {
            username = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        public Builder privateKey(Optional<SshKeyPair> value) {
            privateKey = value;
            return this;
        }

        public Builder keyAlgorithm(SshKeyAlgorithm value) {
            keyAlgorithm = value;
            return this;
        }

        public Builder rsaBits(int value) {
            rsaBits = value;
            return this;
        }

        public Builder curve(EcdsaCurve value) {
            curve = value;
            return this;
        }

        public Builder sshHostname(Optional<String> value) {
            sshHostname = value;
            return this;
        }

        public Builder hostKeyAlgorithms(List<String> value) {
            hostKeyAlgorithms = value;
            return this;
        }

        public Builder caPem(Optional<String> value) {
            caPem = value;
            return this;
        }

        public Builder allowInsecureHttp(boolean value) {
            allowInsecureHttp = value;
            return this;
        }

        public SourceAuth build() {
            return new SourceAuth(tokenAuth, bearerToken, username, password, privateKey, keyAlgorithm, rsaBits, curve,
                    sshHostname, hostKeyAlgorithms, caPem, allowInsecureHttp);
        }
    }
}
