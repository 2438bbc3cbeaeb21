package dev.fluxboot.git;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Generates SSH key pairs as the Flux CLI does ({@code --ssh-key-algorithm}, {@code --ssh-rsa-bits},
 * {@code --ssh-ecdsa-curve}): the private key is a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), which
 * is what Flux writes into {@code identity}; {@link SshKeyPair#toOpenSshPem()} gives the OpenSSH form.
 */
public final class SshKeyGenerator {

    /** Flux's default for {@code --ssh-rsa-bits}. */
    public static final int DEFAULT_RSA_BITS = 2048;
    /** Flux's default for {@code --ssh-ecdsa-curve}. */
    public static final EcdsaCurve DEFAULT_CURVE = EcdsaCurve.P384;
    /** Flux's default for {@code --ssh-key-algorithm} in bootstrap. */
    public static final SshKeyAlgorithm DEFAULT_ALGORITHM = SshKeyAlgorithm.ECDSA;

    private final SecureRandom random;

    public SshKeyGenerator() {
        this(new SecureRandom());
    }

    public SshKeyGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Checks {@code --ssh-rsa-bits} with the Flux CLI's rules: at least 1024 and a multiple of 8. */
    public static int checkRsaBits(int bits) {
        if (bits < 1024) {
            throw new UsageException("RSA key bit size must be at least 1024 (--ssh-rsa-bits " + bits + ")");
        }
        if (bits % 8 != 0) {
            throw new UsageException("RSA key bit size must be a multiples of 8 (--ssh-rsa-bits " + bits + ")");
        }
        return bits;
    }

    public SshKeyPair rsa(int bits) {
        checkRsaBits(bits);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return fromPkcs8(generator.generateKeyPair().getPrivate().getEncoded(), "rsa");
        } catch (GeneralSecurityException e) {
            throw failed("rsa", e);
        }
    }

    public SshKeyPair ecdsa(EcdsaCurve curve) {
        Objects.requireNonNull(curve, "curve");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.jcaName()), random);
            KeyPair pair = generator.generateKeyPair();
            return fromPkcs8(ecPkcs8((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(), curve), "ecdsa");
        } catch (GeneralSecurityException | IOException e) {
            throw failed("ecdsa", e);
        }
    }

    public SshKeyPair ed25519() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        Ed25519PrivateKeyParameters key = (Ed25519PrivateKeyParameters) generator.generateKeyPair().getPrivate();
        try {
            // PKCS#8 v1 (RFC 8410) without the public key: what Go's MarshalPKCS8PrivateKey writes.
            byte[] pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                    new DEROctetString(key.getEncoded())).getEncoded();
            return fromPkcs8(pkcs8, "ed25519");
        } catch (IOException e) {
            throw failed("ed25519", e);
        }
    }

    /** One call for the three flags; {@code rsaBits} and {@code curve} matter only for their algorithm. */
    public SshKeyPair generate(SshKeyAlgorithm algorithm, int rsaBits, EcdsaCurve curve) {
        return switch (algorithm) {
            case RSA -> rsa(rsaBits);
            case ECDSA -> ecdsa(curve == null ? DEFAULT_CURVE : curve);
            case ED25519 -> ed25519();
        };
    }

    /**
     * PKCS#8 with the SEC1 key holding the public point, as Go's MarshalPKCS8PrivateKey writes
     * it (the JDK leaves the point out, and SSH libraries need it).
     */
    private static byte[] ecPkcs8(ECPrivateKey privateKey, ECPublicKey publicKey, EcdsaCurve curve) throws IOException {
        int fieldBytes = (privateKey.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = new byte[1 + 2 * fieldBytes];
        point[0] = 0x04; // uncompressed
        copyUnsigned(publicKey.getW().getAffineX(), point, 1, fieldBytes);
        copyUnsigned(publicKey.getW().getAffineY(), point, 1 + fieldBytes, fieldBytes);
        ASN1ObjectIdentifier curveOid = switch (curve) {
            case P256 -> SECObjectIdentifiers.secp256r1;
            case P384 -> SECObjectIdentifiers.secp384r1;
            case P521 -> SECObjectIdentifiers.secp521r1;
        };
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                privateKey.getParams().getOrder().bitLength(), privateKey.getS(), new DERBitString(point), null);
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curveOid), sec1).getEncoded();
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > length ? bytes.length - length : 0;
        int count = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + length - count, count);
    }

    private static SshKeyPair fromPkcs8(byte[] pkcs8, String algorithm) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        // Read back through the SSH library, so the key objects are the ones it authenticates with.
        return SshKeyPair.parse(pem, null, "generated " + algorithm + " key");
    }

    private static FluxbootException failed(String algorithm, Exception e) {
        return new FluxbootException("key pair generation failed for " + algorithm + ": " + e.getMessage(), e);
    }
}
