package dev.fluxboot.git;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshRemoteBranchTest {

    private GitRepositories repositories;
    private SshGitServer server;
    private SshKeyPair key;
    private final RecordingReporter reporter = new RecordingReporter();
    private final CommitDetails details = new CommitDetails("Flux", "flux@example.com", "Add Flux sync manifests");

    @BeforeEach
    void start() {
        repositories = new GitRepositories();
        server = SshGitServer.start(repositories);
        key = new SshKeyGenerator().ed25519();
        server.authorize(key.publicKey());
    }

    @AfterEach
    void stop() {
        server.close();
        repositories.close();
    }

    private GitRemote remote(String repo) {
        return GitRemote.of(server.url(repo), new GitAuth.SshKey(key, server.knownHosts(), List.of()),
                TransportOptions.defaults());
    }

    @Test
    void emptyRepositoryStartsNewHistoryOnBranch() {
        // Given an empty repository
        repositories.create("org/empty");

        // When files are committed and pushed to main
        Optional<PushResult> result;
        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/empty"), "main", reporter)) {
            assertThat(branch.head()).isEmpty();
            assertThat(branch.readFile("clusters/prod/flux-system/kustomization.yaml")).isEmpty();
            result = branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/prod/flux-system/gotk-components.yaml", "kind: List\n").build()), details);
            assertThat(branch.head()).contains(result.orElseThrow().commit());
        }

        // Then main holds one commit with exactly that file, authored as asked
        assertThat(result).isPresent();
        assertThat(result.get().pushed()).isTrue();
        assertThat(result.get().attempts()).isEqualTo(1);
        List<RevCommit> log = repositories.log("org/empty", "main");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).getName()).isEqualTo(result.get().commit());
        assertThat(log.get(0).getFullMessage()).isEqualTo("Add Flux sync manifests");
        assertThat(log.get(0).getAuthorIdent().getName()).isEqualTo("Flux");
        assertThat(log.get(0).getAuthorIdent().getEmailAddress()).isEqualTo("flux@example.com");
        assertThat(log.get(0).getCommitterIdent().getName()).isEqualTo("Flux");
        assertThat(repositories.files("org/empty", "main")).containsExactly("clusters/prod/flux-system/gotk-components.yaml");
        assertThat(repositories.readFile("org/empty", "main", "clusters/prod/flux-system/gotk-components.yaml"))
                .contains("kind: List\n");
        assertThat(server.pushCount()).isEqualTo(1);
    }

    @Test
    void existingHistoryKeepsOtherFilesAndFetchesShallowWithoutCheckout() throws Exception {
        // Given a repository with three commits and files outside the target directory
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hello\n", "apps/app.yaml", "a: 1\n"), "one");
        repositories.commit("org/fleet", "main", Map.of("clusters/prod/flux-system/kustomization.yaml", "mine\n"), "two");
        ObjectId third = repositories.commit("org/fleet", "main", Map.of("apps/app.yaml", "a: 2\n"), "three");
        repositories.commit("org/fleet", "other", Map.of("x", "y"), "other branch");

        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            // Then the local copy is bare, holds only the tip commit, and lists it as shallow
            Repository local = branch.repository();
            assertThat(local.isBare()).isTrue();
            assertThat(Files.list(local.getDirectory().toPath().getParent()).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("repo.git", "ssh-home");
            assertThat(local.getObjectDatabase().getShallowCommits()).containsExactly(third);
            assertThat(local.getObjectDatabase().has(repositories.log("org/fleet", "main").get(1))).isFalse();
            assertThat(local.exactRef(Constants.R_HEADS + "other")).isNull();
            assertThat(branch.head()).contains(third.name());
            assertThat(branch.readString("clusters/prod/flux-system/kustomization.yaml")).contains("mine\n");
            assertThat(branch.readString("apps")).isEmpty();

            // When one file in the target directory is added and one replaced
            Optional<PushResult> result = branch.commitAndPush(base -> ChangeSet.builder()
                    .put("clusters/prod/flux-system/gotk-sync.yaml", "sync\n")
                    .put("clusters/prod/flux-system/kustomization.yaml",
                            base.readString("clusters/prod/flux-system/kustomization.yaml").orElse("") + "more\n")
                    .build(), details);

            // Then the new commit sits on the old tip, and untouched files stay as they were
            assertThat(result).isPresent();
            RevCommit pushed = repositories.log("org/fleet", "main").get(0);
            assertThat(pushed.getName()).isEqualTo(result.get().commit());
            assertThat(pushed.getParent(0).getId()).isEqualTo(third);
        }
        assertThat(repositories.log("org/fleet", "main")).hasSize(4);
        assertThat(repositories.files("org/fleet", "main")).containsExactlyInAnyOrder(
                "README.md", "apps/app.yaml", "clusters/prod/flux-system/kustomization.yaml",
                "clusters/prod/flux-system/gotk-sync.yaml");
        assertThat(repositories.readFile("org/fleet", "main", "apps/app.yaml")).contains("a: 2\n");
        assertThat(repositories.readFile("org/fleet", "main", "clusters/prod/flux-system/kustomization.yaml"))
                .contains("mine\nmore\n");
    }

    @Test
    void missingBranchNamesTheBranchesThatExist() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("a", "1"), "one");
        repositories.commit("org/fleet", "develop", Map.of("a", "2"), "two");

        assertThatThrownBy(() -> RemoteBranch.fetch(remote("org/fleet"), "prod", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("branch \"prod\" not found")
                .hasMessageContaining(server.url("org/fleet"))
                .hasMessageContaining("it has: develop, main")
                .hasMessageContaining("--branch");
    }

    @Test
    void sameContentMakesNoCommitAndNoPush() {
        repositories.create("org/fleet");
        ObjectId tip = repositories.commit("org/fleet", "main", Map.of("clusters/a.yaml", "same\n"), "one");

        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            Optional<PushResult> result = branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/a.yaml", "same\n").delete("clusters/not-there.yaml").build()), details);
            assertThat(result).isEmpty();
            assertThat(branch.head()).contains(tip.name());
        }
        assertThat(server.pushCount()).isZero();
        assertThat(repositories.tip("org/fleet", "main")).contains(tip);
    }
}
