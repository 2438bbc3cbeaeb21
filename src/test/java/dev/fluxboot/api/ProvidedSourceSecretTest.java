package dev.fluxboot.api;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A source secret the caller provides (Terraform's {@code disable_secret_creation}): required before
 * anything is pushed, and never written.
 */
class ProvidedSourceSecretTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void aMissingProvidedSecretFailsBeforeAnyPushAndAnExistingOneIsUsedAsItIs() throws Exception {
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
            repositories.create("org/fleet");
            SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
            ssh.authorize(key.publicKey());
            BootstrapSpec spec = BootstrapSpec.builder()
                    .url(ssh.url("org/fleet")).path("clusters/provided").silent(true).sourceSecretProvided(true)
                    .credentials(GitCredentials.builder().privateKey(dev.fluxboot.api.Secret.of(key.privateKeyPem()))
                            .build())
                    .install(InstallSpec.builder().cluster(ClusterAccess.builder().kubeconfig(kube.kubeconfig()).build())
                            .components(Components.builder().version("v2.9.4").manifests(TestBundles.shared("v2.9.4"))
                                    .build())
                            .timeout(Duration.ofMinutes(3)).build())
                    .build();

            // When the provided Secret is not there
            FluxbootException missing = catchThrowableOfType(FluxbootException.class,
                    () -> Fluxboot.builder().build().bootstrap(spec));

            // Then one line names it, and nothing was pushed
            assertThat(missing).hasMessageStartingWith("source secret \"flux-system/flux-system\" does not exist");
            assertThat(repositories.tip("org/fleet", "main")).isEmpty();

            // Given the user's own Secret
            kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("flux-system")
                    .endMetadata().build()).create();
            Secret provided = kube.client().secrets().inNamespace("flux-system").resource(new SecretBuilder()
                    .withNewMetadata().withName("flux-system").endMetadata()
                    .withStringData(Map.of("identity", key.privateKeyPem(), "known_hosts", ssh.knownHosts()))
                    .build()).create();

            // When bootstrapped
            BootstrapResult result = Fluxboot.builder().build().bootstrap(spec);

            // Then Flux syncs with it, and it is as the user wrote it
            assertThat(result.repositoryFiles()).containsKey("clusters/provided/flux-system/gotk-sync.yaml");
            assertThat(kube.client().secrets().inNamespace("flux-system").withName("flux-system").get().getMetadata()
                    .getResourceVersion()).isEqualTo(provided.getMetadata().getResourceVersion());
        }
    }
}
