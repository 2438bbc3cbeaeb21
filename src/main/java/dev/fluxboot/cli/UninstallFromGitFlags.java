package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.api.CommitOptions;
import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.api.GitCredentials;
import dev.fluxboot.api.Secret;
import dev.fluxboot.api.UninstallSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * {@code --from-git} as the engine takes it; empty without the flag. A forge's token comes from its
     * variable (else piped stdin, else the terminal), asked only after the flags were checked.
     *
     * @param validate checks a spec with the given (placeholder) token before the token is asked for
     */
    Optional<UninstallSpec.FromGit> fromGit(CliEnvironment environment, Consumer<UninstallSpec.FromGit> validate) {
        if (provider == null) {
            return Optional.empty();
        }
        if (provider.equals("git")) {
            passwordFromEnvironment = environment.env().getOrDefault("GIT_PASSWORD", "");
            String secret = password != null && !password.isEmpty() ? password : passwordFromEnvironment;
            GitCredentials credentials = GitCredentials.builder().username(username).password(Secret.of(secret))
                    .privateKeyFile(privateKeyFile).caFile(caFile).allowInsecureHttp(allowInsecureHttp).build();
            return Optional.of(common().url(url == null ? "" : url).credentials(credentials).build());
        }
        ForgeType forge = ForgeType.named(provider).orElseThrow(() -> new UsageException("--from-git " + provider
                + " is not supported: use git, github, gitlab, gitea or bitbucket-server"));
        validate.accept(forgeSpec(forge, Secret.of("")));
        forgeToken = ForgeTokens.resolve(forge, environment);
        return Optional.of(forgeSpec(forge, Secret.of(forgeToken)));
    }

    private UninstallSpec.FromGit forgeSpec(ForgeType forge, Secret token) {
        ForgeRepository onForge = ForgeRepository.builder(forge).token(token).owner(owner).name(repository)
                .personal(personal).hostname(hostname).apiUrl(apiUrl).caFile(caFile).username(username).build();
        return common().url(url).forge(onForge).build();
    }

    private UninstallSpec.FromGitBuilder common() {
        return UninstallSpec.FromGit.builder().branch(branch).path(path).secretName(secretName)
                .commits(CommitOptions.builder().authorName(authorName).authorEmail(authorEmail).build());
    }

    /** The password and the environment's, and the forge token, for blanking out of error output. */
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
