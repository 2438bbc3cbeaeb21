package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyAlgorithm;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.manifests.overlay.InstallOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parts of the pipeline: paths, sync URLs, the source secret, revisions, the step list. */
class BootstrapPartsTest {

    @Test
    void pathIsCleanedAsFluxCleansItsPathFlag() {
        assertThat(SyncTarget.cleanPath("clusters/my-cluster")).isEqualTo("clusters/my-cluster");
        assertThat(SyncTarget.cleanPath(" ./clusters/my-cluster/ ")).isEqualTo("clusters/my-cluster");
        assertThat(SyncTarget.cleanPath("../../etc")).isEqualTo("etc");
        assertThat(SyncTarget.cleanPath("/clusters//prod/./x/..")).isEqualTo("clusters/prod");
        assertThat(SyncTarget.cleanPath("")).isEmpty();
        assertThat(SyncTarget.cleanPath(".")).isEmpty();
        assertThat(SyncTarget.cleanPath(null)).isEmpty();
    }

    @Test
    void filesLiveInPathSlashNamespaceAndTheRootIsDotSlash() {
        SyncTarget root = target("ssh://git@host/org/repo", "");
        assertThat(root.componentsFile("flux-system")).isEqualTo("flux-system/gotk-components.yaml");
        assertThat(root.kustomizationPath()).isEqualTo("./");

        SyncTarget cluster = target("ssh://git@host/org/repo", "clusters/prod");
        assertThat(cluster.syncFile("flux")).isEqualTo("clusters/prod/flux/gotk-sync.yaml");
        assertThat(cluster.kustomizationFile("flux")).isEqualTo("clusters/prod/flux/kustomization.yaml");
        assertThat(cluster.kustomizationPath()).isEqualTo("./clusters/prod");
    }

    @Test
    void sshSyncUrlTakesUserHostAndPortAsFluxDoes() {
        assertThat(ResolveSourceCredentials.sshSyncUrl("ssh://git@host:2222/org/repo.git", auth("git", Optional.empty())))
                .isEqualTo("ssh://git@host:2222/org/repo.git");
        assertThat(ResolveSourceCredentials.sshSyncUrl("ssh://host/org/repo", auth("git", Optional.empty())))
                .isEqualTo("ssh://git@host/org/repo");
        assertThat(ResolveSourceCredentials.sshSyncUrl("ssh://git@host/org/repo", auth("deploy", Optional.empty())))
                .isEqualTo("ssh://deploy@host/org/repo");
        assertThat(ResolveSourceCredentials.sshSyncUrl("ssh://keyid@host/v1/repos/x", auth("git", Optional.empty())))
                .isEqualTo("ssh://keyid@host/v1/repos/x");
        assertThat(ResolveSourceCredentials.sshSyncUrl("https://host/org/repo.git", auth("git", Optional.of("ssh.host:2022"))))
                .isEqualTo("ssh://git@ssh.host:2022/org/repo.git");
    }

    @Test
    void tokenSyncUrlHasNoCredentialsAndIsHttpsUnlessPlainHttpWasAllowed() {
        assertThat(ResolveSourceCredentials.httpSyncUrl("https://user:secret@host:8443/org/repo.git", false))
                .isEqualTo("https://host:8443/org/repo.git");
        assertThat(ResolveSourceCredentials.httpSyncUrl("http://host/org/repo.git", true)).isEqualTo("http://host/org/repo.git");
        assertThat(ResolveSourceCredentials.httpSyncUrl("http://host/org/repo.git", false)).isEqualTo("https://host/org/repo.git");
    }

    @Test
    void sshSecretHasFluxKeysAndAPasswordOnlyForAnEncryptedKey() {
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);

        SourceSecret plain = SourceSecretGenerator.ssh(key, "[host]:2222 ecdsa-sha2-nistp256 AAAA\n", "");
        SourceSecret encrypted = SourceSecretGenerator.ssh(key, "host ssh-ed25519 AAAA", "passphrase-123");

        assertThat(plain.data()).containsOnlyKeys("identity", "identity.pub", "known_hosts");
        assertThat(plain.data()).containsEntry("identity", key.privateKeyPem())
                .containsEntry("identity.pub", key.authorizedKey() + "\n")
                .containsEntry("known_hosts", "[host]:2222 ecdsa-sha2-nistp256 AAAA");
        assertThat(encrypted.data()).containsEntry("password", "passphrase-123");
        assertThat(plain.toString()).isEqualTo("SourceSecret[identity, identity.pub, known_hosts]")
                .doesNotContain(key.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void tokenSecretsHoldTheCredentialsAndTheCa() {
        assertThat(SourceSecretGenerator.basic("git", "tok", Optional.of("PEM")).data())
                .containsOnlyKeys("username", "password", "ca.crt");
        assertThat(SourceSecretGenerator.basic("git", "", Optional.empty()).data()).isEmpty();
        assertThat(SourceSecretGenerator.bearer("tok", Optional.empty()).data()).containsOnlyKeys("bearerToken");
        assertThat(SourceSecretGenerator.bearer("tok", Optional.of("PEM")).toString())
                .isEqualTo("SourceSecret[bearerToken, ca.crt]");
    }

    @Test
    void legacyRevisionsAreReadInTheCurrentForm() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        assertThat(ReadinessWait.normalizeRevision("main/" + sha)).isEqualTo("main@sha1:" + sha);
        assertThat(ReadinessWait.normalizeRevision(sha)).isEqualTo("sha1:" + sha);
        assertThat(ReadinessWait.normalizeRevision("main@sha1:" + sha)).isEqualTo("main@sha1:" + sha);
    }

    @Test
    void commitMessageAppendixFollowsABlankLine() {
        assertThat(new CommitSettings("Flux", "", "[ci skip]", null).message("Add Flux sync manifests"))
                .isEqualTo("Add Flux sync manifests\n\n[ci skip]");
        assertThat(new CommitSettings("Flux", null, "", null).details("Add Flux sync manifests").message())
                .isEqualTo("Add Flux sync manifests");
    }

    @Test
    void plainGitRunsTheNineStepsWithoutTheHostsOnes() {
        BootstrapServices services = BootstrapServices.forPlainGit(new InstallServices(null, null, null));

        assertThat(Workflows.bootstrap(request(Optional.empty(), Optional.empty()), services).stepNames())
                .containsExactly("check cluster", "check sync path", "source credentials", "clone", "components",
                        "install components", "source secret", "sync manifests", "apply sync", "wait for sync",
                        "wait for components");
    }

    @Test
    void aHostAddsTheRepositoryAndDeployKeyStepsAndRegistryCredentialsThePullSecret() {
        BootstrapServices services = BootstrapServices.forPlainGit(new InstallServices(null, null, null))
                .withHost(new NoHost());
        HostRepository repository = new HostRepository(new RepositorySpec("org", "fleet", false, "private", "",
                "main", List.of(), false), false);

        assertThat(Workflows.bootstrap(request(Optional.of(repository), Optional.of(new RegistryCredentials("u", "p"))),
                services).stepNames())
                .containsExactly("check cluster", "check sync path", "reconcile repository", "source credentials",
                        "clone", "components", "install components", "image pull secret", "source secret",
                        "deploy key", "sync manifests", "apply sync", "wait for sync", "wait for components");
    }

    private static SyncTarget target(String url, String path) {
        return new SyncTarget(url, "main", path, Duration.ofMinutes(1), false, "flux-system");
    }

    private static SourceAuth auth(String username, Optional<String> sshHostname) {
        return new SourceAuth(false, false, username, "", Optional.empty(), SshKeyAlgorithm.ECDSA, 2048, EcdsaCurve.P384,
                sshHostname, List.of(), Optional.empty(), false);
    }

    private static BootstrapRequest request(Optional<HostRepository> host, Optional<RegistryCredentials> credentials) {
        InstallOptions options = InstallOptions.defaults("v2.8.0");
        InstallRequest install = new InstallRequest(options, Optional.empty(), Optional.of("v2.8.0"), credentials,
                false, false, Optional.of(Path.of("kubeconfig")), Optional.empty(), Duration.ofMinutes(5), false);
        return new BootstrapRequest(install, target("ssh://git@host/org/fleet", "clusters/prod"),
                auth("git", Optional.empty()), new CommitSettings("Flux", "", "", null), true, host);
    }

    /** A host that is never called: only the shape of the workflow is looked at. */
    private static final class NoHost implements GitHost {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public RepositoryResult reconcileRepository(RepositorySpec spec, boolean dryRun) {
            throw new AssertionError("not called");
        }

        @Override
        public List<HostChange> ensureDeployKey(RemoteRepository repository, DeployKey key, boolean dryRun) {
            throw new AssertionError("not called");
        }

        @Override
        public List<HostChange> deleteDeployKey(RemoteRepository repository, String title, boolean dryRun) {
            throw new AssertionError("not called");
        }
    }
}
