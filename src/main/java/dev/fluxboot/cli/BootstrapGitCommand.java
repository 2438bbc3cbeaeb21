package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.GitCredentials;
import dev.fluxboot.api.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code fluxboot bootstrap git}: the flags of {@code flux bootstrap git} as one spec, one engine call. */
@Command(name = "git", description = {"Deploy Flux on a cluster connected to a Git repository.",
        "The bootstrap git command commits the Flux manifests to the branch of a Git repository. And then it "
                + "configures the target cluster to synchronize with that repository. If the Flux components are "
                + "present on the cluster, the bootstrap command will perform an upgrade if needed."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Bootstrap over SSH with a private key that has write access to the repository",
                "  fluxboot bootstrap git --url=ssh://git@example.com/repository.git \\",
                "    --private-key-file=<path/to/private.key> --path=clusters/my-cluster",
                "",
                "  # Bootstrap with a private key and its passphrase",
                "  fluxboot bootstrap git --url=ssh://git@example.com/repository.git \\",
                "    --private-key-file=<path/to/private.key> --password=<passphrase> --path=clusters/my-cluster",
                "",
                "  # Bootstrap over HTTPS with a token the cluster uses too, from GIT_PASSWORD",
                "  GIT_PASSWORD=<token> fluxboot bootstrap git --url=https://example.com/repository.git \\",
                "    --token-auth --path=clusters/my-cluster",
                "",
                "  # Bootstrap against a server with a self-signed certificate, token as a bearer token",
                "  fluxboot bootstrap git --url=https://example.com/repository.git --with-bearer-token \\",
                "    --password=<PAT> --ca-file=<path/to/ca.crt> --path=clusters/my-cluster"})
public final class BootstrapGitCommand extends BaseCommand implements SecretHolder {

    static final String GIT_PASSWORD_ENV = "GIT_PASSWORD";

    @Option(names = "--url", paramLabel = "URL", description = "Git repository URL")
    private String url;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", defaultValue = "git",
            description = "basic authentication username (default: ${DEFAULT-VALUE})")
    private String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "basic authentication password, or the passphrase of --private-key-file (env: GIT_PASSWORD; "
                    + "with --token-auth, else the first line of piped stdin)")
    private String password;

    @Option(names = {"-s", "--silent"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "assumes the deploy key is already setup, skips confirmation")
    private boolean silent;

    @Option(names = "--allow-insecure-http", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "allows insecure HTTP connections")
    private boolean allowInsecureHttp;

    @Option(names = "--with-bearer-token", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "use password as bearer token for Authorization header")
    private boolean withBearerToken;

    @Mixin
    private BootstrapFlags bootstrap;

    @Mixin
    private InstallFlags install;

    private String passwordFromEnvironment = "";

    private String passwordFromInput = "";

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        passwordFromEnvironment = environment.env().getOrDefault(GIT_PASSWORD_ENV, "");
        boolean planOnly = bootstrap.dryRun().dryRun();
        Fluxboot flux = environment.fluxboot(globals);
        BootstrapSpec spec = spec(globals, environment.env());
        if ((bootstrap.tokenAuth() || withBearerToken) && password(environment.env()).isEmpty()) {
            // usage errors that need no password come before standard input or the terminal is read; the
            // placeholder stands in for the password the engine requires with token auth
            flux.validate(spec(globals, "password-to-be-read"));
            String flag = withBearerToken ? "--with-bearer-token" : "--token-auth";
            passwordFromInput = GitPasswords.read(flag, environment.prompter(), environment.stdin()).orElse("");
            spec = spec(globals, passwordFromInput);
        }
        if (planOnly) {
            return bootstrap.dryRun().report(flux.plan(spec, environment.cancellation()), environment.reporter());
        }
        flux.bootstrap(spec, environment.cancellation());
        return ExitCode.OK;
    }

    /** The flags as one spec; the engine checks it before anything runs. */
    BootstrapSpec spec(GlobalOptions globals, Map<String, String> env) {
        return spec(globals, password(env));
    }

    /** {@code --password}, else {@code GIT_PASSWORD}, as Flux prefers them; "" for neither. */
    private String password(Map<String, String> env) {
        return password != null && !password.isEmpty() ? password : env.getOrDefault(GIT_PASSWORD_ENV, "");
    }

    private BootstrapSpec spec(GlobalOptions globals, String secret) {
        GitCredentials credentials = bootstrap.credentials(username)
                .password(Secret.of(secret))
                .bearerToken(withBearerToken)
                .allowInsecureHttp(allowInsecureHttp)
                .build();
        return bootstrap.spec(globals, install)
                .url(url)
                .credentials(credentials)
                .silent(silent)
                .build();
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(install.secrets());
        secrets.addAll(bootstrap.secrets());
        if (password != null) {
            secrets.add(password);
        }
        if (!passwordFromEnvironment.isEmpty()) {
            secrets.add(passwordFromEnvironment);
        }
        if (!passwordFromInput.isEmpty()) {
            secrets.add(passwordFromInput);
        }
        return secrets;
    }
}
