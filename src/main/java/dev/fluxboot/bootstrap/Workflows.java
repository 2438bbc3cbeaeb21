package dev.fluxboot.bootstrap;

import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the workflows the commands run; the one place that decides which steps run in which order. */
public final class Workflows {

    private Workflows() {
    }

    /**
     * {@code install}: resolve the bundle, generate the components, then either print them
     * ({@code --export}) or check the Flux already there, apply, create the image pull secret
     * and wait for the controllers.
     */
    public static Workflow<InstallContext> install(InstallRequest request) {
        List<Step<InstallContext>> steps = new ArrayList<>(List.of(new ResolveManifests(), new GenerateComponents()));
        if (request.export()) {
            steps.add(new ExportComponents());
        } else {
            steps.add(new CheckExistingFlux());
            steps.add(new ApplyComponents());
            if (request.registryCredentials().isPresent()) {
                steps.add(new ApplyImagePullSecret());
            }
            steps.add(new VerifyInstallation());
        }
        return new Workflow<>("install", steps);
    }

    /**
     * {@code install --dry-run}: resolve and generate as {@link #install} does, then list what the
     * apply would create or configure; nothing is changed and nothing is asked.
     */
    public static Workflow<InstallContext> installDryRun() {
        return new Workflow<>("install --dry-run",
                List.of(new ResolveManifests(), new GenerateComponents(), new PlanInstall()));
    }

    /**
     * {@code bootstrap}: the pipeline of DESIGN.md, steps 1 to 9. The Git host's steps (the
     * repository, the deploy key) run only for forge commands, which give a host and its repository.
     */
    public static Workflow<BootstrapContext> bootstrap(BootstrapRequest request, BootstrapServices services) {
        boolean host = services.host().isPresent() && request.hostRepository().isPresent();
        List<Step<BootstrapContext>> steps = new ArrayList<>();
        steps.add(new CheckCluster());
        steps.add(new CheckSyncPath());
        if (host) {
            steps.add(new ReconcileRepository());
        }
        steps.add(new ResolveSourceCredentials());
        steps.add(new CloneRepository());
        steps.add(new CommitComponents());
        steps.add(new InstallComponents());
        if (request.install().registryCredentials().isPresent()) {
            steps.add(new ReconcileImagePullSecret());
        }
        if (host && request.hostRepository().get().deployTokenAuth()) {
            steps.add(new ReconcileDeployToken());
        }
        steps.add(new ReconcileSourceSecret());
        if (host) {
            steps.add(new RegisterDeployKey());
        }
        steps.add(new CommitSyncManifests());
        steps.add(new ApplySyncManifests());
        steps.add(new WaitForSync());
        steps.add(new WaitForComponents());
        return new Workflow<>("bootstrap", steps);
    }

    /**
     * {@code bootstrap --dry-run}: the checks, the host's changes as a dry run, the fetch, both
     * commits in the local copy only (shown as a diff), then a server-side dry run of what would
     * be applied. Nothing is pushed, applied, registered or generated, and nothing is asked.
     */
    public static Workflow<BootstrapContext> bootstrapDryRun(BootstrapRequest request, BootstrapServices services) {
        boolean host = services.host().isPresent() && request.hostRepository().isPresent();
        List<Step<BootstrapContext>> steps = new ArrayList<>();
        steps.add(new CheckCluster());
        steps.add(new CheckSyncPath());
        if (host) {
            steps.add(new ReconcileRepository());
        }
        steps.add(new ResolveSourceCredentials());
        steps.add(new CloneRepository());
        steps.add(new CommitComponents());
        steps.add(new CommitSyncManifests());
        steps.add(new ShowGitChanges());
        steps.add(new PlanCluster());
        if (host) {
            steps.add(new RegisterDeployKey());
        }
        return new Workflow<>("bootstrap --dry-run", steps);
    }

    /**
     * Runs {@link #bootstrapDryRun}; the local copy of the branch and the cluster connection are closed after.
     *
     * @return whether anything would change (Git, cluster or host)
     */
    public static boolean dryRunBootstrap(BootstrapRequest request, BootstrapServices services, Reporter reporter,
                                          Prompter prompter) {
        try (BootstrapContext context = new BootstrapContext(request, services, reporter, prompter, Clock.systemUTC(),
                true)) {
            bootstrapDryRun(request, services).run(context);
            return context.pending().any();
        }
    }

    /** Runs {@link #bootstrap}; the local copy of the branch and the cluster connection are closed after. */
    public static void runBootstrap(BootstrapRequest request, BootstrapServices services, Reporter reporter,
                                    Prompter prompter) {
        try (BootstrapContext context = new BootstrapContext(request, services, reporter, prompter, Clock.systemUTC())) {
            bootstrap(request, services).run(context);
        }
    }

    /**
     * Runs {@link #installDryRun} for {@code request} and closes the cluster connection it opened.
     *
     * @return whether anything would change
     */
    public static boolean dryRunInstall(InstallRequest request, InstallServices services, Reporter reporter,
                                        Prompter prompter) {
        try (InstallContext context = new InstallContext(request, services, reporter, prompter, Clock.systemUTC())) {
            installDryRun().run(context);
            return context.pending().any();
        }
    }

    /** Runs {@link #install} for {@code request} and closes the cluster connection it opened. */
    public static void runInstall(InstallRequest request, InstallServices services, Reporter reporter,
                                  Prompter prompter) {
        try (InstallContext context = new InstallContext(request, services, reporter, prompter, Clock.systemUTC())) {
            install(request).run(context);
        }
    }
}
