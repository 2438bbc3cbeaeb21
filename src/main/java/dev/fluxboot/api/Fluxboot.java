package dev.fluxboot.api;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.BootstrapRequest;
import dev.fluxboot.bootstrap.ForgeRequest;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.PlannedChange;
import dev.fluxboot.bootstrap.Products;
import dev.fluxboot.bootstrap.Run;
import dev.fluxboot.bootstrap.SyncSurvey;
import dev.fluxboot.bootstrap.UninstallReport;
import dev.fluxboot.bootstrap.UninstallRequest;
import dev.fluxboot.bootstrap.Workflow;
import dev.fluxboot.bootstrap.Workflows;
import dev.fluxboot.bootstrap.World;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.EarlyClusterConnector;
import dev.fluxboot.cluster.FluxChecks;
import dev.fluxboot.cluster.FluxClusterInfo;
import dev.fluxboot.cluster.FluxComponentVersions;
import dev.fluxboot.cluster.FluxExporter;
import dev.fluxboot.cluster.FluxKind;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.cluster.KubernetesVersionRequirement;
import dev.fluxboot.git.ScratchSpace;
import dev.fluxboot.net.Sleeper;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * fluxboot as a library: install, bootstrap, plan (dry run), uninstall, check and export, each one
 * call with an immutable spec. One instance holds the outside world (the Kubernetes connector, the Git
 * client with the environment's proxies, the forges' clients, the release bundles and their cache),
 * built once; it is safe to use from several threads, one operation per thread. Progress goes to the
 * {@link Reporter}; failures are {@link FluxbootException}s whose one-line message names what was
 * wrong and how to fix it ({@link UsageException} for a bad value, before anything runs).
 *
 * <pre>{@code
 * Fluxboot flux = Fluxboot.builder().reporter(ConsoleReporter.forEnvironment(System.out, System.err, System.getenv())).build();
 * BootstrapResult result = flux.bootstrap(BootstrapSpec.builder()
 *         .url("ssh://git@git.example.com/org/fleet.git")
 *         .path("clusters/prod")
 *         .credentials(GitCredentials.builder().privateKeyFile(Path.of("id_ed25519")).build())
 *         .silent(true)
 *         .build());
 * }</pre>
 */
public final class Fluxboot {

    private final World world;
    private final Reporter reporter;
    private final Prompter prompter;
    private final boolean verbose;
    private final BuildInfo build;
    private final Requests requests;

    private Fluxboot(Builder builder) {
        World created = World.create(builder.environment, builder.reporter);
        if (builder.clock != null) {
            created = created.withClock(builder.clock);
        }
        if (builder.sleeper != null) {
            created = created.withSleeper(builder.sleeper);
        }
        if (builder.pollInterval != null) {
            created = created.withPollInterval(builder.pollInterval);
        }
        if (builder.scratchDirectory != null) {
            created = created.withScratch(ScratchSpace.at(builder.scratchDirectory));
        }
        this.world = created;
        this.reporter = builder.reporter;
        this.prompter = builder.prompter;
        this.verbose = builder.verbose;
        this.build = builder.build;
        this.requests = new Requests(build, builder.environment, reporter);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fluxboot version and the Flux release it installs by default. */
    public BuildInfo build() {
        return build;
    }

    /** Checks a spec as {@link #bootstrap} would, reading the files it names; runs nothing. */
    public void validate(BootstrapSpec spec) {
        requests.bootstrap(spec);
    }

    /** Checks a spec as {@link #install} would; runs nothing. */
    public void validate(InstallSpec spec) {
        requests.install(spec);
    }

    /** Checks a spec as {@link #migrate} would; runs nothing. */
    public void validate(MigrateSpec spec) {
        Migrations.check(spec, build);
    }

    /** Checks a spec as {@link #uninstall} would; runs nothing. */
    public void validate(UninstallSpec spec) {
        requests.uninstall(spec);
        requests.uninstallForge(spec);
    }

    /** {@code install --export}: gotk-components.yaml for the spec's release and options; no cluster is touched. */
    public String renderComponents(InstallSpec spec) {
        InstallRequest request = requests.install(spec);
        return run(Workflows.export(), start("install", spec.timeout(), false).input(Products.INSTALL, request),
                Cancellation.none(), run -> run.get(Products.COMPONENTS).yaml());
    }

    public InstallResult install(InstallSpec spec) {
        return install(spec, Cancellation.none());
    }

    /** {@code install}: the components applied, the controllers available. */
    public InstallResult install(InstallSpec spec, Cancellation cancellation) {
        InstallRequest request = requests.install(spec);
        return run(Workflows.install(request), install(request, spec.timeout(), false), cancellation,
                run -> new InstallResult(run.get(Products.BUNDLE).version()));
    }

    public Plan plan(InstallSpec spec) {
        return plan(spec, Cancellation.none());
    }

    /** {@code install --dry-run}: what the install would create or change; nothing changes. */
    public Plan plan(InstallSpec spec, Cancellation cancellation) {
        InstallRequest request = requests.install(spec);
        return run(Workflows.installDryRun(), install(request, spec.timeout(), true), cancellation, Fluxboot::plan);
    }

    public BootstrapResult bootstrap(BootstrapSpec spec) {
        return bootstrap(spec, Cancellation.none());
    }

    /** {@code bootstrap}: the whole pipeline, until Flux reconciles itself from the repository. */
    public BootstrapResult bootstrap(BootstrapSpec spec, Cancellation cancellation) {
        return bootstrapRun(spec, false, Workflows::bootstrap, cancellation,
                (request, run) -> new BootstrapResult(run.get(Products.BUNDLE).version(), request.target().branch() + "@sha1:"
                        + run.get(Products.BRANCH).head().orElse(""),
                        request.target().managedFiles(run.get(Products.BRANCH), request.namespace())));
    }

    /**
     * The files a {@link #bootstrap} with this spec would leave in the cluster's folder
     * (gotk-components.yaml, gotk-sync.yaml, kustomization.yaml), by path from the repository root:
     * what a Terraform plan shows. The branch is fetched and the commits made in a local copy only;
     * nothing is pushed, applied or generated.
     */
    public SortedMap<String, String> repositoryFiles(BootstrapSpec spec, Cancellation cancellation) {
        return bootstrapRun(spec, true, Workflows::bootstrapFiles, cancellation,
                (request, run) -> request.target().managedFiles(run.get(Products.BRANCH), request.namespace()));
    }

    /**
     * The bootstrap as it stands: its files in the branch now and what the cluster says of Flux
     * and its sync objects (a Terraform refresh). Nothing is changed.
     */
    public BootstrapState inspect(BootstrapSpec spec, Cancellation cancellation) {
        return bootstrapRun(spec, true, Workflows::inspectBootstrap, cancellation, (request, run) -> {
            SyncSurvey survey = run.get(Products.SYNC_SURVEY);
            return new BootstrapState(request.target().managedFiles(run.get(Products.BRANCH), request.namespace()),
                    survey.installed(), survey.version(), survey.problems());
        });
    }

    /**
     * The bootstrap in {@code namespace} as the cluster describes it (to adopt it: {@code terraform import}).
     * Fails with one line when that namespace has no bootstrapped Flux.
     */
    public InstalledBootstrap findBootstrap(ClusterAccess cluster, String namespace, Duration timeout,
                                            Cancellation cancellation) {
        InstallRequest request = requests.install(InstallSpec.builder().cluster(cluster).namespace(namespace)
                .timeout(timeout).build());
        return run(Workflows.inspectSync(), install(request, timeout, true), cancellation, run -> {
            SyncSurvey survey = run.get(Products.SYNC_SURVEY);
            SyncSurvey.Sync sync = survey.sync().orElseThrow(() -> new FluxbootException("namespace \"" + namespace
                    + "\" has no bootstrapped Flux (" + String.join("; ", survey.problems()) + "): bootstrap it "
                    + "first, or name the namespace Flux was bootstrapped into"));
            return new InstalledBootstrap(namespace, sync.url(), sync.branch(), sync.path(), sync.interval(),
                    sync.secretName(), sync.recurseSubmodules(), survey.version());
        });
    }

    public Plan plan(BootstrapSpec spec) {
        return plan(spec, Cancellation.none());
    }

    /** {@code bootstrap --dry-run}: the Git diff, the cluster plan and the forge changes; nothing changes. */
    public Plan plan(BootstrapSpec spec, Cancellation cancellation) {
        return bootstrapRun(spec, true, Workflows::bootstrapDryRun, cancellation, (request, run) -> plan(run));
    }

    public UninstallResult uninstall(UninstallSpec spec) {
        return uninstall(spec, Cancellation.none());
    }

    /** {@code uninstall}: every part is tried; what could not be removed is in the result. */
    public UninstallResult uninstall(UninstallSpec spec, Cancellation cancellation) {
        UninstallRequest request = requests.uninstall(spec);
        Optional<ForgeRequest> forge = requests.uninstallForge(spec);
        if (!spec.dryRun() && !spec.silent() && !prompter.interactive()) {
            throw new FluxbootException("there is no terminal to confirm the uninstall: rerun with --silent to "
                    + "delete Flux without asking, or with --dry-run to see what would be deleted");
        }
        UninstallReport report = new UninstallReport();
        Run.Builder run = start("uninstall", spec.timeout(), spec.dryRun())
                .input(Products.UNINSTALL, request)
                .input(Products.UNINSTALL_REPORT, report)
                .input(Products.CONNECTION, Requests.connection(spec.cluster()));
        forge.ifPresent(value -> run.input(Products.FORGE_REQUEST, value));
        return run(Workflows.uninstall(request), run, cancellation,
                finished -> new UninstallResult(report.failures(), plan(finished)));
    }

    /** {@code migrate --dry-run}: what would move, in the cluster or in the files of {@link MigrateSpec#path()}. */
    public MigrationPlan planMigration(MigrateSpec spec) {
        return new Migrations(world, reporter, build).plan(spec);
    }

    /**
     * {@code migrate}: Flux's custom resources moved to the API versions the release serves, in the cluster
     * (stored objects rewritten, old versions trimmed) or in files ({@code apiVersion} rewritten).
     *
     * @return what moved, one line each (files, or CRDs); empty when nothing needed to
     */
    public List<String> migrate(MigrateSpec spec) {
        return new Migrations(world, reporter, build).migrate(spec);
    }

    /**
     * {@code check}: the prerequisites (Kubernetes version, permissions) and, unless {@link CheckSpec#pre()},
     * the installation (controllers, CRDs). Each check is reported as it runs.
     *
     * @return whether every check passed
     */
    public boolean check(CheckSpec spec) {
        Requests.namespace(spec.namespace());
        Requests.timeout(spec.timeout());
        Optional<String> requested = spec.version();
        if (requested.isPresent() && KubernetesVersionRequirement.forFlux(requested.get()).isEmpty()) {
            throw new UsageException("--version \"" + requested.get() + "\" is not a Flux 2 release: use e.g. --version="
                    + build.defaultFluxVersion());
        }
        try (Cluster cluster = world.clusters().connect(Requests.connection(spec.cluster()), spec.timeout())) {
            FluxChecks checks = new FluxChecks(cluster, reporter);
            String fluxVersion = requested.orElseGet(() -> spec.pre() ? build.defaultFluxVersion()
                    : installedVersion(cluster).orElse(build.defaultFluxVersion()));
            boolean passed = checks.prerequisites(fluxVersion);
            if (spec.pre()) {
                return passed;
            }
            return checks.installation(spec.namespace(), spec.timeout()) && passed;
        }
    }

    /** {@code export}: the objects as YAML documents, each after {@code ---}; empty when there are none. */
    public String export(ExportSpec spec) {
        FluxKind kind = Arrays.stream(FluxKind.values()).filter(k -> k.kind().equalsIgnoreCase(spec.kind())).findFirst()
                .orElseThrow(() -> new UsageException("unknown Flux kind \"" + spec.kind() + "\""));
        Requests.namespace(spec.namespace());
        try (Cluster cluster = world.clusters().connect(Requests.connection(spec.cluster()), spec.timeout())) {
            FluxExporter exporter = new FluxExporter(cluster);
            List<Map<String, Object>> documents = spec.name().isPresent()
                    ? exporter.exportOne(kind, spec.namespace(), spec.name().get(), spec.withCredentials())
                    : exporter.exportAll(kind, spec.allNamespaces() ? Optional.empty() : Optional.of(spec.namespace()),
                            spec.withCredentials());
            return FluxExporter.toYaml(documents);
        }
    }

    /** {@code version --client}: fluxboot's version and the Flux release it installs by default. */
    public VersionReport versions() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("fluxboot", build.toolVersion());
        info.put("flux", build.defaultFluxVersion());
        return new VersionReport(info);
    }

    /** {@code version}: as {@link #versions()}, with the cluster's distribution (when known) and each controller's image tag. */
    public VersionReport versions(ClusterAccess access, String namespace, Duration timeout) {
        Requests.namespace(namespace);
        Map<String, String> info = new LinkedHashMap<>(versions().entries());
        try (Cluster cluster = world.clusters().connect(Requests.connection(access), Requests.timeout(timeout))) {
            FluxComponentVersions versions = FluxComponentVersions.read(cluster, namespace);
            versions.distribution().ifPresent(distribution -> info.put("distribution", distribution));
            info.putAll(versions.controllers());
        }
        return new VersionReport(info);
    }

    /**
     * The namespace of the kubeconfig context the access selects ({@code --ns-follows-kube-context}),
     * read from the kubeconfig files only (nothing is sent to the cluster). Empty when the context
     * sets none, or when the kubeconfig cannot be read (the run itself then reports why).
     */
    public static Optional<String> contextNamespace(ClusterAccess access, Map<String, String> environment) {
        return KubeClusters.contextNamespace(Requests.connection(access), environment);
    }

    /** The installed Flux is checked against its own requirement; an unreachable cluster is reported by the checks. */
    private static Optional<String> installedVersion(Cluster cluster) {
        try {
            return FluxClusterInfo.read(cluster).flatMap(FluxClusterInfo::version)
                    .filter(v -> KubernetesVersionRequirement.forFlux(v).isPresent());
        } catch (FluxbootException e) {
            return Optional.empty();
        }
    }

    /**
     * A bootstrap workflow whose cluster connection opens on another thread while the rest of the
     * spec (the SSH key above all) is read and checked.
     */
    private <T> T bootstrapRun(BootstrapSpec spec, boolean dryRun, Function<BootstrapRequest, Workflow> workflow,
                               Cancellation cancellation, BiFunction<BootstrapRequest, Run, T> result) {
        try (EarlyClusterConnector early = new EarlyClusterConnector(world.clusters())) {
            BootstrapRequest request = requests.bootstrap(spec,
                    install -> early.start(install.connection(), Requests.timeout(spec.install().timeout())));
            Run.Builder builder = bootstrap(request, spec, dryRun, world.withClusters(early));
            return run(workflow.apply(request), builder, cancellation, run -> result.apply(request, run));
        }
    }

    private Run.Builder start(String name, Duration timeout, boolean dryRun) {
        return start(name, timeout, dryRun, world);
    }

    private Run.Builder start(String name, Duration timeout, boolean dryRun, World world) {
        return Run.builder(name, world, reporter).prompter(prompter).timeout(Requests.timeout(timeout)).dryRun(dryRun)
                .verbose(verbose);
    }

    private Run.Builder install(InstallRequest request, Duration timeout, boolean dryRun) {
        return start("install", timeout, dryRun)
                .input(Products.INSTALL, request)
                .input(Products.CONNECTION, request.connection());
    }

    private Run.Builder bootstrap(BootstrapRequest request, BootstrapSpec spec, boolean dryRun, World world) {
        Run.Builder run = start("bootstrap", spec.install().timeout(), dryRun, world)
                .input(Products.BOOTSTRAP, request)
                .input(Products.INSTALL, request.install())
                .input(Products.CONNECTION, request.install().connection());
        request.forge().ifPresent(forge -> run.input(Products.FORGE_REQUEST, forge));
        return run;
    }

    private static <T> T run(Workflow workflow, Run.Builder builder, Cancellation cancellation,
                             Function<Run, T> result) {
        try (Cancellation.Scope scope = cancellation.enter();
             Run run = builder.cancelled(cancellation::isCancelled).build()) {
            workflow.run(run);
            return result.apply(run);
        }
    }

    private static Plan plan(Run run) {
        return new Plan(run.plan().entries().stream().map(Fluxboot::change).toList());
    }

    private static Plan.Change change(PlannedChange change) {
        Plan.Area area = switch (change.area()) {
            case GIT -> Plan.Area.GIT;
            case CLUSTER -> Plan.Area.CLUSTER;
            case HOST -> Plan.Area.FORGE;
        };
        return new Plan.Change(area, change.text(), change.changes());
    }

    /** How a {@link Fluxboot} talks to the world; everything has a default. */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private Reporter reporter = Reporter.silent();
        private Prompter prompter = Prompter.none();
        private boolean verbose;
        private BuildInfo build = BuildInfo.ofThisBuild();
        private Clock clock;
        private Sleeper sleeper;
        private Duration pollInterval;
        private Path scratchDirectory;

        private Builder() {
        }

        /**
         * The environment variables the engine reads ({@code KUBECONFIG}, {@code HOME}, {@code HTTPS_PROXY},
         * {@code NO_PROXY}, {@code SSL_CERT_FILE}, the cache folders); default: the process's.
         */
        public Builder environment(Map<String, String> value) {
            environment = Map.copyOf(Objects.requireNonNull(value, "environment"));
            return this;
        }

        /** Where progress goes; default: nowhere. */
        public Builder reporter(Reporter value) {
            reporter = Objects.requireNonNull(value, "reporter");
            return this;
        }

        /** Who answers questions (a Helm takeover, a new key's access); default: nobody, so they fail with the flag to pass. */
        public Builder prompter(Prompter value) {
            prompter = Objects.requireNonNull(value, "prompter");
            return this;
        }

        /** Report each step and each object changed. */
        public Builder verbose(boolean value) {
            verbose = value;
            return this;
        }

        public Builder build(BuildInfo value) {
            build = Objects.requireNonNull(value, "build");
            return this;
        }

        /** The clock of deadlines and reconcile requests (tests: a fixed one). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How waits pause (tests: one that records and moves the clock). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** How often waits read the objects they wait for (default 500 ms). */
        public Builder pollInterval(Duration value) {
            pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        /**
         * Where runs keep their temporary Git copies (default {@code <tmp>/fluxboot-<user>}); each is removed
         * when its run ends, and what a killed run left is removed by the next.
         */
        public Builder scratchDirectory(Path value) {
            scratchDirectory = Objects.requireNonNull(value, "scratchDirectory");
            return this;
        }

        public Fluxboot build() {
            return new Fluxboot(this);
        }
    }
}
