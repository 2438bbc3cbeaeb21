package dev.fluxboot.cli;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.SourceSecret;
import dev.fluxboot.bootstrap.SyncTarget;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ResourceType;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.HostKeyScanner;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TlsTrust;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.bootstrap.ForgeFolderRemoval;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code uninstall --from-git git|github|gitlab|gitea|bitbucket-server} and the repository flags
 * of that {@code bootstrap} command. For a forge, the repository comes from its API with the token
 * of its variable ({@code GITHUB_TOKEN}, ...), the tool pushes over HTTPS with that token, and the
 * cluster's deploy key is deleted. For {@code git}: where the
 * cluster's Flux folder is, and how fluxboot reaches the repository. Over SSH the key is
 * {@code --private-key-file}, else the source secret's (read before the uninstall deletes it),
 * and the server is verified against the source secret's known_hosts, else a fresh scan.
 */
public final class UninstallFromGitFlags {

    @Option(names = "--from-git", paramLabel = "PROVIDER",
            description = "also remove <path>/<namespace>/ from the repository the cluster was bootstrapped from "
                    + "(git, github, gitlab, gitea or bitbucket-server)")
    private String provider;

    @Option(names = "--owner", paramLabel = "NAME", description = "with --from-git <forge>: the repository's owner")
    private String owner;

    @Option(names = "--repository", paramLabel = "NAME", description = "with --from-git <forge>: the repository name")
    private String repository;

    @Option(names = "--hostname", paramLabel = "HOST",
            description = "with --from-git <forge>: the forge's hostname (default: that of bootstrap <forge>)")
    private String hostname;

    @Option(names = "--personal", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "with --from-git <forge>: the owner is the token's user")
    private boolean personal;

    @Option(names = "--api-url", paramLabel = "URL", description = "with --from-git <forge>: full base URL of the forge's API")
    private String apiUrl;

    @Option(names = "--url", paramLabel = "URL", description = "with --from-git git: Git repository URL")
    private String url;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main", description = "Git branch (default: ${DEFAULT-VALUE})")
    private String branch;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "",
            description = "path relative to the repository root that bootstrap was given")
    private String path;

    @Option(names = "--username", paramLabel = "NAME", defaultValue = "git",
            description = "basic authentication username (default: ${DEFAULT-VALUE})")
    private String username;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "basic authentication password, or the passphrase of --private-key-file (env: GIT_PASSWORD)")
    private String password;

    @Option(names = "--private-key-file", paramLabel = "PATH",
            description = "private key for the Git SSH server; default: the key of the source secret")
    private Path privateKeyFile;

    @Option(names = "--secret-name", paramLabel = "NAME", defaultValue = "flux-system",
            description = "the source secret (default: ${DEFAULT-VALUE})")
    private String secretName;

    @Option(names = "--ca-file", paramLabel = "PATH", description = "path to TLS CA file used for validating self-signed certificates")
    private Path caFile;

    @Option(names = "--allow-insecure-http", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "allows insecure HTTP connections")
    private boolean allowInsecureHttp;

    @Option(names = "--author-name", paramLabel = "NAME", defaultValue = "Flux",
            description = "author name for the Git commit (default: ${DEFAULT-VALUE})")
    private String authorName;

    @Option(names = "--author-email", paramLabel = "EMAIL", defaultValue = "", description = "author email for the Git commit")
    private String authorEmail;

    private String passwordFromEnvironment = "";

    private String forgeToken = "";

    /** Whether {@code --from-git} was given; checks the flags (usage errors before anything runs). */
    boolean requested(Map<String, String> env) {
        if (provider == null) {
            return false;
        }
        if (!provider.equals("git")) {
            ForgeProvider forge = ForgeProvider.named(provider).orElseThrow(() -> new UsageException("--from-git "
                    + provider + " is not supported: use git, github, gitlab, gitea or bitbucket-server"));
            checkForgeFlags(forge);
            return true;
        }
        if (url == null || url.isBlank()) {
            throw new UsageException("--from-git git needs --url: give the Git repository URL, e.g. "
                    + "--url=ssh://git@example.com/org/repository.git");
        }
        GitUrl parsed = GitUrl.parse(url.strip());
        if (parsed.scheme().equals("http") && !allowInsecureHttp) {
            throw new UsageException("scheme http is insecure, pass --allow-insecure-http=true to allow it");
        }
        passwordFromEnvironment = env.getOrDefault("GIT_PASSWORD", "");
        return true;
    }

    private void checkForgeFlags(ForgeProvider forge) {
        if (url != null) {
            throw new UsageException("--url is for --from-git git: with --from-git " + forge.provider()
                    + " give --owner and --repository, the forge knows the URL");
        }
        if (owner == null || owner.isBlank()) {
            throw new UsageException("--from-git " + forge.provider() + " needs --owner: give the " + forge.label()
                    + " owner of the repository, e.g. --owner=my-org");
        }
        if (repository == null || repository.isBlank()) {
            throw new UsageException("--from-git " + forge.provider() + " needs --repository: give the name of the "
                    + forge.label() + " repository, e.g. --repository=fleet-infra");
        }
        ForgeFlags.apiUrl(apiUrl);
    }

    /** The forge of {@code --from-git}; empty for {@code git} (call after {@link #requested}). */
    Optional<ForgeProvider> forge() {
        return provider == null ? Optional.empty() : ForgeProvider.named(provider);
    }

    /**
     * The forge's API connection, with the token of its variable (else the terminal's); usage
     * errors (no token, a bad host) here, before anything changes.
     */
    ForgeConnection forgeConnection(ForgeProvider forge, GlobalOptions globals, CliEnvironment environment) {
        forgeToken = ForgeToken.resolve(forge.tokenVariable(), forge.label(), environment.env(), environment.prompter());
        String host = hostname == null || hostname.isBlank() ? forge.defaultHostname() : hostname.strip();
        return new ForgeConnection(forgeToken, host, ForgeFlags.apiUrl(apiUrl), Optional.ofNullable(caFile),
                environment.env(), globals.timeout(), Optional.empty(), environment.reporter());
    }

    /** Removes the folder and deletes the deploy key on the forge; returns the failures, one line each. */
    List<String> removeFromForge(ForgeProvider forge, ForgeConnection connection, String namespace, boolean dryRun,
                                 Reporter reporter) {
        // Git over HTTPS with the token as bootstrap <forge> does: Bitbucket Server's user, else "git"
        String gitUsername = forge != ForgeProvider.BITBUCKET_SERVER ? "git" : personal ? owner.strip() : username.strip();
        String cleanPath = SyncTarget.cleanPath(path);
        ForgeFolderRemoval.Target target = new ForgeFolderRemoval.Target(
                new RepositorySpec(owner.strip(), repository.strip(), personal, "private", "", branch, List.of(), false),
                gitUsername, forgeToken, Optional.ofNullable(caFile).map(TlsTrust::readCaFile).orElse(null),
                folder(namespace), commit(namespace), DeployKey.fluxTitle(namespace, branch, secretName, cleanPath));
        GitHost host = forge.connect(connection, username.strip());
        try {
            return ForgeFolderRemoval.remove(host, target, dryRun, reporter);
        } finally {
            if (host instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing an API client: nothing the user can act on
                }
            }
        }
    }

    /** {@code <path>/<namespace>}. */
    String folder(String namespace) {
        // the folder does not depend on the URL, which a forge's uninstall does not give
        return new SyncTarget(url == null ? "" : url, branch, SyncTarget.cleanPath(path), java.time.Duration.ofMinutes(1), false,
                secretName).fluxDirectory(namespace);
    }

    String branch() {
        return branch;
    }

    CommitDetails commit(String namespace) {
        return new CommitDetails(authorName, authorEmail, "Remove Flux from " + folder(namespace));
    }

    /** The tool's remote; reads the source secret from the cluster when it needs its key or known_hosts. */
    GitRemote remote(Cluster cluster, String namespace) {
        GitUrl parsed = GitUrl.parse(url.strip());
        TransportOptions transport = TransportOptions.defaults().withAllowInsecureHttp(allowInsecureHttp)
                .withCaCertificates(Optional.ofNullable(caFile).map(TlsTrust::readCaFile).orElse(null));
        String secret = password();
        if (!parsed.isSsh()) {
            GitAuth auth = secret.isEmpty() ? new GitAuth.Anonymous() : new GitAuth.Basic(username, secret);
            return new GitRemote(parsed, auth, transport);
        }
        Map<String, String> data = secretData(cluster, namespace);
        SshKeyPair key;
        if (privateKeyFile != null) {
            key = SshKeyPair.read(privateKeyFile, secret);
        } else if (data.containsKey(SourceSecret.IDENTITY)) {
            key = SshKeyPair.parse(data.get(SourceSecret.IDENTITY), data.get(SourceSecret.PASSWORD),
                    "the identity of source secret " + namespace + "/" + secretName);
        } else {
            throw new FluxbootException("no SSH key for " + parsed + ": source secret " + namespace + "/" + secretName
                    + " has none; pass --private-key-file");
        }
        String knownHosts = Optional.ofNullable(data.get(SourceSecret.KNOWN_HOSTS)).filter(h -> !h.isBlank())
                .orElseGet(() -> HostKeyScanner.scan(parsed.host(), parsed.port()));
        return new GitRemote(parsed, new GitAuth.SshKey(key, knownHosts, List.of()), transport);
    }

    private Map<String, String> secretData(Cluster cluster, String namespace) {
        Map<String, String> data = new TreeMap<>();
        cluster.get(ResourceType.SECRET, namespace, secretName).ifPresent(object -> {
            if (object.get("data") instanceof Map<?, ?> encoded) {
                encoded.forEach((key, value) -> data.put(String.valueOf(key),
                        new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
            }
        });
        return data;
    }

    private String password() {
        return password != null && !password.isEmpty() ? password : passwordFromEnvironment;
    }

    /** The password and the environment's, for blanking out of error output. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (!passwordFromEnvironment.isEmpty()) {
            secrets.add(passwordFromEnvironment);
        }
        if (!forgeToken.isEmpty()) {
            secrets.add(forgeToken);
        }
        return secrets;
    }
}
