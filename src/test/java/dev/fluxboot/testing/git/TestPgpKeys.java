package dev.fluxboot.testing.git;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;

/**
 * An OpenPGP key for signing tests, made with BouncyCastle: RSA 2048, passphrase-protected,
 * either one primary key that signs, or a certify-only primary key with a signing subkey
 * (the layout {@code gpg --full-generate-key} makes).
 */
public final class TestPgpKeys {

    private final PGPSecretKeyRing secretRing;
    private final PGPPublicKeyRing publicRing;

    private TestPgpKeys(PGPSecretKeyRing secretRing, PGPPublicKeyRing publicRing) {
        this.secretRing = secretRing;
        this.publicRing = publicRing;
    }

    public static TestPgpKeys generate(String userId, String passphrase, boolean withSigningSubkey) {
        try {
            Date now = new Date(System.currentTimeMillis() - 60_000);
            PGPKeyPair primary = rsa(now);
            PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
            primaryFlags.setKeyFlags(false, withSigningSubkey ? KeyFlags.CERTIFY_OTHER : KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                    sha1, primaryFlags.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                    new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).build(passphrase.toCharArray()));
            if (withSigningSubkey) {
                PGPSignatureSubpacketGenerator subFlags = new PGPSignatureSubpacketGenerator();
                subFlags.setKeyFlags(false, KeyFlags.SIGN_DATA);
                generator.addSubKey(rsa(now), subFlags.generate(), null);
            }
            return new TestPgpKeys(generator.generateSecretKeyRing(), generator.generatePublicKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPKeyPair rsa(Date created) throws PGPException {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
        return new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), created);
    }

    public PGPPublicKeyRing publicRing() {
        return publicRing;
    }

    /** The primary key id, 16 upper-case hex digits (what {@code --gpg-key-id} takes). */
    public String primaryKeyId() {
        return String.format("%016X", publicRing.getPublicKey().getKeyID());
    }

    /** The secret key ring as {@code gpg --export-secret-keys} writes it (binary). */
    public byte[] secretRingBinary() {
        try {
            return secretRing.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secret key ring as {@code gpg --armor --export-secret-keys} writes it. */
    public byte[] secretRingArmored() {
        return armor(secretRingBinary());
    }

    public byte[] publicRingArmored() {
        try {
            return armor(publicRing.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] armor(byte[] binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
            armored.write(binary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
