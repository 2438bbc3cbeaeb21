package dev.fluxboot.terraform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider block, as {@code terraform-provider-flux}'s: how to reach the cluster
 * ({@code kubernetes = {...}}) and the Git repository ({@code git = {...}}), with its defaults
 * applied (branch {@code main}, author {@code Flux}, {@code KUBE_CONFIG_PATH(S)} when no path is
 * configured). Both blocks or neither: a provider with neither configures nothing and its
 * resources fail, as flux's do. Secrets are {@link SensitiveText}s.
 */
public record ProviderConfig(Optional<Kubernetes> kubernetes, Optional<Git> git) {

    public ProviderConfig {
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(git, "git");
    }

    /** A provider block with neither {@code kubernetes} nor {@code git}. */
    public static ProviderConfig unconfigured() {
        return new ProviderConfig(Optional.empty(), Optional.empty());
    }

    /** Whether the provider can reach a cluster and a repository. */
    public boolean isConfigured() {
        return kubernetes.isPresent() && git.isPresent();
    }

    /**
     * {@code kubernetes = {...}}: a kubeconfig (path, paths, context, user, cluster) and/or
     * explicit connection settings, which win over the kubeconfig's as in flux's provider.
     */
    public record Kubernetes(Optional<Path> configPath, List<Path> configPaths, Optional<String> configContext,
                             Optional<String> configContextAuthInfo, Optional<String> configContextCluster,
                             Optional<String> host, Optional<String> username, Optional<SensitiveText> password,
                             Optional<SensitiveText> token, Optional<String> clientCertificate,
                             Optional<SensitiveText> clientKey, Optional<String> clusterCaCertificate,
                             boolean insecure, Optional<String> proxyUrl, Optional<Exec> exec) {
        public Kubernetes {
            configPaths = List.copyOf(configPaths);
        }
    }

    /** {@code kubernetes.exec = {...}}: a client-go credential plugin. */
    public record Exec(String apiVersion, String command, List<String> args, Map<String, String> env) {
        public Exec {
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }
    }

    /** {@code git = {...}}: the repository, its branch, the commit author and signing, SSH or HTTP(S) credentials. */
    public record Git(URI url, String branch, String authorName, Optional<String> authorEmail,
                      Optional<String> commitMessageAppendix, Optional<Path> gpgKeyRing,
                      Optional<SensitiveText> gpgPassphrase, Optional<String> gpgKeyId, Optional<Ssh> ssh,
                      Optional<Http> http) {
    }

    /**
     * {@code git.ssh = {...}}. Without {@code private_key} the bootstrap generates a key pair and
     * keeps it in the cluster's Secret, as {@code flux bootstrap git} does.
     */
    public record Ssh(Optional<String> username, Optional<SensitiveText> privateKey, Optional<SensitiveText> password,
                      List<String> hostkeyAlgos) {
        public Ssh {
            hostkeyAlgos = List.copyOf(hostkeyAlgos);
        }
    }

    /** {@code git.http = {...}}. */
    public record Http(Optional<String> username, Optional<SensitiveText> password,
                       Optional<String> certificateAuthority, boolean allowInsecureHttp) {
    }
}
