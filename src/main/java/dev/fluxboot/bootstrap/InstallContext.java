package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.overlay.GeneratedComponents;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the install steps share: the request, the collaborators, and what earlier steps
 * produced (the bundle, the generated components, the open cluster connection). Closing it
 * closes the cluster connection if one was opened.
 */
public final class InstallContext implements WorkflowContext, AutoCloseable {

    private final InstallRequest request;
    private final InstallServices services;
    private final Reporter reporter;
    private final Prompter prompter;
    private final Clock clock;
    private final Instant deadline;

    private Bundle bundle;
    private GeneratedComponents components;
    private Cluster cluster;
    private final PendingChanges pending = new PendingChanges();

    public InstallContext(InstallRequest request, InstallServices services, Reporter reporter, Prompter prompter,
                          Clock clock) {
        this.request = request;
        this.services = services;
        this.reporter = reporter;
        this.prompter = prompter;
        this.clock = clock;
        this.deadline = clock.instant().plus(request.timeout());
    }

    public InstallRequest request() {
        return request;
    }

    public InstallServices services() {
        return services;
    }

    @Override
    public Reporter reporter() {
        return reporter;
    }

    @Override
    public boolean verbose() {
        return request.verbose();
    }

    public Prompter prompter() {
        return prompter;
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

    /** The cluster, connected on first use with {@code --kubeconfig} and {@code --context}. */
    public Cluster cluster() {
        if (cluster == null) {
            cluster = services.clusters().connect(request.kubeconfig(), request.context());
        }
        return cluster;
    }

    /** What a dry run found would change. */
    public PendingChanges pending() {
        return pending;
    }

    /** What is left of {@code --timeout}; a usage of it after the deadline fails naming the flag. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new FluxbootException("install did not finish within --timeout: raise it, e.g. --timeout=10m");
        }
        return left;
    }

    @Override
    public void close() {
        Optional.ofNullable(cluster).ifPresent(Cluster::close);
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("no " + what + " yet: a step runs before the one that makes it");
        }
        return value;
    }
}
