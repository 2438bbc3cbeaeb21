package dev.fluxboot.cluster;

import io.fabric8.kubernetes.client.Config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a {@link KubeConnection}'s values over the fabric8 {@link Config} its kubeconfig gave, with
 * client-go's precedence: a value from the flags replaces the kubeconfig's, and a certificate
 * authority or {@code --insecure-skip-tls-verify} from the flags replaces all of the kubeconfig's
 * server trust settings (else a kubeconfig CA and the flag would conflict).
 */
final class ConnectionOverrides {

    /** client-go's header for {@code --as-uid}; fabric8 has no setting for it. */
    static final String IMPERSONATE_UID_HEADER = "Impersonate-Uid";

    private ConnectionOverrides() {
    }

    static void apply(Config config, KubeConnection connection) {
        connection.server().ifPresent(server -> config.setMasterUrl(withScheme(server)));
        if (connection.insecureSkipTlsVerify() || connection.certificateAuthority().isPresent()) {
            config.setTrustCerts(connection.insecureSkipTlsVerify());
            config.setDisableHostnameVerification(connection.insecureSkipTlsVerify());
            config.setCaCertFile(null);
            config.setCaCertData(null);
            connection.certificateAuthority().ifPresent(pem -> {
                if (pem instanceof KubeConnection.Pem.File file) {
                    config.setCaCertFile(file.path().toAbsolutePath().toString());
                } else {
                    config.setCaCertData(base64(((KubeConnection.Pem.Text) pem).pem()));
                }
            });
        }
        connection.clientCertificate().ifPresent(pem -> {
            config.setClientCertFile(null);
            config.setClientCertData(null);
            if (pem instanceof KubeConnection.Pem.File file) {
                config.setClientCertFile(file.path().toAbsolutePath().toString());
            } else {
                config.setClientCertData(base64(((KubeConnection.Pem.Text) pem).pem()));
            }
        });
        connection.clientKey().ifPresent(pem -> {
            config.setClientKeyFile(null);
            config.setClientKeyData(null);
            if (pem instanceof KubeConnection.Pem.File file) {
                config.setClientKeyFile(file.path().toAbsolutePath().toString());
            } else {
                config.setClientKeyData(base64(((KubeConnection.Pem.Text) pem).pem()));
            }
            config.setClientKeyAlgo(null);
        });
        connection.token().ifPresent(token -> {
            config.setOauthToken(token);
            config.setAutoOAuthToken(null);
            config.setOauthTokenProvider(null);
        });
        connection.impersonate().ifPresent(user -> {
            config.setImpersonateUsername(user);
            config.setImpersonateGroups(connection.impersonateGroups().toArray(String[]::new));
            config.setImpersonateExtras(new LinkedHashMap<>(connection.impersonateExtra()));
            connection.impersonateUid().ifPresent(uid -> {
                Map<String, String> headers = config.getCustomHeaders() == null ? new LinkedHashMap<>()
                        : new LinkedHashMap<>(config.getCustomHeaders());
                headers.put(IMPERSONATE_UID_HEADER, uid);
                config.setCustomHeaders(headers);
            });
        });
        connection.proxyUrl().ifPresent(proxy -> {
            config.setHttpsProxy(proxy);
            config.setHttpProxy(proxy);
            config.setNoProxy(new String[0]);
        });
    }

    /** kubectl takes {@code host:port} for {@code https://host:port}. */
    static String withScheme(String server) {
        String url = server.contains("://") ? server : "https://" + server;
        URI uri = URI.create(url);
        String normalized = uri.getScheme().toLowerCase(Locale.ROOT) + url.substring(uri.getScheme().length());
        // fabric8 joins paths to the address as text: it must end with a slash, as its own configs do
        return normalized.endsWith("/") ? normalized : normalized + "/";
    }

    private static String base64(String pem) {
        return java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
