package dev.fluxboot.net;

import dev.fluxboot.FluxbootException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust: the JDK's system trust store, plus the certificates of an optional PEM file (a
 * private CA, a TLS-inspecting proxy). One PKIX trust manager holds both, so hostname and
 * chain checks stay the JDK's own.
 */
public final class TrustStores {

    private TrustStores() {
    }

    /** An SSL context trusting the system CAs and, when given, those in {@code extraCaFile}. */
    public static SSLContext sslContext(Optional<Path> extraCaFile) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(extraCaFile)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new FluxbootException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The merged trust manager behind {@link #sslContext(Optional)}. */
    public static X509TrustManager trustManager(Optional<Path> extraCaFile) {
        try {
            X509TrustManager system = systemTrustManager();
            if (extraCaFile.isEmpty()) {
                return system;
            }
            KeyStore merged = KeyStore.getInstance(KeyStore.getDefaultType());
            merged.load(null, null);
            int index = 0;
            for (X509Certificate anchor : system.getAcceptedIssuers()) {
                merged.setCertificateEntry("system-" + index++, anchor);
            }
            index = 0;
            for (X509Certificate extra : readCertificates(extraCaFile.get())) {
                merged.setCertificateEntry("extra-" + index++, extra);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(merged);
            return x509(factory);
        } catch (GeneralSecurityException | IOException e) {
            throw new FluxbootException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** The X.509 certificates of a PEM (or DER) file; a clear error when it has none. */
    public static List<X509Certificate> readCertificates(Path file) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new FluxbootException("CA file " + file + " does not exist: give the path of a PEM file with CA certificates");
        } catch (IOException e) {
            throw new FluxbootException("cannot read CA file " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new FluxbootException("CA file " + file + " holds no valid certificate: give a PEM file with CA certificates");
        }
        List<X509Certificate> result = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate x509) {
                result.add(x509);
            }
        }
        if (result.isEmpty()) {
            throw new FluxbootException("CA file " + file + " holds no certificate: give a PEM file with CA certificates");
        }
        return result;
    }

    private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory);
    }

    private static X509TrustManager x509(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new FluxbootException("cannot set up TLS trust: the JDK offers no X.509 trust manager");
    }
}
