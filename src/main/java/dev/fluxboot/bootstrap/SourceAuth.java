package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyAlgorithm;
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
}
