package dev.fluxboot.git;

import dev.fluxboot.FluxbootException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs commits with an SSH key ({@code --ssh-signing-key-file}, or the deploy key with
 * {@code --ssh-signing-reuse-private-key}), as {@code git} does with {@code gpg.format=ssh}: an
 * OpenSSH {@code SSHSIG} signature in the namespace {@code git} over the SHA-512 of the commit, armored
 * as {@code -----BEGIN SSH SIGNATURE-----}. {@code git verify-commit} checks it against an allowed
 * signers file.
 */
public final class SshCommitSigner implements CommitSigner {

    private static final String NAMESPACE = "git";
    private static final String HASH = "sha512";
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

    private final SshKeyPair key;

    public SshCommitSigner(SshKeyPair key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The key's public half as an allowed-signers or authorized_keys entry. */
    public String publicKey() {
        return key.authorizedKey();
    }

    @Override
    public byte[] sign(byte[] commitPayload) {
        String algorithm = signatureAlgorithm();
        try {
            ByteArrayBuffer signed = new ByteArrayBuffer();
            signed.putRawBytes(MAGIC);
            signed.putString(NAMESPACE);
            signed.putString("");
            signed.putString(HASH);
            signed.putBytes(MessageDigest.getInstance("SHA-512").digest(commitPayload));

            Signature signer = BuiltinSignatures.fromFactoryName(algorithm).create();
            signer.initSigner(null, key.keyPair().getPrivate());
            signer.update(null, signed.getCompactData());
            ByteArrayBuffer signature = new ByteArrayBuffer();
            signature.putString(algorithm);
            signature.putBytes(signer.sign(null));

            ByteArrayBuffer blob = new ByteArrayBuffer();
            blob.putRawBytes(MAGIC);
            blob.putUInt(1);
            blob.putPublicKey(key.publicKey());
            blob.putString(NAMESPACE);
            blob.putString("");
            blob.putString(HASH);
            blob.putBytes(signature.getCompactData());
            return armor(blob.getCompactData());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        } catch (Exception e) {
            throw new FluxbootException("signing the commit with SSH key " + key.fingerprint() + " failed: "
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
        }
    }

    /** RSA keys sign with SHA-512, as ssh-keygen -Y sign does; the others with their own algorithm. */
    private String signatureAlgorithm() {
        String type = KeyUtils.getKeyType(key.publicKey());
        if (KeyUtils.RSA_ALGORITHM.equals(key.publicKey().getAlgorithm()) || "ssh-rsa".equals(type)) {
            return KeyUtils.RSA_SHA512_KEY_TYPE_ALIAS;
        }
        if (type == null || BuiltinSignatures.fromFactoryName(type) == null) {
            throw new FluxbootException("SSH key " + key.fingerprint() + " cannot sign commits: its type "
                    + key.publicKeyType() + " is not one of ecdsa, ed25519, rsa");
        }
        return type;
    }

    private static byte[] armor(byte[] blob) {
        String base64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder text = new StringBuilder("-----BEGIN SSH SIGNATURE-----\n");
        for (int i = 0; i < base64.length(); i += 70) {
            text.append(base64, i, Math.min(base64.length(), i + 70)).append('\n');
        }
        text.append("-----END SSH SIGNATURE-----\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "SshCommitSigner[" + key.publicKeyType() + " " + key.fingerprint() + "]";
    }
}
