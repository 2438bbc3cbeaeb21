package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ResourceType;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.BRANCH;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;

/** Step 9: the GitRepository and the Kustomization reconciled at the pushed revision. */
final class WaitForSync implements Step {

    static final String RECONCILE_REQUEST_ANNOTATION = "reconcile.fluxcd.io/requestedAt";
    private static final String[] ARTIFACT_REVISION = {"status", "artifact", "revision"};
    private static final String[] ATTEMPTED_REVISION = {"status", "lastAttemptedRevision"};

    @Override
    public String name() {
        return "wait for sync";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, CLUSTER, BRANCH, CREDENTIALS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        Cluster cluster = run.get(CLUSTER);
        String namespace = request.namespace();
        SyncTarget target = request.target();
        String head = run.get(BRANCH).head().orElseThrow(() -> new IllegalStateException("nothing was pushed"));
        PushedRevision revision = new PushedRevision(run.get(BRANCH), head);
        String subject = namespace + "/" + namespace;
        // As flux bootstrap does: ask both controllers to reconcile now, rather than wait for their
        // interval, and judge failures only from the reconciliation that this request started.
        String requestedAt = alreadyReconciled(cluster, namespace, revision) ? null
                : requestReconciliation(run, cluster, namespace);

        run.reporter().waiting("waiting for GitRepository \"" + subject + "\" to be reconciled");
        ReadinessWait.await(run, cluster, ReadinessWait.Target.of(FluxObjects.GIT_REPOSITORY, namespace, namespace)
                .revisionAt(ARTIFACT_REVISION)
                .requestedAt(requestedAt)
                .hint("check that source-controller can fetch " + run.get(CREDENTIALS).syncUrl() + " with the Secret "
                        + namespace + "/" + target.secretName() + " (key access, known_hosts, token) and see "
                        + "'kubectl -n " + namespace + " describe gitrepository " + namespace
                        + "' and the source-controller logs")
                .build(), revision);
        run.reporter().success("GitRepository reconciled successfully");

        run.reporter().waiting("waiting for Kustomization \"" + subject + "\" to be reconciled");
        ReadinessWait.await(run, cluster, ReadinessWait.Target.of(FluxObjects.KUSTOMIZATION, namespace, namespace)
                .revisionAt(ATTEMPTED_REVISION)
                .generationMustBeSeen()
                .failureMustBeAtRevision()
                .requestedAt(requestedAt)
                .hint("check the manifests under " + target.kustomizationPath() + " of branch \"" + target.branch()
                        + "\" and see 'kubectl -n " + namespace + " describe kustomization " + namespace
                        + "' and the kustomize-controller logs")
                .build(), revision);
        run.reporter().success("Kustomization reconciled successfully");
    }

    /** A no-op re-run changes nothing in the cluster: no request when both are already there. */
    private static boolean alreadyReconciled(Cluster cluster, String namespace, PushedRevision revision) {
        return ReadinessWait.readyAt(cluster.get(FluxObjects.GIT_REPOSITORY, namespace, namespace), ARTIFACT_REVISION,
                revision)
                && ReadinessWait.readyAt(cluster.get(FluxObjects.KUSTOMIZATION, namespace, namespace),
                ATTEMPTED_REVISION, revision);
    }

    private static String requestReconciliation(Run run, Cluster cluster, String namespace) {
        // Flux writes the request as RFC 3339 with nanoseconds; controllers compare it as text.
        String requestedAt = DateTimeFormatter.ISO_INSTANT.format(run.clock().instant());
        for (ResourceType type : List.of(FluxObjects.GIT_REPOSITORY, FluxObjects.KUSTOMIZATION)) {
            cluster.annotate(type, namespace, namespace, Map.of(RECONCILE_REQUEST_ANNOTATION, requestedAt));
        }
        return requestedAt;
    }
}
