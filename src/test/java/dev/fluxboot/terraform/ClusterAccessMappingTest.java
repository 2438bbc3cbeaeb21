package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.api.ClusterAccess;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.testing.KubeApiServerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The provider's {@code kubernetes = {...}} reaches the real API server with the settings given as
 * values, no kubeconfig: host, CA and client certificate as PEM text, as Terraform hands them from
 * another resource.
 */
class ClusterAccessMappingTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static ProviderConfig.Kubernetes explicit(String host, String ca, String certificate, String key) {
        return new ProviderConfig.Kubernetes(Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(host), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(certificate), Optional.of(new SensitiveText(key)), Optional.of(ca), false, Optional.empty(),
                Optional.empty());
    }

    /** The server answers for this connection: an empty cluster has no bootstrap in flux-system. */
    private static String reach(ClusterAccess access) {
        FluxbootException answer = catchThrowableOfType(FluxbootException.class, () -> Fluxboot.builder()
                .environment(Map.of("HOME", "/nonexistent")).build()
                .findBootstrap(access, "flux-system", Duration.ofSeconds(30), Cancellation.none()));
        return answer.getMessage();
    }

    @Test
    void hostCaAndClientCertificateAsPemTextReachTheServer() throws Exception {
        // Given the server's address, its CA and a client certificate, as text
        String ca = Files.readString(kube.workDir().resolve("apiserver.crt"));
        String certificate = Files.readString(kube.workDir().resolve("client.crt"));
        String key = Files.readString(kube.workDir().resolve("client.key"));

        // When mapped and used, with no kubeconfig anywhere
        String answer = reach(ClusterAccessMapping.of(explicit(kube.serverUrl(), ca, certificate, key)));

        // Then the server answered as the client certificate's user
        assertThat(answer).startsWith("namespace \"flux-system\" has no bootstrapped Flux");
    }

    @Test
    void aCaThatDoesNotSignTheServerIsRefusedWithOneLine() throws Exception {
        // Given the client certificate as the CA: it did not sign the server's certificate
        String certificate = Files.readString(kube.workDir().resolve("client.crt"));
        String key = Files.readString(kube.workDir().resolve("client.key"));

        // When used
        String answer = reach(ClusterAccessMapping.of(explicit(kube.serverUrl(), certificate, certificate, key)));

        // Then it fails on trust, in one line without Java names
        assertThat(answer).doesNotStartWith("namespace \"flux-system\" has no bootstrapped Flux")
                .doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void aConfigPathWithATildeIsTheUsersHome() {
        // Given a kubeconfig named from the home directory, as Terraform users write it
        Path relative = Path.of(System.getProperty("user.home")).relativize(kube.kubeconfig().toAbsolutePath());
        ProviderConfig.Kubernetes kubernetes = new ProviderConfig.Kubernetes(Optional.of(Path.of("~/" + relative)),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty());

        // When mapped, then it names that file
        assertThat(ClusterAccessMapping.of(kubernetes).kubeconfig().map(Path::normalize))
                .contains(kube.kubeconfig().toAbsolutePath().normalize());
    }
}
