package dev.fluxboot.git;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Objects;

/**
 * An SSH key pair with the texts Flux puts into the source secret: the private key PEM
 * ({@code identity}) and the authorized_keys line ({@code identity.pub}). The private key stays
 * in memory; {@link #toString()} shows only the public key's type and fingerprint.
 */
public final class SshKeyPair {

    private final KeyPair keyPair;
    private final String privateKeyPem;
    private final String authorizedKey;

    private SshKeyPair(KeyPair keyPair, String privateKeyPem) {
        this.keyPair = keyPair;
        this.privateKeyPem = privateKeyPem;
        this.authorizedKey = PublicKeyEntry.toString(keyPair.getPublic());
    }

    /**
     * Parses a private key: OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}), PKCS#8
     * ({@code BEGIN PRIVATE KEY}, {@code BEGIN ENCRYPTED PRIVATE KEY}) or PKCS#1/SEC1
     * ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}), encrypted ones with the
     * passphrase. RSA, ECDSA and Ed25519 keys.
     *
     * @param pem        the key text; kept as it is for the source secret
     * @param passphrase the passphrase of an encrypted key, or {@code null}/empty
     * @param source     what the key is, for messages (e.g. {@code private key file /path})
     * @throws UsageException when the key cannot be read; the message never contains key material
     */
    public static SshKeyPair parse(String pem, String passphrase, String source) {
        Objects.requireNonNull(pem, "pem");
        boolean hasPassphrase = passphrase != null && !passphrase.isEmpty();
        FilePasswordProvider passwords = hasPassphrase ? FilePasswordProvider.of(passphrase) : FilePasswordProvider.EMPTY;
        Iterable<KeyPair> pairs;
        try {
            pairs = SecurityUtils.loadKeyPairIdentities(null, null,
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)), passwords);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            boolean encrypted = looksEncrypted(pem);
            if (encrypted && !hasPassphrase) {
                throw new UsageException(source + " is encrypted: give its passphrase (--password)");
            }
            if (encrypted) {
                throw new UsageException("cannot decrypt " + source + ": wrong passphrase (--password)");
            }
            throw new UsageException("cannot read " + source + ": not an OpenSSH, PKCS#8 or PKCS#1 private key");
        }
        Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
        if (it == null || !it.hasNext()) {
            throw new UsageException("cannot read " + source + ": it holds no private key");
        }
        KeyPair pair = it.next();
        if (KeyUtils.getKeyType(pair.getPublic()) == null) {
            throw new UsageException("cannot use " + source + ": unsupported key type " + pair.getPublic().getAlgorithm());
        }
        return new SshKeyPair(pair, pem);
    }

    /** Reads {@code --private-key-file}. */
    public static SshKeyPair read(Path file, String passphrase) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("failed to open private key file " + file + " (--private-key-file): "
                    + Failures.reason(e));
        }
        return parse(pem, passphrase, "private key file " + file);
    }

    private static boolean looksEncrypted(String pem) {
        if (pem.contains("ENCRYPTED") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
            return true;
        }
        // OpenSSH keys name their cipher in the binary header: "none" when not encrypted.
        int begin = pem.indexOf("-----BEGIN OPENSSH PRIVATE KEY-----");
        int end = pem.indexOf("-----END OPENSSH PRIVATE KEY-----");
        if (begin >= 0 && end > begin) {
            try {
                String body = pem.substring(begin + "-----BEGIN OPENSSH PRIVATE KEY-----".length(), end)
                        .replaceAll("\\s", "");
                byte[] bytes = java.util.Base64.getDecoder().decode(body);
                String header = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
                return !header.contains("none");
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The private key text for the source secret's {@code identity}: never log it. */
    public String privateKeyPem() {
        return privateKeyPem;
    }

    /** {@code <type> <base64>}, e.g. {@code ssh-ed25519 AAAA...}: for deploy keys and authorized_keys. */
    public String authorizedKey() {
        return authorizedKey;
    }

    /** The source secret's {@code identity.pub} as Flux writes it: {@link #authorizedKey()} and a newline. */
    public String identityPub() {
        return authorizedKey + "\n";
    }

    /** {@code ssh-rsa}, {@code ecdsa-sha2-nistp384}, {@code ssh-ed25519}, ... */
    public String publicKeyType() {
        return KeyUtils.getKeyType(keyPair.getPublic());
    }

    /** {@code SHA256:...} as ssh-keygen -l prints it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(keyPair.getPublic());
    }

    /** The private key in OpenSSH format ({@code BEGIN OPENSSH PRIVATE KEY}), unencrypted. */
    public String toOpenSshPem() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "", null, out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new FluxbootException("cannot write the " + publicKeyType() + " key in OpenSSH format: "
                    + Failures.reason(e));
        }
    }

    @Override
    public String toString() {
        return "SshKeyPair[" + publicKeyType() + " " + fingerprint() + "]";
    }
}
