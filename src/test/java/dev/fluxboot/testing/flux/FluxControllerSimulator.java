package dev.fluxboot.testing.flux;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Plays, against the test API server (which has no controllers), the parts of the Flux
 * controllers and of kube-controller-manager that a bootstrap waits for, in one namespace:
 * <ul>
 *   <li><b>source-controller</b>: each GitRepository's {@code spec.ref.branch} of {@code spec.url}
 *       is really fetched through the product's git layer ({@code dev.fluxboot.git}) with the
 *       Secret of {@code spec.secretRef} read from the cluster ({@code identity},
 *       {@code known_hosts} and optional {@code password} for ssh; {@code bearerToken} or
 *       {@code username}/{@code password}, optional {@code ca.crt}, for http(s)). So a wrong
 *       deploy key, an unregistered key or a wrong known_hosts makes it fail. Success:
 *       {@code status.artifact} ({@code revision: <branch>@sha1:<sha>}, digest, path, url,
 *       lastUpdateTime, size), {@code observedGeneration}, conditions {@code Ready=True} and
 *       {@code ArtifactInStorage=True}, reason {@code Succeeded}, message
 *       {@code stored artifact for revision '<branch>@sha1:<sha>'}. Failure: {@code Ready=False}
 *       and {@code FetchFailed=True}, reason {@code GitOperationFailed} (or
 *       {@code AuthenticationFailed} for an unusable Secret) with the git error; the previous
 *       artifact and observedGeneration stay, as in Flux. (A new object's observedGeneration is the
 *       CRD default -1, so a waiter that, like {@code flux bootstrap}, ignores conditions until
 *       observedGeneration = generation sees a failed first fetch only as a timeout.)</li>
 *   <li><b>kustomize-controller</b>: once the source GitRepository has an artifact this simulator
 *       fetched, a Kustomization whose {@code spec.path} exists in it gets
 *       {@code lastAttemptedRevision} = {@code lastAppliedRevision} = the artifact revision,
 *       {@code observedGeneration} and {@code Ready=True} reason {@code ReconciliationSucceeded}
 *       message {@code Applied revision: <rev>}. A missing path gives {@code Ready=False} reason
 *       {@code ArtifactFailed} (kustomize-controller's reason for it) message
 *       {@code kustomization path not found: stat /tmp/kustomization-N/<path>: no such file or directory}.
 *       Nothing is applied to the cluster.</li>
 *   <li><b>kube-controller-manager</b>: every Deployment rolls out at once: {@code replicas},
 *       {@code updatedReplicas}, {@code readyReplicas}, {@code availableReplicas} =
 *       {@code spec.replicas} (default 1), {@code observedGeneration}, {@code Available=True}
 *       (MinimumReplicasAvailable), {@code Progressing=True} (NewReplicaSetAvailable).</li>
 * </ul>
 * Objects with {@code spec.suspend: true} get no new status, as in Flux; the annotation
 * {@code reconcile.fluxcd.io/requestedAt} makes a GitRepository fetch at once, and is echoed in
 * {@code status.lastHandledReconcileAt}. Statuses go through the status subresource and are
 * written only when they change. A GitRepository is fetched again when its generation, its
 * request annotation or its Secret changed, and at least every {@link #REFETCH_INTERVAL}, so a
 * branch that moved is seen within about a second.
 *
 * <pre>{@code
 * try (FluxControllerSimulator flux = new FluxControllerSimulator(kube.client(), "flux-system").start()) {
 *     // ... run the bootstrap, which waits for Ready=True at the revision it pushed ...
 *     assertThat(flux.lastRevision(Kind.KUSTOMIZATION, "flux-system")).contains("main@sha1:" + pushedSha);
 *
 *     flux.inject(Kind.KUSTOMIZATION, "flux-system", Fault.notReady("HealthCheckFailed", "timeout waiting for: ..."));
 *     flux.inject(Kind.DEPLOYMENT, "source-controller", Fault.progressDeadlineExceeded());
 *     flux.inject(Kind.GIT_REPOSITORY, "flux-system", Fault.neverReady());   // the bootstrap's wait times out
 *     flux.pause();   // no reconciliation at all until resume(), e.g. "the controllers were down"
 * }
 * }</pre>
 *
 * Without {@link #start()}, nothing runs in the background: call {@link #reconcileNow()} (or
 * {@link #awaitRevision}) where a test wants the controllers to act. Thread-safe.
 *
 * <p>Limits: GitRepository {@code spec.ref.branch} only (no tag, semver, commit, include,
 * verification); Kustomization sources of kind GitRepository only; no finalizers, no inventory,
 * no health checks, no dependsOn; the artifact digest and size are computed from the files, not
 * from a tarball; Deployments never go through intermediate rollout states.
 */
public final class FluxControllerSimulator implements AutoCloseable {

    /** What the simulator reconciles. */
    public enum Kind {
        GIT_REPOSITORY("GitRepository"), KUSTOMIZATION("Kustomization"), DEPLOYMENT("Deployment");

        private final String kubernetesKind;

        Kind(String kubernetesKind) {
            this.kubernetesKind = kubernetesKind;
        }

        @Override
        public String toString() {
            return kubernetesKind;
        }
    }

    /** Pause between two background passes over all objects. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** Longest time between two fetches of an unchanged GitRepository in the background. */
    public static final Duration REFETCH_INTERVAL = Duration.ofSeconds(1);

    private final String namespace;
    private final Ledger ledger = new Ledger();
    private final SourceController sources;
    private final KustomizeController kustomizations;
    private final DeploymentController deployments;
    private final ReentrantLock passLock = new ReentrantLock();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean paused;
    private volatile Thread thread;
    /** Advances one phase at the end of each background pass, paused ones included. */
    private final Phaser backgroundPasses = new Phaser(1);

    /**
     * A simulator for the objects of one namespace (the bootstrap's, e.g. {@code flux-system});
     * nothing runs until {@link #start()} or {@link #reconcileNow()}.
     *
     * @param client an admin client of the cluster; not closed by the simulator
     */
    public FluxControllerSimulator(KubernetesClient client, String namespace) {
        Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        Clock clock = Clock.systemUTC();
        ArtifactStore artifacts = new ArtifactStore();
        this.sources = new SourceController(client, namespace, ledger, artifacts, clock, REFETCH_INTERVAL);
        this.kustomizations = new KustomizeController(client, namespace, ledger, artifacts, clock);
        this.deployments = new DeploymentController(client, namespace, ledger, clock);
    }

    /** Starts reconciling in a background thread every {@link #POLL_INTERVAL}; returns this. */
    public synchronized FluxControllerSimulator start() {
        if (thread != null) {
            throw new IllegalStateException("the simulator was already started");
        }
        Thread background = new Thread(this::run, "flux-controller-simulator-" + namespace);
        background.setDaemon(true);
        thread = background;
        background.start();
        return this;
    }

    /**
     * One pass over every GitRepository (each fetched now), Kustomization and Deployment of the
     * namespace, in that order, in the calling thread. Does nothing while {@link #pause() paused}.
     * Errors of the API server are thrown (in the background they are kept in {@link #internalErrors()}).
     */
    public void reconcileNow() {
        pass(true, null, null, true);
    }

    /** As {@link #reconcileNow()}, for one object (a GitRepository is fetched now). */
    public void reconcileNow(Kind kind, String name) {
        pass(true, Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(name, "name"), true);
    }

    /** From the next pass on, {@code kind/name} of the namespace behaves as {@code fault} says instead of healthily. */
    public void inject(Kind kind, String name, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault.type() == Fault.Type.PROGRESS_DEADLINE_EXCEEDED && kind != Kind.DEPLOYMENT) {
            throw new IllegalArgumentException("a progress deadline is a Deployment fault, not a " + kind + " one");
        }
        ledger.inject(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(name, "name"), fault);
    }

    /** The object is reconciled normally again from the next pass on. */
    public void clearFault(Kind kind, String name) {
        ledger.clear(kind, name);
    }

    /**
     * Stops all reconciliation (background and {@link #reconcileNow()}) until {@link #resume()}.
     * When it returns, a pass that was running has finished: no status is written after it.
     */
    public void pause() {
        paused = true;
        passLock.lock();
        passLock.unlock();
    }

    public void resume() {
        paused = false;
    }

    /** How many new statuses the simulator wrote to {@code kind/name} (passes that changed nothing do not count). */
    public int statusWrites(Kind kind, String name) {
        return ledger.statusWrites(kind, name);
    }

    /**
     * The revision {@code kind/name} was last reconciled at successfully: a GitRepository's
     * artifact revision, a Kustomization's applied revision ({@code <branch>@sha1:<sha>});
     * empty before that, and always for Deployments.
     */
    public Optional<String> lastRevision(Kind kind, String name) {
        return ledger.lastRevision(kind, name);
    }

    /**
     * Waits until {@code kind/name} was reconciled at {@code revision} (reconciling in this thread
     * when the simulator was not started).
     *
     * @throws AssertionError when it was not within the timeout, naming the last revision seen
     */
    public void awaitRevision(Kind kind, String name, String revision, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!lastRevision(kind, name).equals(Optional.of(revision))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(kind + " " + namespace + "/" + name + " was not reconciled at revision "
                        + revision + " within " + timeout + "; last revision: " + lastRevision(kind, name).orElse("none")
                        + (paused ? " (the simulator is paused)" : "")
                        + (internalErrors().isEmpty() ? "" : "; simulator errors: " + internalErrors()));
            }
            if (thread == null) {
                pass(false, null, null, true); // a Kustomization needs its source reconciled too
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /**
     * Waits until the background thread has gone through {@code count} more passes (a paused pass
     * counts: it is the moment the controllers would have acted).
     *
     * @param timeout only bounds a wait that would otherwise hang
     */
    public void awaitBackgroundPasses(int count, Duration timeout) {
        if (thread == null) {
            throw new IllegalStateException("the simulator was not started");
        }
        int phase = backgroundPasses.getPhase();
        try {
            for (int i = 0; i < count; i++) {
                phase = backgroundPasses.awaitAdvanceInterruptibly(phase, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the simulated controllers", e);
        } catch (TimeoutException e) {
            throw new AssertionError("the simulator of " + namespace + " made no pass within " + timeout
                    + (internalErrors().isEmpty() ? "" : "; simulator errors: " + internalErrors()));
        }
    }

    /** Unexpected errors of background passes (API server failures, bugs), newest last; empty when all went well. */
    public List<String> internalErrors() {
        return ledger.errors();
    }

    /** Stops the background thread (waiting for a running pass to end); a closed simulator cannot start again. */
    @Override
    public void close() {
        stopping.countDown();
        Thread background = thread;
        if (background != null) {
            try {
                background.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (stopping.getCount() > 0) {
            pass(false, null, null, false);
            backgroundPasses.arrive();
            try {
                if (stopping.await(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * @param force    fetch GitRepositories now
     * @param kind     only objects of this kind, or all when {@code null}
     * @param name     only the object of this name, or all when {@code null}
     * @param rethrow  throw errors (on demand) or keep them (background)
     */
    private void pass(boolean force, Kind kind, String name, boolean rethrow) {
        passLock.lock();
        try {
            if (paused) {
                return;
            }
            for (Kind each : Kind.values()) {
                if (kind != null && kind != each) {
                    continue;
                }
                try {
                    switch (each) {
                        case GIT_REPOSITORY -> sources.reconcile(force, name);
                        case KUSTOMIZATION -> kustomizations.reconcile(name);
                        case DEPLOYMENT -> deployments.reconcile(name);
                    }
                } catch (RuntimeException e) {
                    if (rethrow) {
                        throw e;
                    }
                    ledger.error(each + ": " + e);
                }
            }
        } finally {
            passLock.unlock();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the simulated controllers", e);
        }
    }
}
