package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;

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
 * configured) and the forges' API token ({@code forge = { token }}, else the forge's variable,
 * {@code GITHUB_TOKEN}, ...). {@code git} without {@code kubernetes} is an error; a provider with
 * neither configures nothing and its resources fail, as flux's do. {@code fluxboot_bootstrap_git}
 * needs both, with {@code git.url}; the forge resources need {@code kubernetes} and a token, and take
 * from {@code git} only the branch, commit and SSH key settings. Secrets are {@link SensitiveText}s.
 */
public record ProviderConfig(Optional<Kubernetes> kubernetes, Optional<Git> git, Forge forge) {

    public ProviderConfig {
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(forge, "forge");
    }

    /** Without forge tokens. */
    public ProviderConfig(Optional<Kubernetes> kubernetes, Optional<Git> git) {
        this(kubernetes, git, Forge.none());
    }

    /** A provider block with neither {@code kubernetes} nor {@code git}. */
    public static ProviderConfig unconfigured() {
        return new ProviderConfig(Optional.empty(), Optional.empty());
    }

    /** Whether the provider can reach a cluster and a repository by URL ({@code fluxboot_bootstrap_git}). */
    public boolean isConfigured() {
        return kubernetes.isPresent() && git.flatMap(Git::url).isPresent();
    }

    /**
     * The API tokens of the forges: {@code forge.token} for every forge, else each forge's variable
     * ({@code GITHUB_TOKEN}, {@code GITLAB_TOKEN}, {@code GITEA_TOKEN}, {@code BITBUCKET_TOKEN}) as the
     * provider process found it.
     */
    public record Forge(Map<ForgeType, SensitiveText> tokens) {
        public Forge {
            tokens = Map.copyOf(tokens);
        }

        public static Forge none() {
            return new Forge(Map.of());
        }

        public Optional<SensitiveText> token(ForgeType forge) {
            return Optional.ofNullable(tokens.get(forge));
        }
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

    /**
     * {@code git = {...}}: the repository (empty for the forge resources, whose repository is on the
     * forge), its branch, the commit author and signing, SSH or HTTP(S) credentials.
     */
    public record Git(Optional<URI> url, String branch, String authorName, Optional<String> authorEmail,
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
