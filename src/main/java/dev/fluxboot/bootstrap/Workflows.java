package dev.fluxboot.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.CONNECTION;
import static dev.fluxboot.bootstrap.Products.FORGE_REQUEST;
import static dev.fluxboot.bootstrap.Products.INSTALL;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;
import static dev.fluxboot.bootstrap.Products.UNINSTALL_REPORT;

/**
 * The workflows, each a list of named steps: the one place that decides which steps run in which
 * order. Each workflow declares its input products; the steps' needs are checked against them when
 * the workflow is built.
 */
public final class Workflows {

    private Workflows() {
    }

    /** {@code install --export}: the components for the options, nothing else touched. */
    public static Workflow export() {
        return new Workflow("install", Set.of(INSTALL),
                List.of(new ResolveManifests(Voice.QUIET), new GenerateComponents(Voice.QUIET)));
    }

    /**
     * {@code install}: resolve the bundle, generate the components, check the Flux already there,
     * apply, create the image pull secret and wait for the controllers.
     */
    public static Workflow install(InstallRequest request) {
        List<Step> steps = new ArrayList<>(List.of(new ResolveManifests(Voice.INSTALL),
                new GenerateComponents(Voice.INSTALL), new ConnectCluster(), new CheckExistingFlux(),
                new ApplyComponents()));
        if (request.registryCredentials().isPresent()) {
            steps.add(new ApplyImagePullSecret(Voice.INSTALL));
        }
        steps.add(new VerifyInstallation());
        return new Workflow("install", Set.of(INSTALL, CONNECTION), steps);
    }

    /** {@code install --dry-run}: what the apply would create or configure; nothing is changed and nothing asked. */
    public static Workflow installDryRun() {
        return new Workflow("install --dry-run", Set.of(INSTALL, CONNECTION),
                List.of(new ResolveManifests(Voice.INSTALL), new GenerateComponents(Voice.INSTALL),
                        new ConnectCluster(), new PlanInstall()));
    }

    /**
     * {@code bootstrap}: the pipeline of DESIGN.md, steps 1 to 9. The forge's steps (the repository,
     * the deploy key or token) run only for forge commands.
     */
    public static Workflow bootstrap(BootstrapRequest request) {
        boolean forge = request.forge().isPresent();
        List<Step> steps = new ArrayList<>(List.of(new ConnectCluster(), new CheckCluster(), new CheckSyncPath()));
        steps.addAll(locateRepository(forge));
        steps.add(new ResolveSourceCredentials());
        steps.add(new CloneRepository());
        steps.add(new ResolveManifests(Voice.BOOTSTRAP));
        steps.add(new GenerateComponents(Voice.BOOTSTRAP));
        steps.add(new CheckUserKustomization());
        steps.add(new CommitComponents());
        steps.add(new InstallComponents());
        if (request.install().registryCredentials().isPresent()) {
            steps.add(new ApplyImagePullSecret(Voice.BOOTSTRAP));
        }
        if (forge && request.forge().get().deployTokenAuth()) {
            steps.add(new ReconcileDeployToken());
        }
        steps.add(new ReconcileSourceSecret());
        if (forge) {
            steps.add(new RegisterDeployKey());
        }
        steps.add(new CommitSyncManifests());
        steps.add(new ApplySyncManifests());
        steps.add(new WaitForSync());
        steps.add(new WaitForComponents());
        return new Workflow("bootstrap", input(forge), steps);
    }

    /**
     * {@code bootstrap --dry-run}: the checks, the forge's changes as a dry run, the fetch, both
     * commits in the local copy only (recorded as a diff), then a server-side dry run of what would
     * be applied. Nothing is pushed, applied, registered or generated, and nothing is asked.
     */
    public static Workflow bootstrapDryRun(BootstrapRequest request) {
        boolean forge = request.forge().isPresent();
        List<Step> steps = new ArrayList<>(List.of(new ConnectCluster(), new CheckCluster(), new CheckSyncPath()));
        steps.addAll(locateRepository(forge));
        steps.add(new ResolveSourceCredentials());
        steps.add(new CloneRepository());
        steps.add(new ResolveManifests(Voice.BOOTSTRAP));
        steps.add(new GenerateComponents(Voice.BOOTSTRAP));
        steps.add(new CheckUserKustomization());
        steps.add(new CommitComponents());
        steps.add(new CommitSyncManifests());
        steps.add(new ShowGitChanges());
        steps.add(new PlanCluster());
        if (forge) {
            steps.add(new RegisterDeployKey());
        }
        return new Workflow("bootstrap --dry-run", input(forge), steps);
    }

    /**
     * The files a bootstrap would leave in the cluster's folder (a Terraform plan): the checks, the
     * fetch and both commits in the local copy only. Nothing is pushed, applied, generated or asked.
     */
    public static Workflow bootstrapFiles(BootstrapRequest request) {
        boolean forge = request.forge().isPresent();
        List<Step> steps = new ArrayList<>(List.of(new ConnectCluster(), new CheckSyncPath()));
        steps.addAll(locateRepository(forge));
        steps.add(new ResolveSourceCredentials());
        steps.add(new CloneRepository());
        steps.add(new ResolveManifests(Voice.QUIET));
        steps.add(new GenerateComponents(Voice.QUIET));
        steps.add(new CheckUserKustomization());
        steps.add(new CommitComponents(false));
        steps.add(new CommitSyncManifests());
        return new Workflow("bootstrap files", input(forge), steps);
    }

    /**
     * A bootstrap as it stands (a Terraform refresh): the branch fetched and the cluster's sync
     * objects read. Nothing is changed.
     */
    public static Workflow inspectBootstrap(BootstrapRequest request) {
        boolean forge = request.forge().isPresent();
        List<Step> steps = new ArrayList<>(List.of(new ConnectCluster(), new InspectSync()));
        steps.addAll(locateRepository(forge));
        steps.add(new ResolveSourceCredentials());
        steps.add(new CloneRepository());
        return new Workflow("inspect bootstrap", input(forge), steps);
    }

    /** The sync objects of a namespace and the release of its Flux (a Terraform import). */
    public static Workflow inspectSync() {
        return new Workflow("inspect sync", Set.of(INSTALL, CONNECTION), List.of(new ConnectCluster(), new InspectSync()));
    }

    /**
     * {@code uninstall}: the question, then (with {@code --from-git git}) the credentials, read
     * before the Secret goes, the cluster's Flux, and the cluster's folder in Git (and, on a forge,
     * its deploy key). Every part is tried; the failures are collected in the report.
     */
    public static Workflow uninstall(UninstallRequest request) {
        List<Step> steps = new ArrayList<>(List.of(new ConnectCluster(), new SurveyInstallation(), new ConfirmUninstall()));
        Set<Product<?>> input = Set.of(UNINSTALL, UNINSTALL_REPORT, CONNECTION);
        boolean plain = request.fromGit().flatMap(UninstallRequest.FromGit::plain).isPresent();
        boolean forge = request.fromGit().flatMap(UninstallRequest.FromGit::forge).isPresent();
        if (plain) {
            steps.add(new ResolveRemovalRemote());
        }
        steps.add(new UninstallFlux());
        if (plain) {
            steps.add(new RemoveFluxFolder());
        }
        if (forge) {
            steps.add(new ConnectForge());
            steps.add(new RemoveFromForge());
            input = Set.of(UNINSTALL, UNINSTALL_REPORT, CONNECTION, FORGE_REQUEST);
        }
        return new Workflow("uninstall", input, steps);
    }

    private static List<Step> locateRepository(boolean forge) {
        return forge ? List.of(new ConnectForge(), new ReconcileRepository()) : List.of(new LocateRepository());
    }

    private static Set<Product<?>> input(boolean forge) {
        return forge ? Set.of(BOOTSTRAP, INSTALL, CONNECTION, FORGE_REQUEST) : Set.of(BOOTSTRAP, INSTALL, CONNECTION);
    }
}
