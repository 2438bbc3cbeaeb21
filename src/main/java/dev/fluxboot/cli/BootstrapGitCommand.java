package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.BootstrapRequest;
import dev.fluxboot.bootstrap.BootstrapServices;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.InstallServices;
import dev.fluxboot.bootstrap.SourceAuth;
import dev.fluxboot.bootstrap.Workflows;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.manifests.bundle.BundleLocator;
import dev.fluxboot.manifests.overlay.ComponentsGenerator;
import dev.fluxboot.manifests.overlay.InstallOptionsValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code fluxboot bootstrap git}: the flags of {@code flux bootstrap git}, checked, handed to the bootstrap pipeline. */
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
            description = "basic authentication password, or the passphrase of --private-key-file (env: GIT_PASSWORD)")
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

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        passwordFromEnvironment = environment.env().getOrDefault(GIT_PASSWORD_ENV, "");
        BootstrapRequest request = request(globals, environment.build(), environment.env());
        InstallServices installServices = new InstallServices(new BundleLocator(environment.env(), environment.reporter()),
                new ComponentsGenerator(),
                (kubeconfig, context) -> KubeClusters.connect(kubeconfig, context, environment.env()));
        BootstrapServices services = BootstrapServices.forPlainGit(installServices)
                .withKustomize(bootstrap.kustomize(environment.env()));
        if (bootstrap.dryRun().dryRun()) {
            return bootstrap.dryRun().exitCode(Workflows.dryRunBootstrap(request, services, environment.reporter(),
                    environment.prompter()));
        }
        Workflows.runBootstrap(request, services, environment.reporter(), environment.prompter());
        return ExitCode.OK;
    }

    /** The flags as one request; every usage error is thrown here, before anything runs. */
    BootstrapRequest request(GlobalOptions globals, BuildInfo build, Map<String, String> env) {
        if (url == null || url.isBlank()) {
            throw new UsageException("--url is required: give the Git repository URL, e.g. "
                    + "--url=ssh://git@example.com/org/repository.git");
        }
        GitUrl parsed = GitUrl.parse(url);
        if (parsed.scheme().equals("http") && !allowInsecureHttp) {
            throw new UsageException("scheme http is insecure, pass --allow-insecure-http=true to allow it");
        }
        InstallRequest installRequest = install.request(globals, build, false, bootstrap.force());
        InstallOptionsValidator.requireBootstrapComponents(installRequest.options());
        String secret = effectivePassword(env);
        boolean tokenAuth = bootstrap.tokenAuth() || withBearerToken;
        if (tokenAuth && secret.isEmpty()) {
            throw new UsageException((withBearerToken ? "--with-bearer-token" : "--token-auth")
                    + " needs the password or token: pass --password or set " + GIT_PASSWORD_ENV);
        }
        if (parsed.isSsh() && tokenAuth && !bootstrap.privateKeyFileGiven()) {
            throw new UsageException("--url " + parsed + " uses SSH: with --token-auth give an https URL (the token is "
                    + "for HTTPS), or pass --private-key-file for fluxboot's own SSH connection");
        }
        SourceAuth auth = bootstrap.auth(withBearerToken, username, secret, allowInsecureHttp);
        return new BootstrapRequest(installRequest, bootstrap.target(url.strip()), auth, bootstrap.commits(), silent,
                Optional.empty());
    }

    private String effectivePassword(Map<String, String> env) {
        if (password != null && !password.isEmpty()) {
            return password;
        }
        return env.getOrDefault(GIT_PASSWORD_ENV, "");
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
        return secrets;
    }
}
