package dev.fluxboot.git;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Signs commits with an OpenPGP key from a secret key ring ({@code --gpg-key-ring}, armored or
 * binary, e.g. {@code gpg --export-secret-keys}), selected by {@code --gpg-key-id} or, without
 * it, the first key ring; unlocked with {@code --gpg-passphrase}. A signing subkey is used
 * when the key has one, else the primary key.
 */
public final class OpenPgpSigner implements CommitSigner {

    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;

    private OpenPgpSigner(PGPPrivateKey privateKey, PGPPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key ring file; see {@link #fromKeyRing}. */
    public static OpenPgpSigner fromKeyRingFile(Path keyRing, String passphrase, String keyId) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyRing);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("unable to open GPG key ring " + keyRing + " (--gpg-key-ring): "
                    + Failures.reason(e));
        }
        return fromKeyRing(bytes, passphrase, keyId);
    }

    /**
     * @param keyId 16 hex digits, optionally with {@code 0x}; {@code null}/empty for the first key ring
     * @throws UsageException    for a key ring that cannot be read, an unknown or malformed key id
     * @throws FluxbootException when the key cannot be unlocked with the passphrase
     */
    public static OpenPgpSigner fromKeyRing(byte[] keyRing, String passphrase, String keyId) {
        List<PGPSecretKeyRing> rings = readRings(keyRing);
        if (rings.isEmpty()) {
            throw new UsageException("keyring does not contain a private key; export the secret key with "
                    + "'gpg --export-secret-keys' or specify --gpg-key-id");
        }
        PGPSecretKey key;
        if (keyId == null || keyId.isBlank()) {
            key = signingKey(rings.get(0));
            if (key == null) {
                throw new UsageException("the first GPG key ring has no key that can sign (--gpg-key-ring)");
            }
        } else {
            key = keyById(rings, normalizeKeyId(keyId));
        }
        PGPPrivateKey privateKey;
        try {
            char[] secret = passphrase == null ? new char[0] : passphrase.toCharArray();
            privateKey = key.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(secret));
        } catch (PGPException | RuntimeException e) {
            throw new FluxbootException("unable to decrypt GPG private key " + keyIdString(key.getKeyID())
                    + ": check --gpg-passphrase");
        }
        if (privateKey == null) {
            throw new UsageException("keyring does not contain private key for key id '" + keyIdString(key.getKeyID()) + "'");
        }
        return new OpenPgpSigner(privateKey, key.getPublicKey());
    }

    private static List<PGPSecretKeyRing> readRings(byte[] keyRing) {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyRing))) {
            PGPSecretKeyRingCollection collection = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
            collection.getKeyRings().forEachRemaining(rings::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UsageException("unable to read GPG key ring (--gpg-key-ring): it must hold secret keys, "
                    + "armored or binary, as 'gpg --export-secret-keys' writes them");
        }
        return rings;
    }

    private static String normalizeKeyId(String keyId) {
        String id = keyId.strip();
        if (id.startsWith("0x") || id.startsWith("0X")) {
            id = id.substring(2);
        }
        if (id.length() != 16) {
            throw new UsageException("invalid GPG key id length; expected 16, got " + id.length() + " (--gpg-key-id)");
        }
        if (!id.matches("[0-9a-fA-F]{16}")) {
            throw new UsageException("invalid GPG key id '" + keyId + "': expected 16 hex digits (--gpg-key-id)");
        }
        return id.toUpperCase(Locale.ROOT);
    }

    private static PGPSecretKey keyById(List<PGPSecretKeyRing> rings, String keyId) {
        for (PGPSecretKeyRing ring : rings) {
            if (keyIdString(ring.getSecretKey().getKeyID()).equals(keyId)) {
                PGPSecretKey key = signingKey(ring);
                if (key == null) {
                    throw new UsageException("GPG key " + keyId + " has no key that can sign (--gpg-key-id)");
                }
                return key;
            }
            for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
                PGPSecretKey sub = it.next();
                if (keyIdString(sub.getKeyID()).equals(keyId) && canSign(sub)) {
                    return sub;
                }
            }
        }
        throw new UsageException("no GPG keyring matching key id '" + keyId + "' found (--gpg-key-id)");
    }

    /** A signing subkey if there is one, else the primary key if it can sign. */
    private static PGPSecretKey signingKey(PGPSecretKeyRing ring) {
        PGPSecretKey primary = ring.getSecretKey();
        for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey key = it.next();
            if (!key.isMasterKey() && canSign(key)) {
                return key;
            }
        }
        return canSign(primary) ? primary : null;
    }

    private static boolean canSign(PGPSecretKey key) {
        if (!key.isSigningKey() || key.isPrivateKeyEmpty()) {
            return false;
        }
        PGPPublicKey pub = key.getPublicKey();
        Iterator<PGPSignature> signatures = pub.isMasterKey()
                ? pub.getSignatures() : pub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        Integer flags = null;
        while (signatures.hasNext()) {
            PGPSignatureSubpacketVector hashed = signatures.next().getHashedSubPackets();
            if (hashed != null && hashed.getKeyFlags() != 0) {
                flags = (flags == null ? 0 : flags) | hashed.getKeyFlags();
            }
        }
        // Without key flags, a primary key that can sign by algorithm may sign; a subkey may not.
        return flags == null ? pub.isMasterKey() : (flags & KeyFlags.SIGN_DATA) != 0;
    }

    static String keyIdString(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }

    /** The id of the key that signs (16 upper-case hex digits). */
    public String keyId() {
        return keyIdString(publicKey.getKeyID());
    }

    @Override
    public byte[] sign(byte[] commitPayload) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, new Date());
            hashed.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, publicKey.getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());
            generator.update(commitPayload);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                generator.generate().encode(armored);
            }
            return out.toByteArray();
        } catch (PGPException | IOException e) {
            throw new FluxbootException("signing the commit with GPG key " + keyId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OpenPgpSigner[" + keyId() + "]";
    }
}
