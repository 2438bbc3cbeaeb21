package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.overlay.GeneratedComponents;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the bootstrap steps share: the request, the collaborators, and what earlier steps
 * produced (credentials, the fetched branch, the bundle and components, the open cluster).
 * Closing it deletes the local copy of the branch and closes the cluster connection.
 */
public final class BootstrapContext implements WorkflowContext, AutoCloseable {

    private final BootstrapRequest request;
    private final BootstrapServices services;
    private final Reporter reporter;
    private final Prompter prompter;
    private final Clock clock;
    private final Instant deadline;
    private final boolean dryRun;
    private final PendingChanges pending = new PendingChanges();
    private String fetchedTip;
    private boolean newKeyPending;

    private Cluster cluster;
    private RemoteRepository hostRepository;
    private SourceCredentials credentials;
    private RemoteBranch branch;
    private Bundle bundle;
    private GeneratedComponents components;

    public BootstrapContext(BootstrapRequest request, BootstrapServices services, Reporter reporter, Prompter prompter,
                            Clock clock) {
        this(request, services, reporter, prompter, clock, false);
    }

    /** @param dryRun {@code --dry-run}: the steps change nothing and list what they would change */
    public BootstrapContext(BootstrapRequest request, BootstrapServices services, Reporter reporter, Prompter prompter,
                            Clock clock, boolean dryRun) {
        this.dryRun = dryRun;
        this.request = request;
        this.services = services;
        this.reporter = reporter;
        this.prompter = prompter;
        this.clock = clock;
        this.deadline = clock.instant().plus(request.install().timeout());
    }

    public BootstrapRequest request() {
        return request;
    }

    public BootstrapServices services() {
        return services;
    }

    @Override
    public Reporter reporter() {
        return reporter;
    }

    @Override
    public boolean verbose() {
        return request.install().verbose();
    }

    /** {@code --dry-run}: nothing is pushed, applied or registered; the steps list what would be. */
    public boolean dryRun() {
        return dryRun;
    }

    /** What a dry run found would change. */
    public PendingChanges pending() {
        return pending;
    }

    /** The branch's tip as fetched, before any commit here; empty for a new history. */
    public java.util.Optional<String> fetchedTip() {
        return java.util.Optional.ofNullable(fetchedTip);
    }

    void fetchedTip(java.util.Optional<String> tip) {
        this.fetchedTip = tip.orElse(null);
    }

    /** A dry run in which a new SSH key would be generated for the source secret (and not generated). */
    public boolean newKeyPending() {
        return newKeyPending;
    }

    void newKeyPending(boolean pending) {
        this.newKeyPending = pending;
    }

    public Prompter prompter() {
        return prompter;
    }

    public String namespace() {
        return request.namespace();
    }

    /** The cluster, connected on first use with {@code --kubeconfig} and {@code --context}. */
    public Cluster cluster() {
        if (cluster == null) {
            cluster = services.install().clusters().connect(request.install().kubeconfig(), request.install().context());
        }
        return cluster;
    }

    /** The repository as the Git host reported it (forge commands); empty for plain Git. */
    public Optional<RemoteRepository> hostRepository() {
        return Optional.ofNullable(hostRepository);
    }

    public void hostRepository(RemoteRepository repository) {
        this.hostRepository = repository;
    }

    public SourceCredentials credentials() {
        return require(credentials, "source credentials");
    }

    public void credentials(SourceCredentials resolved) {
        this.credentials = resolved;
    }

    public RemoteBranch branch() {
        return require(branch, "fetched branch");
    }

    public void branch(RemoteBranch fetched) {
        if (branch != null) {
            branch.close();
        }
        this.branch = fetched;
    }

    public Bundle bundle() {
        return require(bundle, "bundle");
    }

    public void bundle(Bundle resolved) {
        this.bundle = resolved;
    }

    public GeneratedComponents components() {
        return require(components, "components");
    }

    public void components(GeneratedComponents generated) {
        this.components = generated;
    }

    /** What is left of {@code --timeout}; asking after the deadline fails naming the flag. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new FluxbootException("bootstrap did not finish within --timeout="
                    + GoDuration.format(request.install().timeout()) + ": raise it, e.g. --timeout=10m, and re-run");
        }
        return left;
    }

    Clock clock() {
        return clock;
    }

    Instant deadline() {
        return deadline;
    }

    @Override
    public void close() {
        try {
            if (branch != null) {
                branch.close();
            }
        } finally {
            Optional.ofNullable(cluster).ifPresent(Cluster::close);
        }
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("no " + what + " yet: a step runs before the one that makes it");
        }
        return value;
    }
}
