package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import dev.fluxboot.ui.Redactor;

import dev.fluxboot.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitRemoteTest {

    private final SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);

    @Test
    void urlsParseWithDefaultsAndHideCredentials() {
        GitUrl ssh = GitUrl.parse("ssh://git@github.com/org/repo.git");
        assertThat(ssh.scheme()).isEqualTo("ssh");
        assertThat(ssh.port()).isEqualTo(22);
        assertThat(ssh.user()).contains("git");
        assertThat(ssh.path()).isEqualTo("/org/repo.git");
        assertThat(ssh).hasToString("ssh://git@github.com/org/repo.git");

        GitUrl https = GitUrl.parse("https://x-access-token:s3cr3t-t0ken@gitlab.example.com:8443/group/sub/repo");
        assertThat(https.port()).isEqualTo(8443);
        assertThat(https.host()).isEqualTo("gitlab.example.com");
        assertThat(https).hasToString("https://gitlab.example.com:8443/group/sub/repo");
        assertThat(GitUrl.parse("http://h/r").port()).isEqualTo(80);
        assertThat(GitUrl.parse("https://h/r").port()).isEqualTo(443);
        assertThat(GitUrl.parse("ssh://git:pw12345@[::1]:2222/r").toString()).isEqualTo("ssh://git@[::1]:2222/r");
        assertThat(GitUrl.parse("ssh://git@[::1]:2222/r").host()).isEqualTo("::1");
    }

    @Test
    void unsupportedUrlsAreUsageErrorsWithoutCredentials() {
        assertThatThrownBy(() -> GitUrl.parse("git@github.com:org/repo.git"))
                .isInstanceOf(UsageException.class).hasMessageContaining("use ssh://user@host/org/repo");
        assertThatThrownBy(() -> GitUrl.parse("ftp://user:pa55word@host/repo"))
                .isInstanceOf(UsageException.class)
                .hasMessage("scheme \"ftp\" is not supported in Git repository URL 'ftp://user@host/repo': use ssh, https or http");
        assertThatThrownBy(() -> GitUrl.parse("https://tok3n-s3cret@host"))
                .isInstanceOf(UsageException.class).hasMessageNotContaining("tok3n-s3cret").hasMessageContaining("no repository path");
        assertThatThrownBy(() -> GitUrl.parse(" ")).isInstanceOf(UsageException.class).hasMessageContaining("--url");
    }

    @Test
    void remoteChecksThatSchemeAndCredentialsFit() {
        assertThatThrownBy(() -> GitRemote.of("ssh://git@h/r.git", new GitAuth.Basic("git", "t0ken-value"), TransportOptions.defaults()))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a private key").hasMessageNotContaining("t0ken-value");
        assertThatThrownBy(() -> GitRemote.of("https://h/r.git", new GitAuth.SshKey(key, "", List.of()), TransportOptions.defaults()))
                .isInstanceOf(UsageException.class).hasMessageContaining("cannot authenticate");
        assertThatThrownBy(() -> GitRemote.of("http://h/r.git", new GitAuth.Anonymous(), TransportOptions.defaults()))
                .isInstanceOf(UsageException.class).hasMessage("scheme http is insecure, pass --allow-insecure-http=true to allow it");
        assertThat(GitRemote.of("http://h/r.git", new GitAuth.Anonymous(), TransportOptions.defaults().withAllowInsecureHttp(true))
                .url().scheme()).isEqualTo("http");
    }

    @Test
    void redactorMasksUserInfoAndSecretsEverywhere() {
        Redactor redactor = new Redactor(List.of("glpat-abcdef123456", "abc"));
        assertThat(redactor.redact("https://oauth2:glpat-abcdef123456@gitlab.com/g/r.git: not authorized"))
                .isEqualTo("https://gitlab.com/g/r.git: not authorized");
        assertThat(redactor.redact("token glpat-abcdef123456 rejected")).isEqualTo("token *** rejected");
        assertThat(redactor.redact("ssh://git:hunter22@host/r and http://tok@h/x"))
                .isEqualTo("ssh://git@host/r and http://h/x");
        assertThat(redactor.redact("abc is too short to mask")).isEqualTo("abc is too short to mask");
    }

    @Test
    void changePathsMustStayInsideTheRepository() {
        for (String bad : List.of("/abs", "a/../b", "./a", "a//b", ".git/config", "a/.GIT/x", "dir/", "a\\b", "")) {
            assertThatThrownBy(() -> ChangeSet.builder().put(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        ChangeSet changes = ChangeSet.builder().put("a/b.yaml", "x").delete("c").build();
        assertThat(changes.paths()).containsExactly("a/b.yaml", "c");
        assertThat(changes.deletes("c")).isTrue();
        assertThat(changes.content("a/b.yaml")).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("x"));
    }

    @Test
    void invalidBranchNameIsAUsageError() {
        GitRemote remote = GitRemote.of("ssh://git@127.0.0.1:1/r.git", new GitAuth.SshKey(key, "", List.of()), TransportOptions.defaults());
        assertThatThrownBy(() -> RemoteBranch.fetch(remote, "bad..name", new RecordingReporter()))
                .isInstanceOf(UsageException.class).hasMessage("invalid branch name 'bad..name' (--branch)");
    }
}
