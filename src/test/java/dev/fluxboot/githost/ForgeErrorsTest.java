package dev.fluxboot.githost;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ForgeErrorsTest {

    @Test
    void serverTextIsOneShortLineWithTheTokenMasked() {
        String detail = ForgeErrors.detail("bad\n  request for secret-token-1234\n" + "x".repeat(300), "secret-token-1234");

        assertThat(detail).doesNotContain("\n").doesNotContain("secret-token-1234").startsWith("bad request for *** x");
        assertThat(detail).hasSize(201);
    }

    @Test
    void aMissingScopeIsNamedWhenKnown() {
        assertThat(ForgeErrors.missingScope("GitLab", "create project a/b", Optional.of("api"), "GITLAB_TOKEN").getMessage())
                .isEqualTo("GitLab refused to create project a/b (403 Forbidden): the token in GITLAB_TOKEN lacks the 'api' scope: "
                        + "create a token with it");
    }

    @Test
    void tlsFailuresSuggestTheCaFileAndOtherFailuresTheHostname() {
        URI api = URI.create("https://git.example.com/api/v4");
        assertThat(ForgeErrors.unreachable("GitLab", api, new SSLHandshakeException("PKIX path building failed")).getMessage())
                .isEqualTo("cannot reach GitLab at https://git.example.com/api/v4: TLS failed (PKIX path building failed): "
                        + "if the server's certificate comes from a private CA, pass that CA with --ca-file");
        assertThat(ForgeErrors.unreachable("GitLab", api, new ConnectException("Connection refused")).getMessage())
                .isEqualTo("cannot reach GitLab at https://git.example.com/api/v4: cannot connect: connection refused: "
                        + "check --hostname (or --api-url) and the proxy settings (HTTPS_PROXY, NO_PROXY)");
    }

    @Test
    void publicKeysCompareWithoutComments() {
        assertThat(PublicKeys.sameKey("ssh-ed25519 AAAAC3 flux-system-main\n", "ssh-ed25519  AAAAC3")).isTrue();
        assertThat(PublicKeys.sameKey("ssh-ed25519 AAAAC3", "ssh-ed25519 AAAAC4")).isFalse();
    }
}
