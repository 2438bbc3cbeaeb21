package dev.fluxboot.testing.git;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A throwaway CA and a server certificate it signed, for 127.0.0.1 and localhost (EC P-256,
 * made with BouncyCastle's ASN.1 classes, no bcpkix needed).
 */
public final class TestCertificates {

    /** A host name the server certificate holds that no resolver knows: only a test proxy reaches it. */
    public static final String PROXIED_HOST = "git.fluxboot.invalid";

    private final X509Certificate caCertificate;
    private final KeyPair serverKey;
    private final X509Certificate serverCertificate;

    private TestCertificates(X509Certificate caCertificate, KeyPair serverKey, X509Certificate serverCertificate) {
        this.caCertificate = caCertificate;
        this.serverKey = serverKey;
        this.serverCertificate = serverCertificate;
    }

    public static TestCertificates generate() {
        return generate("fluxboot test CA");
    }

    public static TestCertificates generate(String caName) {
        try {
            KeyPair caKey = ecKey();
            X500Name ca = new X500Name("CN=" + caName);
            X509Certificate caCertificate = sign(ca, ca, caKey.getPublic(), caKey.getPrivate(), true);
            KeyPair serverKey = ecKey();
            X509Certificate serverCertificate = sign(ca, new X500Name("CN=127.0.0.1"), serverKey.getPublic(),
                    caKey.getPrivate(), false);
            return new TestCertificates(caCertificate, serverKey, serverCertificate);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make test certificates", e);
        }
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, PublicKey subjectKey, PrivateKey issuerKey,
                                        boolean isCa) throws GeneralSecurityException, IOException {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE)));
        tbs.setIssuer(issuer);
        tbs.setSubject(subject);
        Instant now = Instant.now();
        tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofHours(1)))));
        tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(2)))));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
        tbs.setSignature(algorithm);
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    // a name that resolves nowhere, for tests that reach the server only through a proxy
                    new GeneralName(GeneralName.dNSName, PROXIED_HOST)}));
        }
        tbs.setExtensions(extensions.generate());
        TBSCertificate certificate = tbs.generateTBSCertificate();
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(issuerKey);
        signature.update(certificate.getEncoded(ASN1Encoding.DER));
        Certificate signed = Certificate.getInstance(new DERSequence(new ASN1Encodable[]{
                certificate, algorithm, new DERBitString(signature.sign())}));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(signed.getEncoded(ASN1Encoding.DER)));
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The CA certificate as PEM: the content of a {@code --ca-file}. */
    public String caPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(caCertificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #caPem()} to {@code dir/ca.crt} and returns the path. */
    public Path writeCaFile(Path dir) {
        try {
            return Files.writeString(dir.resolve("ca.crt"), caPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TLS for the server: its key and the chain server certificate, CA. */
    public SSLContext serverContext() {
        try {
            char[] password = "test".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", serverKey.getPrivate(), password,
                    new java.security.cert.Certificate[]{serverCertificate, caCertificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
