package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.api.Secret;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bootstrap github|gitlab|gitea|bitbucket-server} share: the bootstrap and install
 * flags, the forge flags, the token from the forge's variable (else piped stdin, else the terminal),
 * and one engine call with the repository on the forge. The tool clones and pushes over HTTPS with
 * the token; the cluster syncs over SSH with a deploy key, or over HTTPS with the token
 * ({@code --token-auth}).
 */
abstract class ForgeBootstrapCommand extends BaseCommand implements SecretHolder {

    @Mixin
    private BootstrapFlags bootstrap;

    @Mixin
    private ForgeFlags forgeFlags;

    @Mixin
    private InstallFlags install;

    private final List<String> secrets = new ArrayList<>();

    /** The forge, as the engine names it. */
    protected abstract ForgeType forge();

    /** The repository flags of this forge: owner, name, personal, host, visibility, teams (and its own). */
    protected abstract ForgeRepository.Builder repository(CliEnvironment environment);

    protected ForgeFlags forgeFlags() {
        return forgeFlags;
    }

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        Fluxboot flux = environment.fluxboot(globals);
        boolean planOnly = bootstrap.dryRun().dryRun();
        // usage errors that need no token come before the token is asked for
        flux.validate(spec(globals, environment, Secret.of("")));
        Optional.ofNullable(environment.env().get(forge().tokenVariable())).ifPresent(secrets::add);
        String value = ForgeTokens.resolve(forge(), environment);
        secrets.add(value);
        BootstrapSpec spec = spec(globals, environment, Secret.of(value));
        if (planOnly) {
            return bootstrap.dryRun().report(flux.plan(spec, environment.cancellation()), environment.reporter());
        }
        flux.bootstrap(spec, environment.cancellation());
        return ExitCode.OK;
    }

    private BootstrapSpec spec(GlobalOptions globals, CliEnvironment environment, Secret token) {
        ForgeRepository repository = repository(environment)
                .token(token)
                .apiUrl(forgeFlags.apiUrl())
                .caFile(bootstrap.caFile())
                .reconcile(forgeFlags.reconcile())
                .readWriteKey(forgeFlags.readWriteKey())
                .build();
        return bootstrap.spec(globals, install)
                .forge(repository)
                .credentials(bootstrap.credentials("git").build())
                .silent(true)
                .build();
    }

    @Override
    public List<String> secrets() {
        List<String> all = new ArrayList<>(install.secrets());
        all.addAll(bootstrap.secrets());
        all.addAll(secrets);
        return all;
    }
}
