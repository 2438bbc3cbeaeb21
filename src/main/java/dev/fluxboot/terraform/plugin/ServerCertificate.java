package dev.fluxboot.terraform.plugin;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * The plugin's TLS identity for one run: a fresh EC key and a self-signed certificate for
 * {@code localhost}, as go-plugin makes its own. Terraform trusts exactly this certificate
 * (it comes back in the handshake line) and checks the name {@code localhost} in it.
 */
public record ServerCertificate(PrivateKey key, X509Certificate certificate) {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

    /** A new key and certificate, valid from a minute before {@code clock}'s now for ten years. */
    public static ServerCertificate generate(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ZonedDateTime now = ZonedDateTime.now(clock);
            byte[] name = Der.sequence(
                    Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8String("fluxboot"))),
                    Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8String("localhost"))));
            byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
            byte[] extensions = Der.sequence(
                    // A CA, so that the certificate that is its own root also verifies as one.
                    extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
                    // digitalSignature and keyCertSign.
                    extension("2.5.29.15", true, Der.bitString(new byte[] {(byte) 0x84}, 2)),
                    extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"), Der.oid("1.3.6.1.5.5.7.3.2"))),
                    extension("2.5.29.17", false, Der.sequence(Der.implicitPrimitive(2,
                            "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(new BigInteger(127, new SecureRandom()).add(BigInteger.ONE)),
                    algorithm,
                    name,
                    Der.sequence(Der.utcTime(now.minusMinutes(1)), Der.utcTime(now.plusYears(10))),
                    name,
                    pair.getPublic().getEncoded(),
                    Der.explicit(3, extensions));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign(), 0));
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
            return new ServerCertificate(pair.getPrivate(), parsed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the plugin's TLS certificate", e);
        }
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }
}
