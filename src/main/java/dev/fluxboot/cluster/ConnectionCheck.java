package dev.fluxboot.cluster;

import dev.fluxboot.UsageException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/**
 * Checks the connection values of a {@link KubeConnection} before anything connects: files that
 * exist and hold PEM, URLs that parse, flags that work together. Each problem is one
 * {@link UsageException} naming the flag, never the file's content.
 */
public final class ConnectionCheck {

    /** A PEM block whose label ends with PRIVATE KEY (PKCS#8, PKCS#1 RSA, SEC1 EC). */
    private static final java.util.regex.Pattern PRIVATE_KEY = java.util.regex.Pattern.compile(
            "-----BEGIN ([A-Z ]*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private ConnectionCheck() {
    }

    /** @throws UsageException naming the first flag whose value cannot work */
    public static void require(KubeConnection connection) {
        connection.server().ifPresent(server -> requireUrl("--server", server, true));
        connection.proxyUrl().ifPresent(proxy -> requireUrl("proxy URL", proxy, false));
        if (connection.insecureSkipTlsVerify() && connection.certificateAuthority().isPresent()) {
            throw new UsageException("--insecure-skip-tls-verify and --certificate-authority cannot be used together: "
                    + "a server whose certificate is not checked needs no certificate authority; drop one of them");
        }
        if ((!connection.impersonateGroups().isEmpty() || connection.impersonateUid().isPresent()
                || !connection.impersonateExtra().isEmpty()) && connection.impersonate().isEmpty()) {
            throw new UsageException("--as-group, --as-uid and --as-user-extra impersonate a user: name the user "
                    + "with --as too");
        }
        connection.qps().ifPresent(qps -> {
            if (qps.isNaN() || qps.isInfinite()) {
                throw new UsageException("--kube-api-qps " + qps + " is not a number of requests per second");
            }
            if (qps > 0 && connection.burst().isPresent() && connection.burst().getAsInt() <= 0) {
                throw new UsageException("--kube-api-burst must be greater than 0 when --kube-api-qps is ("
                        + connection.burst().getAsInt() + " given)");
            }
        });
        connection.certificateAuthority().ifPresent(pem -> requireCertificate("--certificate-authority",
                "certificate authority", pem));
        connection.clientCertificate().ifPresent(pem -> requireCertificate("--client-certificate",
                "client certificate", pem));
        connection.clientKey().ifPresent(ConnectionCheck::requireKey);
    }

    private static void requireUrl(String flag, String value, boolean hostPortAllowed) {
        String url = hostPortAllowed && !value.contains("://") ? "https://" + value : value;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http")
                    || (!hostPortAllowed && scheme.startsWith("socks")))) {
                throw new URISyntaxException(value, "no host");
            }
        } catch (URISyntaxException e) {
            throw new UsageException(flag + " \"" + value + "\" is not a URL: use https://HOST[:PORT]");
        }
    }

    private static void requireCertificate(String flag, String what, KubeConnection.Pem pem) {
        String text = read(flag, what, pem);
        try {
            if (new java.util.ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))).isEmpty()) {
                throw new CertificateException("none");
            }
        } catch (CertificateException | RuntimeException e) {
            throw new UsageException(where(flag, what, pem) + " holds no PEM certificate; give a file with "
                    + "\"-----BEGIN CERTIFICATE-----\" blocks");
        }
    }

    private static void requireKey(KubeConnection.Pem pem) {
        String flag = "--client-key";
        String what = "client key";
        String text = read(flag, what, pem);
        java.util.regex.Matcher block = PRIVATE_KEY.matcher(text);
        boolean found = false;
        while (!found && block.find()) {
            try {
                found = !block.group(1).startsWith("ENCRYPTED")
                        && java.util.Base64.getMimeDecoder().decode(block.group(2)).length > 0;
            } catch (IllegalArgumentException e) {
                found = false;
            }
        }
        if (!found) {
            throw new UsageException(where(flag, what, pem) + " holds no unencrypted PEM private key; give the key "
                    + "that belongs to the client certificate");
        }
    }

    private static String read(String flag, String what, KubeConnection.Pem pem) {
        if (pem instanceof KubeConnection.Pem.Text text) {
            if (text.pem().isBlank()) {
                throw new UsageException("the " + what + " PEM is empty");
            }
            return text.pem();
        }
        Path path = ((KubeConnection.Pem.File) pem).path();
        if (!Files.exists(path)) {
            throw new UsageException(flag + " " + path + ": file not found");
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException(flag + " " + path + ": not a file");
        }
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UsageException(flag + " " + path + ": cannot be read (check its permissions)");
        }
    }

    private static String where(String flag, String what, KubeConnection.Pem pem) {
        return pem instanceof KubeConnection.Pem.File file ? flag + " " + file.path() : "the " + what + " PEM";
    }
}
