package dev.fluxboot.terraform.plugin;

import org.junit.jupiter.api.Test;

import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin's certificate and go-plugin's handshake line. */
class ServerCertificateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theCertificateIsSelfSignedForLocalhostAndServerAuth() throws Exception {
        // When
        ServerCertificate identity = ServerCertificate.generate(Clock.fixed(NOW, ZoneOffset.UTC));

        // Then
        X509Certificate certificate = identity.certificate();
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity(Date.from(NOW));
        assertThat(certificate.getNotBefore()).isBefore(Date.from(NOW));
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"));
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isNotNegative();
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(identity.key());
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(certificate.getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();
    }

    @Test
    void theHandshakeLineNamesProtocolsAddressAndTheCertificateWithoutPadding() throws Exception {
        // Given
        X509Certificate certificate = ServerCertificate.generate(Clock.fixed(NOW, ZoneOffset.UTC)).certificate();

        // When
        String line = Handshake.line(40123, Optional.of(certificate));

        // Then
        String[] fields = line.split("\\|", -1);
        assertThat(fields).hasSize(6);
        assertThat(List.of(fields).subList(0, 5)).containsExactly("1", "6", "tcp", "127.0.0.1:40123", "grpc");
        assertThat(fields[5]).doesNotContain("=", "\n");
        assertThat(Base64.getDecoder().decode(fields[5])).isEqualTo(certificate.getEncoded());
        assertThat(Handshake.line(1, Optional.empty())).isEqualTo("1|6|tcp|127.0.0.1:1|grpc|");
    }

    @Test
    void onlyTerraformsMagicCookieStartsTheProvider() {
        assertThat(Handshake.startedByTerraform(Map.of(Handshake.MAGIC_COOKIE_KEY, Handshake.MAGIC_COOKIE_VALUE))).isTrue();
        assertThat(Handshake.startedByTerraform(Map.of(Handshake.MAGIC_COOKIE_KEY, "nope"))).isFalse();
        assertThat(Handshake.startedByTerraform(Map.of())).isFalse();
    }

    @Test
    void theClientCertificateComesFromTheEnvironment() throws Exception {
        // Given
        X509Certificate certificate = ServerCertificate.generate(Clock.fixed(NOW, ZoneOffset.UTC)).certificate();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";

        // When / Then
        assertThat(Handshake.clientCertificate(Map.of("PLUGIN_CLIENT_CERT", pem))).contains(certificate);
        assertThat(Handshake.clientCertificate(Map.of())).isEmpty();
        assertThatThrownBy(() -> Handshake.clientCertificate(Map.of("PLUGIN_CLIENT_CERT", "garbage")))
                .hasMessage("PLUGIN_CLIENT_CERT does not hold a PEM certificate");
    }
}
