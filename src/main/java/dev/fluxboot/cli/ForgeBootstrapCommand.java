package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.BootstrapRequest;
import dev.fluxboot.bootstrap.BootstrapServices;
import dev.fluxboot.bootstrap.HostRepository;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.InstallServices;
import dev.fluxboot.manifests.kustomize.KustomizeBuild;
import dev.fluxboot.bootstrap.SourceAuth;
import dev.fluxboot.bootstrap.Workflows;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import dev.fluxboot.manifests.bundle.BundleLocator;
import dev.fluxboot.manifests.overlay.ComponentsGenerator;
import dev.fluxboot.manifests.overlay.InstallOptionsValidator;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bootstrap github|gitlab|gitea|bitbucket-server} share: the bootstrap and install
 * flags, the forge flags, the token from the forge's variable (or the terminal), and the run: the
 * pipeline with the forge as its {@link GitHost} (step 1 reconciles the repository, step 6
 * registers the deploy key). The tool clones and pushes over HTTPS with the token; the cluster
 * syncs over SSH with a deploy key, or over HTTPS with the token ({@code --token-auth}).
 */
abstract class ForgeBootstrapCommand extends BaseCommand implements SecretHolder {

    @Mixin
    private BootstrapFlags bootstrap;

    @Mixin
    private ForgeFlags forgeFlags;

    @Mixin
    private InstallFlags install;

    private final List<String> secrets = new ArrayList<>();

    /** The forge: its label ({@code GitHub}) and token variable ({@code GITHUB_TOKEN}). */
    protected abstract ForgeProvider forge();

    /** {@code --owner}, as given. */
    protected abstract String owner();

    /** {@code --repository}, as given. */
    protected abstract String repository();

    /** {@code --personal}. */
    protected abstract boolean personal();

    /** {@code --hostname}, as given (may be empty). */
    protected abstract String hostname();

    /** {@code private}, {@code internal} or {@code public}. */
    protected abstract String visibility(CliEnvironment environment);

    /** {@code --team} (or {@code --group}) with each team's permission. */
    protected abstract List<TeamAccess> teams();

    /** The user name the forge's API client needs besides the token (Bitbucket Server's {@code -u}); none by default. */
    protected String hostUsername() {
        return null;
    }

    /** The forge's host for this connection; no request is made yet. */
    private GitHost connect(ForgeConnection connection) {
        return forge().connect(connection, hostUsername());
    }

    /** The user name of Git over HTTPS with the token, and of a {@code --token-auth} Secret: {@code git}, as Flux's. */
    protected String gitUsername() {
        return "git";
    }

    /** {@code --deploy-token-auth} (GitLab only). */
    protected boolean deployTokenAuth() {
        return false;
    }

    /** Usage checks of one forge's own flags, before the token is asked for. */
    protected void checkForgeFlags() {
    }

    protected ForgeFlags forgeFlags() {
        return forgeFlags;
    }

    protected BootstrapFlags bootstrapFlags() {
        return bootstrap;
    }

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        checkFlags();
        Optional.ofNullable(environment.env().get(forge().tokenVariable())).ifPresent(secrets::add);
        String token = ForgeToken.resolve(forge().tokenVariable(), forge().label(), environment.env(), environment.prompter());
        secrets.add(token);
        BootstrapRequest request = request(globals, environment, token);
        KustomizeBuild kustomize = bootstrap.kustomize(environment.env());
        ForgeConnection connection = new ForgeConnection(token, hostname().strip(), forgeFlags.apiUrl(),
                bootstrap.caFile(), environment.env(), globals.timeout(), request.auth().sshHostname(),
                environment.reporter());
        InstallServices installServices = new InstallServices(new BundleLocator(environment.env(), environment.reporter()),
                new ComponentsGenerator(),
                (kubeconfig, context) -> KubeClusters.connect(kubeconfig, context, environment.env()));
        GitHost host = connect(connection);
        try {
            BootstrapServices services = BootstrapServices.forPlainGit(installServices).withHost(host)
                    .withKustomize(kustomize);
            if (bootstrap.dryRun().dryRun()) {
                return bootstrap.dryRun().exitCode(Workflows.dryRunBootstrap(request, services,
                        environment.reporter(), environment.prompter()));
            }
            Workflows.runBootstrap(request, services, environment.reporter(), environment.prompter());
        } finally {
            if (host instanceof AutoCloseable closeable) {
                close(closeable);
            }
        }
        return ExitCode.OK;
    }

    /** The usage errors that need no token: required flags, their forms. */
    private void checkFlags() {
        if (owner() == null || owner().isBlank()) {
            throw new UsageException("--owner is required: give the " + forge().label() + " " + ownerKind()
                    + " of the repository, e.g. --owner=my-org");
        }
        if (repository() == null || repository().isBlank()) {
            throw new UsageException("--repository is required: give the name of the " + forge().label()
                    + " repository, e.g. --repository=fleet-infra");
        }
        if (bootstrap.tokenAuth() && deployTokenAuth()) {
            throw new UsageException("--token-auth and --deploy-token-auth cannot be set both: choose one");
        }
        forgeFlags.apiUrl();
        checkForgeFlags();
    }

    private String ownerKind() {
        return personal() ? "user" : "user or organization";
    }

    /** The flags as one request; every usage error is thrown here, before anything runs. */
    private BootstrapRequest request(GlobalOptions globals, CliEnvironment environment, String token) {
        InstallRequest installRequest = install.request(globals, environment.build(), false, bootstrap.force());
        InstallOptionsValidator.requireBootstrapComponents(installRequest.options());
        // The key file has no passphrase here (Flux's forge commands read it without one); the
        // password is the token, for the tool's HTTPS clone and a --token-auth Secret.
        SourceAuth read = bootstrap.auth(false, gitUsername(), "", false);
        SourceAuth auth = new SourceAuth(read.tokenAuth() || deployTokenAuth(), false, gitUsername(), token,
                read.privateKey(), read.keyAlgorithm(), read.rsaBits(), read.curve(), read.sshHostname(),
                read.hostKeyAlgorithms(), read.caPem(), false);
        RepositorySpec spec = new RepositorySpec(owner().strip(), repository().strip(), personal(),
                visibility(environment), "", bootstrap.target("").branch(), teams(), forgeFlags.reconcile());
        HostRepository hostRepository = new HostRepository(spec, forgeFlags.readWriteKey(), deployTokenAuth());
        // The repository URL comes from the host in step 1; until then the target names none.
        return new BootstrapRequest(installRequest, bootstrap.target(""), auth, bootstrap.commits(), true,
                Optional.of(hostRepository));
    }

    @Override
    public List<String> secrets() {
        List<String> all = new ArrayList<>(install.secrets());
        all.addAll(bootstrap.secrets());
        all.addAll(secrets);
        return all;
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing an API client: nothing the user can act on
        }
    }
}
