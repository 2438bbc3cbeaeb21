package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
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

        java.nio.file.Path localCopy;
        int sessions = server.sessionCount();
        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            // Then the refs were listed and the branch fetched over one SSH connection
            assertThat(server.sessionCount()).isEqualTo(sessions + 1);
            // And the local copy is bare, private, holds only the tip commit, and lists it as shallow
            Repository local = branch.repository();
            localCopy = local.getDirectory().toPath().getParent();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(localCopy)))
                    .isEqualTo("rwx------");
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
        assertThat(localCopy).doesNotExist();
        assertThat(server.v2FetchCount()).as("JGit fetches with protocol v2, like real servers serve").isPositive();
        assertThat(repositories.log("org/fleet", "main")).hasSize(4);
        assertThat(repositories.files("org/fleet", "main")).containsExactlyInAnyOrder(
                "README.md", "apps/app.yaml", "clusters/prod/flux-system/kustomization.yaml",
                "clusters/prod/flux-system/gotk-sync.yaml");
        assertThat(repositories.readFile("org/fleet", "main", "apps/app.yaml")).contains("a: 2\n");
        assertThat(repositories.readFile("org/fleet", "main", "clusters/prod/flux-system/kustomization.yaml"))
                .contains("mine\nmore\n");
    }

    @Test
    void twoCommitsInARowBuildOnEachOther() {
        repositories.create("org/fleet");
        ObjectId start = repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");

        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            PushResult components = branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/prod/flux-system/gotk-components.yaml", "c\n").build()),
                    new CommitDetails("Flux", "", "Add Flux v2.9.4 component manifests")).orElseThrow();
            LocalCommit sync = branch.commit(base -> ChangeSet.builder()
                    .put("clusters/prod/flux-system/gotk-sync.yaml", "s\n")
                    .put("clusters/prod/flux-system/gotk-components.yaml",
                            base.readString("clusters/prod/flux-system/gotk-components.yaml").orElseThrow())
                    .build(), new CommitDetails("Flux", "", "Add Flux sync manifests")).orElseThrow();
            assertThat(sync.parent()).isEqualTo(components.commit());
            assertThat(sync.changedPaths()).containsExactly("clusters/prod/flux-system/gotk-sync.yaml");
            PushResult pushed = branch.push(sync);
            assertThat(branch.head()).contains(pushed.commit());
        }
        List<RevCommit> log = repositories.log("org/fleet", "main");
        assertThat(log).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "Add Flux v2.9.4 component manifests", "one");
        assertThat(log.get(2).getId()).isEqualTo(start);
        assertThat(server.pushCount()).isEqualTo(2);
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

    @Test
    void pushRacingAnotherPushBeforeAdvertisementIsRedoneOnTheNewTip() {
        // Given someone pushes another commit right before our first push is served
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.beforeReceive((name, repo, number) -> {
            if (number == 1) {
                repositories.commit(name, "main", Map.of("apps/theirs.yaml", "theirs\n"), "their change");
            }
        });

        // When we commit and push our change
        PushResult result;
        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            result = branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/prod/ours.yaml", "ours\n").build()), details).orElseThrow();
        }

        // Then it was pushed a second time on top of theirs, and both changes are there
        assertThat(result.pushed()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        List<RevCommit> log = repositories.log("org/fleet", "main");
        assertThat(log).extracting(RevCommit::getShortMessage)
                .containsExactly("Add Flux sync manifests", "their change", "one");
        assertThat(log.get(0).getName()).isEqualTo(result.commit());
        assertThat(repositories.files("org/fleet", "main"))
                .containsExactlyInAnyOrder("README.md", "apps/theirs.yaml", "clusters/prod/ours.yaml");
        assertThat(reporter.lines()).contains("◎ git conflict detected, retrying with a fresh clone");
    }

    @Test
    void pushLosingTheRaceOnTheServerIsRedoneAndTheChangeRecomputed() {
        // Given someone pushes the same file during our push (after the server advertised the old tip)
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.duringReceive((name, repo, number) -> {
            if (number == 1) {
                repositories.commit(name, "main", Map.of("clusters/prod/kustomization.yaml", "theirs\n"), "their kustomization");
            }
        });

        // When our change writes kustomization.yaml only if it is absent
        Optional<PushResult> result;
        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            result = branch.commitAndPush(base -> base.exists("clusters/prod/kustomization.yaml")
                    ? ChangeSet.empty()
                    : ChangeSet.builder().put("clusters/prod/kustomization.yaml", "ours\n").build(), details);
            // Then, recomputed on their tip, nothing was left to push
            assertThat(branch.head()).contains(repositories.tip("org/fleet", "main").orElseThrow().name());
        }
        assertThat(result).isPresent();
        assertThat(result.get().pushed()).isFalse();
        assertThat(result.get().attempts()).isEqualTo(1);
        assertThat(result.get().commit()).isEqualTo(repositories.tip("org/fleet", "main").orElseThrow().name());
        assertThat(repositories.readFile("org/fleet", "main", "clusters/prod/kustomization.yaml")).contains("theirs\n");
        assertThat(repositories.log("org/fleet", "main")).hasSize(2);
    }

    @Test
    void branchThatKeepsMovingFailsAfterThreeRetries() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.beforeReceive((name, repo, number) ->
                repositories.commit(name, "main", Map.of("counter", Integer.toString(number)), "their change " + number));

        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            assertThatThrownBy(() -> branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("clusters/prod/ours.yaml", "ours\n").build()), details))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageContaining("pushing to branch \"main\" of " + server.url("org/fleet"))
                    .hasMessageContaining("changed on the remote during each of 4 attempts");
        }
        assertThat(server.pushCount()).isZero();
        assertThat(repositories.readFile("org/fleet", "main", "clusters/prod/ours.yaml")).isEmpty();
        assertThat(reporter.lines()).filteredOn(l -> l.startsWith("◎ ")).hasSize(3);
    }

    @Test
    void unauthorizedKeyIsRefusedWithoutShowingTheKey() {
        repositories.create("org/fleet");
        SshKeyPair stranger = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        GitRemote remote = GitRemote.of(server.url("org/fleet"),
                new GitAuth.SshKey(stranger, server.knownHosts(), List.of()), TransportOptions.defaults());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RemoteBranch.fetch(remote, "main", reporter));

        assertThat(thrown).isInstanceOf(FluxbootException.class)
                .hasMessageContaining("reading Git repository " + server.url("org/fleet"))
                .hasMessageContaining("authentication was refused")
                .hasMessageContaining(stranger.fingerprint());
        assertThat(server.refusedAuthentications()).isPositive();
        NoSecrets.assertNoSecretIn(thrown, reporter, stranger.privateKeyPem(), stranger.toOpenSshPem());
    }

    @Test
    void revokedKeyIsRefused() {
        repositories.create("org/fleet");
        server.revoke(key.publicKey());

        assertThatThrownBy(() -> RemoteBranch.fetch(remote("org/fleet"), "main", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("authentication was refused");
    }

    @Test
    void readOnlyKeyCanFetchButNotPush() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        server.authorizeReadOnly(key.publicKey());

        try (RemoteBranch branch = RemoteBranch.fetch(remote("org/fleet"), "main", reporter)) {
            assertThat(branch.readString("README.md")).contains("hi\n");
            assertThatThrownBy(() -> branch.commitAndPush(ChangeSource.of(ChangeSet.builder()
                    .put("a", "b").build()), details))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessageContaining("pushing branch \"main\" to " + server.url("org/fleet"))
                    .hasMessageContaining("pushing is not permitted")
                    .hasMessageContaining("read-only deploy key");
        }
        assertThat(server.pushCount()).isZero();
    }

    @Test
    void changedHostKeyIsRefusedAndSaysSo() {
        repositories.create("org/fleet");
        java.security.KeyPair impostor = SshGitServer.generateHostKey("ecdsa");
        String knownHosts = KnownHosts.line("127.0.0.1", server.port(), impostor.getPublic());
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.SshKey(key, knownHosts, List.of()),
                TransportOptions.defaults());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RemoteBranch.fetch(remote, "main", reporter));

        assertThat(thrown).isInstanceOf(FluxbootException.class)
                .hasMessageContaining("the SSH host key of [127.0.0.1]:" + server.port() + " has changed")
                .hasMessageContaining(KnownHosts.describe(server.hostPublicKeys().get(0)))
                .hasMessageContaining("update known_hosts");
        assertThat(server.fetchCount()).isZero();
        NoSecrets.assertNoSecretIn(thrown, reporter, key.privateKeyPem());
    }

    @Test
    void unknownHostIsRefusedAndSaysSo() {
        repositories.create("org/fleet");
        String otherHostsOnly = server.knownHosts().replace("[127.0.0.1]:" + server.port(), "[127.0.0.1]:1")
                + "github.com " + key.authorizedKey() + "\n";
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.SshKey(key, otherHostsOnly, List.of()),
                TransportOptions.defaults());

        assertThatThrownBy(() -> RemoteBranch.fetch(remote, "main", reporter))
                .isInstanceOf(FluxbootException.class)
                .hasMessageContaining("the SSH host key of [127.0.0.1]:" + server.port() + " is unknown")
                .hasMessageContaining("known_hosts has no key for this host");
        assertThat(server.fetchCount()).isZero();
    }

    @Test
    void hashedKnownHostsLineIsAccepted() throws Exception {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        // |1|salt|HMAC-SHA1(salt, "[127.0.0.1]:port") as ssh-keygen -H writes it
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(("[127.0.0.1]:" + server.port()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String hashed = "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash) + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(server.hostPublicKeys().get(0));
        GitRemote remote = GitRemote.of(server.url("org/fleet"), new GitAuth.SshKey(key, hashed, List.of()),
                TransportOptions.defaults());

        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            assertThat(branch.readString("README.md")).contains("hi\n");
        }
    }

    @Test
    void urlWithoutUserUsesGit() {
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        java.util.concurrent.atomic.AtomicReference<String> user = new java.util.concurrent.atomic.AtomicReference<>();
        GitRemote remote = GitRemote.of(server.url("org/fleet").replace("git@", ""),
                new GitAuth.SshKey(key, server.knownHosts(), List.of()), TransportOptions.defaults());

        try (RemoteBranch branch = RemoteBranch.fetch(remote, "main", reporter)) {
            assertThat(branch.head()).isPresent();
        }
        assertThat(server.lastUser()).isEqualTo("git");
    }
}
