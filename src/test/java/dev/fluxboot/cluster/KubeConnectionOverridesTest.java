package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.KubeApiServerSupport;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection values over (or instead of) a kubeconfig, against a real kube-apiserver: the server
 * says who each connection authenticated as (a SelfSubjectReview), so every value is seen to take effect.
 */
class KubeConnectionOverridesTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static Path ca;
    private static Path clientCertificate;
    private static Path clientKey;

    @TempDir
    Path home;

    @BeforeAll
    static void files() {
        ca = kube.workDir().resolve("apiserver.crt");
        clientCertificate = kube.workDir().resolve("client.crt");
        clientKey = kube.workDir().resolve("client.key");
    }

    private Map<String, String> env() {
        // no KUBECONFIG and an empty home: nothing but the values given
        return Map.of("HOME", home.toString());
    }

    private UserInfo whoAmI(KubeConnection connection) {
        try (KubernetesClient client = KubeClusters.client(connection, env(), TIMEOUT)) {
            return client.resource(new SelfSubjectReview()).create().getStatus().getUserInfo();
        }
    }

    private static KubeConnection.Builder flagsOnly() {
        return KubeConnection.builder()
                .server(Optional.of(kube.serverUrl()))
                .certificateAuthority(Optional.of(new KubeConnection.Pem.File(ca)))
                .clientCertificate(Optional.of(new KubeConnection.Pem.File(clientCertificate)))
                .clientKey(Optional.of(new KubeConnection.Pem.File(clientKey)));
    }

    @Test
    void serverCertificateAuthorityAndClientCertificateFilesNeedNoKubeconfig() {
        UserInfo user = whoAmI(flagsOnly().build());

        assertThat(user.getUsername()).isEqualTo("kubeapitest");
        assertThat(user.getGroups()).contains("system:masters");
    }

    @Test
    void pemTextWorksAsTheFilesDo() throws IOException {
        KubeConnection connection = KubeConnection.builder()
                .server(Optional.of(kube.serverUrl()))
                .certificateAuthority(Optional.of(new KubeConnection.Pem.Text(Files.readString(ca))))
                .clientCertificate(Optional.of(new KubeConnection.Pem.Text(Files.readString(clientCertificate))))
                .clientKey(Optional.of(new KubeConnection.Pem.Text(Files.readString(clientKey))))
                .build();

        assertThat(whoAmI(connection).getUsername()).isEqualTo("kubeapitest");
    }

    @Test
    void hostAndPortAloneMeanHttps() {
        String hostPort = URI.create(kube.serverUrl()).getAuthority();

        assertThat(whoAmI(flagsOnly().server(Optional.of(hostPort)).build()).getUsername()).isEqualTo("kubeapitest");
    }

    @Test
    void clusterAndUserReplaceThoseOfAContextThatPointsElsewhere() throws IOException {
        // Given a kubeconfig whose current context names an unreachable cluster and an unknown identity
        Path kubeconfig = home.resolve("two-clusters");
        Files.writeString(kubeconfig, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: gone",
                "  cluster:",
                "    server: https://127.0.0.1:1",
                "- name: test",
                "  cluster:",
                "    certificate-authority: " + ca,
                "    server: " + kube.serverUrl(),
                "users:",
                "- name: nobody",
                "  user:",
                "    token: not-a-token",
                "- name: admin",
                "  user:",
                "    client-certificate: " + clientCertificate,
                "    client-key: " + clientKey,
                "contexts:",
                "- name: wrong",
                "  context:",
                "    cluster: gone",
                "    user: nobody",
                "current-context: wrong",
                ""));
        KubeConnection.Builder connection = KubeConnection.builder().kubeconfig(Optional.of(kubeconfig));

        // When/Then
        assertThat(whoAmI(connection.clusterName(Optional.of("test")).userName(Optional.of("admin")).build())
                .getUsername()).isEqualTo("kubeapitest");
        assertThatThrownBy(() -> whoAmI(connection.clusterName(Optional.of("prod")).build()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("cluster \"prod\" not found in kubeconfig " + kubeconfig + " (clusters: gone, test); check --cluster");
        assertThatThrownBy(() -> whoAmI(connection.clusterName(Optional.of("test")).userName(Optional.of("root")).build()))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("user \"root\" not found in kubeconfig " + kubeconfig + " (users: nobody, admin); check --user");
    }

    @Test
    void serverReplacesTheClusterAddressAndKeepsTheKubeconfigCredentials() throws IOException {
        Path kubeconfig = home.resolve("moved");
        Files.writeString(kubeconfig, Files.readString(kube.kubeconfig())
                .replace(kube.serverUrl().replaceAll("/$", ""), "https://127.0.0.1:1"));

        UserInfo user = whoAmI(KubeConnection.builder().kubeconfig(Optional.of(kubeconfig))
                .server(Optional.of(kube.serverUrl())).build());

        assertThat(user.getUsername()).isEqualTo("kubeapitest");
    }

    @Test
    void insecureSkipTlsVerifyIsTheOnlyWayWithoutTheServersAuthority() {
        KubeConnection.Builder withoutCa = flagsOnly().certificateAuthority(Optional.empty());

        assertThatThrownBy(() -> whoAmI(withoutCa.build())).isInstanceOf(RuntimeException.class);
        assertThat(whoAmI(withoutCa.insecureSkipTlsVerify(true).build()).getUsername()).isEqualTo("kubeapitest");
    }

    @Test
    void tlsServerNameChecksTheCertificateAgainstThatName() {
        // the server's certificate is for 127.0.0.1 and kubernetes(.default(.svc)), not for localhost
        String localhost = kube.serverUrl().replace("127.0.0.1", "localhost");
        KubeConnection.Builder viaLocalhost = flagsOnly().server(Optional.of(localhost));

        assertThatThrownBy(() -> whoAmI(viaLocalhost.build())).isInstanceOf(RuntimeException.class);
        assertThat(whoAmI(viaLocalhost.tlsServerName(Optional.of("kubernetes.default")).build()).getUsername())
                .isEqualTo("kubeapitest");
        assertThatThrownBy(() -> whoAmI(viaLocalhost.tlsServerName(Optional.of("example.org")).build()))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aBearerTokenAuthenticatesWithoutAnyCertificate() {
        // Given a service account's token from the server
        kube.client().serviceAccounts().inNamespace("default")
                .resource(new ServiceAccountBuilder().withNewMetadata().withName("deployer").endMetadata().build())
                .serverSideApply();
        String token = kube.client().serviceAccounts().inNamespace("default").withName("deployer")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();

        // When
        UserInfo user = whoAmI(KubeConnection.builder().server(Optional.of(kube.serverUrl()))
                .certificateAuthority(Optional.of(new KubeConnection.Pem.File(ca))).token(Optional.of(token)).build());

        // Then
        assertThat(user.getUsername()).isEqualTo("system:serviceaccount:default:deployer");
    }

    @Test
    void impersonationSendsUserGroupsUidAndExtras() {
        UserInfo user = whoAmI(flagsOnly().impersonate(Optional.of("alice"), List.of("devs", "ops"), Optional.of("42"),
                Map.of("team", List.of("platform"))).build());

        assertThat(user.getUsername()).isEqualTo("alice");
        assertThat(user.getGroups()).contains("devs", "ops").doesNotContain("system:masters");
        assertThat(user.getUid()).isEqualTo("42");
        assertThat(user.getExtra()).containsEntry("team", List.of("platform"));
    }

    @Test
    void anExecPluginGivenAsValuesGivesTheCredentials() throws IOException {
        String certificate = json(Files.readString(clientCertificate));
        String key = json(Files.readString(clientKey));
        Path plugin = home.resolve("plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\n[ \"$1\" = token ] && [ \"$TEAM\" = platform ] || exit 3\n"
                + "cat <<'END'\n{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"clientCertificateData\":\"" + certificate + "\",\"clientKeyData\":\"" + key + "\"}}\nEND\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));

        UserInfo user = whoAmI(KubeConnection.builder().server(Optional.of(kube.serverUrl()))
                .certificateAuthority(Optional.of(new KubeConnection.Pem.File(ca)))
                .exec(Optional.of(new KubeConnection.Exec("client.authentication.k8s.io/v1", plugin.toString(),
                        List.of("token"), Map.of("TEAM", "platform"))))
                .build());

        assertThat(user.getUsername()).isEqualTo("kubeapitest");
    }

    @Test
    void theContextNamespaceIsReadFromTheKubeconfigAlone() throws IOException {
        // the test server's kubeconfig sets namespace: default in its context
        String original = Files.readString(kube.kubeconfig());
        Path teamA = home.resolve("team-a");
        Files.writeString(teamA, original.replace("namespace: default", "namespace: team-a"));
        Path none = home.resolve("none");
        Files.writeString(none, original.replaceAll("(?m)^\\s+namespace: default\\n", ""));

        assertThat(KubeClusters.contextNamespace(KubeConnection.builder().kubeconfig(Optional.of(teamA)).build(), env()))
                .contains("team-a");
        assertThat(KubeClusters.contextNamespace(KubeConnection.builder().kubeconfig(Optional.of(none)).build(), env()))
                .isEmpty();
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
