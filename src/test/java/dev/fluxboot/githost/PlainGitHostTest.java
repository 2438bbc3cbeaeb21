package dev.fluxboot.githost;

import dev.fluxboot.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainGitHostTest {

    private static final RepositorySpec SPEC = new RepositorySpec("ignored", "ignored", false, "private", "", "main",
            List.of(new TeamAccess("platform", "admin")), true);

    @Test
    void theRepositoryIsTheUrlAsGivenWithNoChanges() {
        // Given an SSH URL with a port and a nested path
        PlainGitHost host = new PlainGitHost("ssh://git@git.example.com:2222/group/sub/fleet.git");

        // When the repository is "reconciled", even with a dry run off and --reconcile on
        RepositoryResult result = host.reconcileRepository(SPEC, false);

        // Then it is the URL for clone and sync alike, owner and name read from the path, no changes
        assertThat(result.changes()).isEmpty();
        assertThat(result.repository()).isEqualTo(new RemoteRepository("group/sub", "fleet",
                "ssh://git@git.example.com:2222/group/sub/fleet.git", "ssh://git@git.example.com:2222/group/sub/fleet.git", "main"));
        assertThat(host.name()).isEqualTo("git");
    }

    @Test
    void anHttpsUrlWithoutGitSuffixKeepsItsSpelling() {
        RepositoryResult result = new PlainGitHost(" https://git.example.com/fleet ").reconcileRepository(SPEC, true);

        assertThat(result.repository().httpsCloneUrl()).isEqualTo("https://git.example.com/fleet");
        assertThat(result.repository().owner()).isEmpty();
        assertThat(result.repository().name()).isEqualTo("fleet");
    }

    @Test
    void deployKeysAreNoOps() {
        PlainGitHost host = new PlainGitHost("ssh://git@git.example.com/org/fleet");
        RemoteRepository repository = host.reconcileRepository(SPEC, false).repository();

        assertThat(host.ensureDeployKey(repository, new DeployKey("flux-system-main", "ssh-ed25519 AAAA", true), false)).isEmpty();
        assertThat(host.deleteDeployKey(repository, "flux-system-main", false)).isEmpty();
    }

    @Test
    void anScpLikeAddressIsAUsageError() {
        assertThatThrownBy(() -> new PlainGitHost("git@git.example.com:org/fleet.git"))
                .isInstanceOf(UsageException.class);
    }
}
