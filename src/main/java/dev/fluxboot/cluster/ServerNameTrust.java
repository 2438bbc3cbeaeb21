package dev.fluxboot.cluster;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code --tls-server-name}: the server's certificate chain is checked as usual (against the
 * cluster's certificate authority), but its name against the given one instead of the host of the
 * server address, as client-go does when a cluster is reached through an address its certificate
 * does not list (a tunnel, a load balancer's IP).
 */
final class ServerNameTrust extends X509ExtendedTrustManager {

    private final X509TrustManager chain;
    private final String serverName;

    private ServerNameTrust(X509TrustManager chain, String serverName) {
        this.chain = chain;
        this.serverName = serverName.toLowerCase(Locale.ROOT);
    }

    /** The trust managers, each X.509 one checking names against {@code serverName}. */
    static TrustManager[] wrap(TrustManager[] managers, String serverName) {
        TrustManager[] wrapped = managers.clone();
        for (int i = 0; i < wrapped.length; i++) {
            if (wrapped[i] instanceof X509TrustManager x509) {
                wrapped[i] = new ServerNameTrust(x509, serverName);
            }
        }
        return wrapped;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkServerTrusted(certificates, authType);
        requireName(certificates[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }

    /** Go's rule: the subject alternative names only (DNS names, a leading {@code *.} for one label; IP addresses). */
    private void requireName(X509Certificate certificate) throws CertificateException {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            names = null;
        }
        if (names != null) {
            for (List<?> name : names) {
                int type = (Integer) name.get(0);
                String value = String.valueOf(name.get(1)).toLowerCase(Locale.ROOT);
                if ((type == 2 && matchesDns(value)) || (type == 7 && value.equals(serverName))) {
                    return;
                }
            }
        }
        throw new CertificateException("the server's certificate is not valid for --tls-server-name " + serverName);
    }

    private boolean matchesDns(String pattern) {
        if (pattern.equals(serverName)) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            int dot = serverName.indexOf('.');
            return dot > 0 && serverName.substring(dot).equals(pattern.substring(1));
        }
        return false;
    }
}
