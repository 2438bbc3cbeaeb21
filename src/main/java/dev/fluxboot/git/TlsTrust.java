package dev.fluxboot.git;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.UsageException;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Trust for https remotes: the system trust store plus the CA certificates of {@code --ca-file}. */
public final class TlsTrust {

    private TlsTrust() {
    }

    /**
     * Reads a {@code --ca-file}: the text is returned as it is (it also goes into the source
     * secret as {@code ca.crt}) after checking that it holds at least one certificate.
     */
    public static String readCaFile(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("unable to read TLS CA file " + file + " (--ca-file): " + Failures.reason(e));
        }
        parseCertificates(pem, "TLS CA file " + file + " (--ca-file)");
        return pem;
    }

    static List<X509Certificate> parseCertificates(String pem) {
        return parseCertificates(pem, "the TLS CA certificates (--ca-file)");
    }

    public static List<X509Certificate> parseCertificates(String pem, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            Collection<? extends java.security.cert.Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            for (java.security.cert.Certificate c : parsed) {
                certificates.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new UsageException(what + " is not a PEM certificate bundle: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new UsageException(what + " holds no PEM certificate");
        }
        return certificates;
    }

    /** Trust managers accepting what the system trusts and, failing that, what the extra CAs sign. */
    static TrustManager[] trustManagers(String extraCaPem) throws GeneralSecurityException {
        X509TrustManager system = x509(null);
        if (extraCaPem == null) {
            return new TrustManager[]{system};
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (X509Certificate certificate : parseCertificates(extraCaPem)) {
            store.setCertificateEntry("extra-ca-" + i++, certificate);
        }
        return new TrustManager[]{new EitherTrustManager(system, x509(store))};
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    /** Server certificates pass when either manager accepts them. */
    private static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        EitherTrustManager(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                try {
                    second.checkServerTrusted(chain, authType);
                } catch (CertificateException notByExtra) {
                    notBySystem.addSuppressed(notByExtra);
                    throw notBySystem;
                }
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
