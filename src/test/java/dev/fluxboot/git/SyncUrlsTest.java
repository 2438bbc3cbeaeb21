package dev.fluxboot.git;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync URLs gotk-sync.yaml gets, as the Flux CLI writes them. */
class SyncUrlsTest {

    @ParameterizedTest(name = "{0} as {1} via {2}")
    @CsvSource({
            "ssh://git@host:2222/org/repo.git, git,    ,              ssh://git@host:2222/org/repo.git",
            "ssh://host/org/repo,              git,    ,              ssh://git@host/org/repo",
            "ssh://git@host/org/repo,          deploy, ,              ssh://deploy@host/org/repo",
            "ssh://keyid@host/v1/repos/x,      git,    ,              ssh://keyid@host/v1/repos/x",
            "https://host/org/repo.git,        git,    ssh.host:2022, ssh://git@ssh.host:2022/org/repo.git"})
    void sshTakesUserHostAndPortAsFluxDoes(String url, String username, String sshHostname, String expected) {
        assertThat(SyncUrls.ssh(url, username, Optional.ofNullable(sshHostname))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} (insecure http allowed: {1})")
    @CsvSource({
            "https://user:secret@host:8443/org/repo.git, false, https://host:8443/org/repo.git",
            "http://host/org/repo.git,                   true,  http://host/org/repo.git",
            "http://host/org/repo.git,                   false, https://host/org/repo.git"})
    void tokenAuthHasNoCredentialsAndIsHttpsUnlessPlainHttpWasAllowed(String url, boolean allowInsecure, String expected) {
        assertThat(SyncUrls.http(url, allowInsecure)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ssh://git@host/org/repo,        host,  22",
            "ssh://git@host:2222/org/repo,   host,  2222",
            "ssh://git@[::1]:2222/org/repo,  ::1,   2222"})
    void theHostOfAnSshSyncUrlIsWhatItsKnownHostsLineNames(String url, String host, int port) {
        assertThat(SyncUrls.sshHost(url)).isEqualTo(new SyncUrls.HostPort(host, port));
    }
}
