package dev.fluxboot.terraform.plugin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * go-plugin's handshake (v1.6), as Terraform starts a provider: the magic cookie in the
 * environment proves Terraform started the process, {@code PLUGIN_CLIENT_CERT} is the
 * certificate Terraform will present, and the first line on stdout tells Terraform where to
 * connect and which certificate to trust.
 */
public final class Handshake {

    /** go-plugin's core protocol version. */
    static final int CORE_PROTOCOL = 1;
    /** Terraform's plugin protocol major version: 6. */
    public static final int PROTOCOL_VERSION = 6;
    public static final String MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
    public static final String MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    static final String CLIENT_CERT_KEY = "PLUGIN_CLIENT_CERT";

    private Handshake() {
    }

    /** Whether Terraform started this process (it sets its magic cookie). */
    public static boolean startedByTerraform(Map<String, String> env) {
        return MAGIC_COOKIE_VALUE.equals(env.get(MAGIC_COOKIE_KEY));
    }

    /** The certificate (PEM) Terraform will authenticate with; empty when it asked for no TLS. */
    public static Optional<X509Certificate> clientCertificate(Map<String, String> env) {
        String pem = env.getOrDefault(CLIENT_CERT_KEY, "");
        if (pem.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException(CLIENT_CERT_KEY + " does not hold a PEM certificate", e);
        }
    }

    /**
     * {@code 1|6|tcp|127.0.0.1:PORT|grpc|CERT}: go-plugin's protocol, Terraform's protocol, where
     * to connect, gRPC, and the server certificate (DER, base64 without padding; empty without TLS).
     */
    public static String line(int port, Optional<X509Certificate> serverCertificate) {
        String certificate = serverCertificate.map(Handshake::encode).orElse("");
        return CORE_PROTOCOL + "|" + PROTOCOL_VERSION + "|tcp|127.0.0.1:" + port + "|grpc|" + certificate;
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the plugin's certificate", e);
        }
    }
}
