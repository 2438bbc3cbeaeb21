package dev.fluxboot.bootstrap;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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

    private static SyncTarget target(String url, String path) {
        return new SyncTarget(url, "main", path, Duration.ofMinutes(1), false, "flux-system");
    }
}
