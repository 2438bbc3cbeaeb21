package dev.fluxboot.githost;

import dev.fluxboot.UsageException;
import dev.fluxboot.testing.RecordingReporter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForgeConnectionTest {

    @Test
    void takesTheHostFromAHostnameWithOrWithoutScheme() {
        assertThat(connection("https://gitlab.example.com/", Optional.empty()).host()).isEqualTo("gitlab.example.com");
        assertThat(connection("git.example.com:8443", Optional.empty()).apiBase("/api/v4"))
                .isEqualTo(URI.create("https://git.example.com:8443/api/v4"));
    }

    @Test
    void theSshHostIsTheSshHostnameWhenGiven() {
        assertThat(connection("gitlab.example.com", Optional.of("ssh.example.com:2222")).sshHost()).isEqualTo("ssh.example.com:2222");
        assertThat(connection("gitlab.example.com", Optional.empty()).sshHost()).isEqualTo("gitlab.example.com");
    }

    @Test
    void theApiUrlWinsOverTheHostname() {
        ForgeConnection connection = new ForgeConnection("t0ken-value", "gitlab.example.com",
                Optional.of(URI.create("https://proxy.example.com/gitlab/api/v4/")), Optional.empty(), Map.of(),
                Duration.ofMinutes(1), Optional.empty(), new RecordingReporter());
        assertThat(connection.apiBase("/api/v4")).isEqualTo(URI.create("https://proxy.example.com/gitlab/api/v4"));
    }

    @Test
    void neverShowsTheToken() {
        assertThat(connection("gitlab.example.com", Optional.empty()).toString()).doesNotContain("t0ken-value").contains("token=***");
    }

    @Test
    void refusesAPlainHttpHostname() {
        assertThatThrownBy(() -> connection("http://gitlab.example.com", Optional.empty()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--hostname=gitlab.example.com");
    }

    private static ForgeConnection connection(String hostname, Optional<String> sshHostname) {
        return new ForgeConnection("t0ken-value", hostname, Optional.empty(), Optional.empty(), Map.of(), Duration.ofMinutes(1),
                sshHostname, new RecordingReporter());
    }
}
