package dev.fluxboot.terraform;

import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.api.CommitOptions;
import dev.fluxboot.api.Components;
import dev.fluxboot.api.GitCredentials;
import dev.fluxboot.api.InstallSpec;
import dev.fluxboot.api.InstalledBootstrap;
import dev.fluxboot.api.Secret;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A resource's settings and the provider's configuration as the API's {@link BootstrapSpec}: the
 * same bootstrap the command line runs with the flags of the same names ({@code bootstrap git}, or
 * {@code bootstrap <forge>} for a resource with {@link ForgeSettings}).
 */
final class BootstrapSpecs {

    private static final List<String> CANONICAL_ORDER = canonicalOrder();

    private BootstrapSpecs() {
    }

    static BootstrapSpec of(ProviderConfig provider, BootstrapGitSettings settings, Duration timeout) {
        Optional<ProviderConfig.Git> git = provider.git();
        Components.Builder components = Components.builder()
                .version(settings.version())
                .components(ordered(settings.components()))
                .componentsExtra(ordered(settings.componentsExtra()))
                .registry(settings.registry())
                .imagePullSecret(settings.imagePullSecret().orElse(""))
                .watchAllNamespaces(settings.watchAllNamespaces())
                .networkPolicy(settings.networkPolicy())
                .logLevel(settings.logLevel())
                .clusterDomain(settings.clusterDomain())
                .tolerationKeys(List.copyOf(settings.tolerationKeys()));
        settings.registryCredentials().ifPresent(credentials -> components.registryCredentials(Secret.of(credentials.reveal())));
        settings.manifestsPath().ifPresent(path -> components.manifests(Path.of(path)));
        InstallSpec install = InstallSpec.builder()
                .cluster(ClusterAccessMapping.of(provider.kubernetes().orElseThrow()))
                .namespace(settings.namespace())
                .components(components.build())
                .timeout(timeout)
                .build();
        BootstrapSpec.Builder spec = BootstrapSpec.builder()
                .install(install)
                .branch(git.map(ProviderConfig.Git::branch).orElse(ProviderConfigCodec.DEFAULT_BRANCH))
                .path(settings.path().orElse(""))
                .interval(settings.interval())
                .recurseSubmodules(settings.recurseSubmodules())
                .secretName(settings.secretName())
                .commits(git.map(BootstrapSpecs::commits).orElse(CommitOptions.builder()
                        .authorName(ProviderConfigCodec.DEFAULT_AUTHOR).build()))
                // Nobody to ask in a Terraform run: a generated key is kept in the cluster's Secret, as the CLI's --silent.
                .silent(true)
                .sourceSecretProvided(settings.disableSecretCreation());
        settings.kustomizationOverride().ifPresent(spec::kustomizationOverride);
        if (settings.forge().isPresent()) {
            ForgeSettings forge = settings.forge().get();
            spec.forge(ForgeRepositories.of(forge, provider.forge().token(forge.type())))
                    .credentials(ForgeRepositories.credentials(forge, git.flatMap(ProviderConfig.Git::ssh)));
        } else {
            ProviderConfig.Git plain = git.orElseThrow();
            spec.url(plain.url().orElseThrow().toString()).credentials(credentials(plain));
        }
        return spec.build();
    }

    /**
     * The settings of an adopted bootstrap: what the cluster says (path, namespace, interval, secret,
     * release), flux_bootstrap_git's defaults for the rest.
     */
    static BootstrapGitSettings imported(InstalledBootstrap installed, String defaultVersion) {
        return new BootstrapGitSettings(installed.path().isEmpty() ? Optional.empty() : Optional.of(installed.path()),
                installed.namespace(), installed.version().orElse(defaultVersion),
                new TreeSet<>(Components.DEFAULT_COMPONENTS), new TreeSet<>(), "cluster.local", installed.interval(),
                "info", true, true, "ghcr.io/fluxcd", Optional.empty(), Optional.empty(), new TreeSet<>(),
                installed.secretName(), installed.recurseSubmodules(), Optional.empty(), true, false, false, false,
                Optional.empty(), BootstrapGitSettings.Timeouts.none());
    }

    private static GitCredentials credentials(ProviderConfig.Git git) {
        GitCredentials.Builder credentials = GitCredentials.builder();
        git.ssh().ifPresent(ssh -> {
            ssh.username().ifPresent(credentials::username);
            ssh.privateKey().ifPresent(key -> credentials.privateKey(Secret.of(key.reveal())));
            ssh.password().ifPresent(password -> credentials.password(Secret.of(password.reveal())));
            credentials.hostKeyAlgorithms(ssh.hostkeyAlgos());
        });
        git.http().ifPresent(http -> {
            http.username().ifPresent(credentials::username);
            http.password().ifPresent(password -> credentials.password(Secret.of(password.reveal())));
            http.certificateAuthority().ifPresent(credentials::caCertificates);
            credentials.allowInsecureHttp(http.allowInsecureHttp());
            // Over HTTP(S) the cluster fetches with the same user and password, as flux_bootstrap_git's Secret.
            String scheme = git.url().map(url -> Optional.ofNullable(url.getScheme()).orElse("")).orElse("");
            if (http.password().isPresent() && scheme.startsWith("http")) {
                credentials.tokenAuth(true);
            }
        });
        return credentials.build();
    }

    private static CommitOptions commits(ProviderConfig.Git git) {
        CommitOptions.Builder commits = CommitOptions.builder()
                .authorName(git.authorName())
                .authorEmail(git.authorEmail().orElse(""))
                .messageAppendix(git.commitMessageAppendix().orElse(""));
        git.gpgKeyRing().ifPresent(ring -> {
            String value = ring.toString();
            // flux_bootstrap_git takes the armored key ring itself; a path to one works too.
            if (value.contains("BEGIN PGP")) {
                commits.gpgKeyRing(Secret.of(value));
            } else {
                commits.gpgKeyRingFile(ring);
            }
        });
        git.gpgPassphrase().ifPresent(passphrase -> commits.gpgPassphrase(Secret.of(passphrase.reveal())));
        git.gpgKeyId().ifPresent(commits::gpgKeyId);
        return commits.build();
    }

    /** Terraform's sets are sorted; Flux lists components in its own order. */
    private static List<String> ordered(Collection<String> components) {
        List<String> ordered = new ArrayList<>(components);
        ordered.sort(Comparator.comparingInt((String name) -> {
            int index = CANONICAL_ORDER.indexOf(name);
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    private static List<String> canonicalOrder() {
        List<String> order = new ArrayList<>(Components.DEFAULT_COMPONENTS);
        order.addAll(Components.EXTRA_COMPONENTS);
        return List.copyOf(order);
    }
}
