package dev.fluxboot.terraform;

import dev.fluxboot.api.Components;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Attribute;
import dev.fluxboot.terraform.schema.Schema;
import dev.fluxboot.ui.GoDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas the provider serves: its configuration (that of terraform-provider-flux's
 * {@code flux} provider, and the forges' token), the {@code fluxboot_bootstrap_git} resource (the
 * attributes, names and defaults of {@code flux_bootstrap_git}, v1.8) and the forge resources
 * (those and the flags of {@code fluxboot bootstrap <forge>}, see {@link ForgeSchemas}).
 */
public final class ProviderSchemas {

    /** The provider's name in {@code required_providers} and the prefix of its resource types. */
    public static final String PROVIDER_NAME = "fluxboot";
    public static final String BOOTSTRAP_GIT = "fluxboot_bootstrap_git";

    private ProviderSchemas() {
    }

    public static Schema provider() {
        Attribute exec = Attribute.nested("exec", List.of(
                Attribute.string("api_version").required().describedAs("The client authentication API version of the credential plugin."),
                Attribute.string("command").required().describedAs("The credential plugin to run."),
                Attribute.stringList("args").describedAs("Arguments of the credential plugin."),
                Attribute.stringMap("env").describedAs("Environment variables for the credential plugin.")))
                .describedAs("A client-go credential plugin that gives the credentials for the cluster.");
        Attribute kubernetes = Attribute.nested("kubernetes", List.of(
                Attribute.string("config_path").describedAs("The kubeconfig file. Defaults to `KUBE_CONFIG_PATH`."),
                Attribute.stringSet("config_paths").describedAs("Kubeconfig files, merged. Defaults to `KUBE_CONFIG_PATHS`."),
                Attribute.string("config_context").describedAs("The kubeconfig context to use."),
                Attribute.string("config_context_auth_info").describedAs("The kubeconfig user to use (kubectl's `--user`)."),
                Attribute.string("config_context_cluster").describedAs("The kubeconfig cluster to use (kubectl's `--cluster`)."),
                Attribute.string("host").describedAs("The address (URL) of the Kubernetes API server."),
                Attribute.string("username").describedAs("The user name for HTTP basic authentication to the API server."),
                Attribute.string("password").asSensitive().describedAs("The password for HTTP basic authentication to the API server."),
                Attribute.string("token").asSensitive().describedAs("A bearer token, e.g. a service account's."),
                Attribute.string("client_certificate").describedAs("The client certificate (PEM) for TLS authentication."),
                Attribute.string("client_key").asSensitive().describedAs("The client certificate's key (PEM) for TLS authentication."),
                Attribute.string("cluster_ca_certificate").describedAs("The CA certificates (PEM) that the API server's certificate is checked against."),
                Attribute.bool("insecure").describedAs("Do not verify the API server's TLS certificate."),
                Attribute.string("proxy_url").describedAs("A proxy (URL) for every request to the API server."),
                exec))
                .describedAs("How to reach the Kubernetes cluster.");
        Attribute ssh = Attribute.nested("ssh", List.of(
                Attribute.string("username").describedAs("The SSH user. Defaults to the URL's user, else `git`."),
                Attribute.string("private_key").asSensitive().describedAs(
                        "The SSH private key (PEM or OpenSSH). Without one, a key pair is generated and kept in the cluster's Secret."),
                Attribute.string("password").asSensitive().describedAs("The private key's passphrase."),
                Attribute.stringList("hostkey_algos").describedAs("Host key algorithms to accept, most preferred first.")))
                .describedAs("SSH authentication, for an `ssh://` URL.");
        Attribute http = Attribute.nested("http", List.of(
                Attribute.string("username").describedAs("The user name for basic authentication."),
                Attribute.string("password").asSensitive().describedAs("The password or token for basic authentication."),
                Attribute.string("certificate_authority").describedAs("CA certificates (PEM) for a server with a self-signed certificate."),
                Attribute.bool("allow_insecure_http").describedAs("Allow an `http://` URL.")))
                .describedAs("HTTP(S) authentication, for an `http(s)://` URL.");
        Attribute git = Attribute.nested("git", List.of(
                Attribute.string("url").describedAs("The Git repository's URL (`ssh://`, `https://` or `http://`); "
                        + "required for `fluxboot_bootstrap_git`, not used by the forge resources."),
                Attribute.string("branch").describedAs("The branch to push to and reconcile from. Defaults to `main`."),
                Attribute.string("author_name").describedAs("The commit author's name. Defaults to `Flux`."),
                Attribute.string("author_email").describedAs("The commit author's email."),
                Attribute.string("commit_message_appendix").describedAs("Text appended to every commit message."),
                Attribute.string("gpg_key_ring").describedAs("The GPG key ring (file) to sign commits with."),
                Attribute.string("gpg_passphrase").asSensitive().describedAs("The passphrase of the GPG private key."),
                Attribute.string("gpg_key_id").describedAs("The GPG key to sign with, when the key ring holds several."),
                ssh,
                http))
                .describedAs("How to reach the Git repository, and how to commit.");
        Attribute forge = Attribute.nested("forge", List.of(
                Attribute.string("token").asSensitive().describedAs("The API token of the forge resources "
                        + "(`fluxboot_bootstrap_github`, ...). Defaults to the forge's variable: `GITHUB_TOKEN`, "
                        + "`GITLAB_TOKEN`, `GITEA_TOKEN` or `BITBUCKET_TOKEN`.")))
                .describedAs("How the forge resources reach the forge's API.");
        return new Schema(0, "Bootstraps Flux into Kubernetes clusters from Git (fluxboot).", List.of(kubernetes, git, forge));
    }

    /** The schema of {@code fluxboot_bootstrap_git}; {@code defaultFluxVersion} is this build's default Flux release. */
    public static Schema bootstrapGit(String defaultFluxVersion) {
        return new Schema(0,
                "Pushes the Flux components and sync manifests of one cluster to a Git repository, installs Flux in "
                        + "the cluster and makes it reconcile itself from that repository (as `flux bootstrap git`).",
                bootstrapAttributes(defaultFluxVersion));
    }

    /** The resource type of a forge, e.g. {@code fluxboot_bootstrap_bitbucket_server}. */
    public static String bootstrapForgeType(ForgeType forge) {
        return "fluxboot_bootstrap_" + forge.provider().replace('-', '_');
    }

    /** The schema of {@code fluxboot_bootstrap_<forge>}: {@code fluxboot_bootstrap_git}'s attributes and the forge's. */
    public static Schema bootstrapForge(ForgeType forge, String defaultFluxVersion) {
        List<Attribute> attributes = new ArrayList<>(bootstrapAttributes(defaultFluxVersion));
        attributes.addAll(ForgeSchemas.attributes(forge));
        return new Schema(0, "Creates the " + forge.label() + " repository if it is missing, pushes the Flux components "
                + "and sync manifests of one cluster to it, registers the cluster's deploy key, installs Flux in the "
                + "cluster and makes it reconcile itself from that repository (as `flux bootstrap " + forge.provider()
                + "`).", attributes);
    }

    /** The attributes every bootstrap resource has: those of flux_bootstrap_git. */
    private static List<Attribute> bootstrapAttributes(String defaultFluxVersion) {
        Attribute.Equivalence sameDuration = ProviderSchemas::sameDuration;
        Attribute timeouts = Attribute.nested("timeouts", List.of(
                Attribute.string("create").describedAs("How long a create may take (Go duration). Defaults to `15m`."),
                Attribute.string("read").describedAs("How long a read may take. Defaults to the create timeout."),
                Attribute.string("update").describedAs("How long an update may take. Defaults to `15m`."),
                Attribute.string("delete").describedAs("How long a delete may take. Defaults to `5m`.")));
        return List.of(
                        Attribute.string("id").computed().describedAs("The namespace Flux runs in."),
                        Attribute.string("path").requiringReplace().describedAs(
                                "The cluster's folder in the repository; the sync is scoped to it (changing it replaces the resource)."),
                        Attribute.string("namespace").withDefault(CtyValue.string("flux-system")).requiringReplace().describedAs(
                                "The namespace of the Flux components; created when missing. Defaults to `flux-system`."),
                        Attribute.string("version").withDefault(CtyValue.string(defaultFluxVersion)).describedAs(
                                "The Flux release (`v2.x.y`) or `latest`. Defaults to `" + defaultFluxVersion + "`."),
                        Attribute.stringSet("components").withDefault(CtyValue.stringSet(Components.DEFAULT_COMPONENTS))
                                .describedAs("The toolkit components to install. Defaults to `"
                                        + String.join(", ", Components.DEFAULT_COMPONENTS) + "`."),
                        Attribute.stringSet("components_extra").describedAs(
                                "Components to install as well: " + String.join(", ", Components.EXTRA_COMPONENTS) + "."),
                        Attribute.string("cluster_domain").withDefault(CtyValue.string("cluster.local"))
                                .describedAs("The cluster's internal domain. Defaults to `cluster.local`."),
                        Attribute.string("interval").withDefault(CtyValue.string("1m0s")).equivalentWhen(sameDuration)
                                .describedAs("How often Flux reconciles from the repository (Go duration). Defaults to `1m0s`."),
                        Attribute.string("log_level").withDefault(CtyValue.string("info"))
                                .describedAs("The components' log level: `info`, `debug` or `error`. Defaults to `info`."),
                        Attribute.bool("network_policy").withDefault(CtyValue.bool(true)).describedAs(
                                "Deny ingress to the controllers from other namespaces with network policies. Defaults to `true`."),
                        Attribute.bool("watch_all_namespaces").withDefault(CtyValue.bool(true)).describedAs(
                                "Watch custom resources in all namespaces. Defaults to `true`."),
                        Attribute.string("registry").withDefault(CtyValue.string("ghcr.io/fluxcd"))
                                .describedAs("The container registry of the toolkit images. Defaults to `ghcr.io/fluxcd`."),
                        Attribute.string("registry_credentials").asSensitive().describedAs(
                                "Credentials for the registry, `user:password`; needs `image_pull_secret`."),
                        Attribute.string("image_pull_secret").describedAs(
                                "The Secret the controllers pull their images with, from a private registry."),
                        Attribute.stringSet("toleration_keys").describedAs(
                                "Toleration keys that let the controllers' pods run on nodes with matching taints."),
                        Attribute.string("secret_name").withDefault(CtyValue.string("flux-system")).requiringReplace()
                                .describedAs("The Secret holding the Git credentials of the sync. Defaults to `flux-system`."),
                        Attribute.bool("recurse_submodules").describedAs(
                                "Make the GitRepository source include the repository's submodules."),
                        Attribute.string("kustomization_override").describedAs(
                                "A kustomization.yaml for the cluster's folder instead of the generated one."),
                        Attribute.bool("delete_git_manifests").withDefault(CtyValue.bool(true)).describedAs(
                                "On destroy, remove this cluster's files from the repository. Defaults to `true`."),
                        Attribute.bool("keep_namespace").withDefault(CtyValue.bool(false)).describedAs(
                                "On destroy, keep the namespace. Defaults to `false`."),
                        Attribute.bool("disable_secret_creation").describedAs(
                                "Use the existing Secret `secret_name` rather than creating it from the provider's Git credentials."),
                        Attribute.bool("embedded_manifests").withDefault(CtyValue.bool(false)).describedAs(
                                "Take the Flux manifests from the release bundle built into fluxboot. Defaults to `false`."),
                        Attribute.string("manifests_path").describedAs(
                                "A Flux release bundle (folder or `manifests.tar.gz`) to take the manifests from, as `--manifests`."),
                        timeouts,
                        Attribute.stringMap("repository_files").computed().describedAs(
                                "The files this resource manages in the repository: path to content."));
    }

    private static boolean sameDuration(CtyValue a, CtyValue b) {
        if (!(a instanceof CtyValue.StringValue first) || !(b instanceof CtyValue.StringValue second)) {
            return false;
        }
        Optional<Duration> one = GoDuration.parse(first.value());
        return one.isPresent() && one.equals(GoDuration.parse(second.value()));
    }
}
