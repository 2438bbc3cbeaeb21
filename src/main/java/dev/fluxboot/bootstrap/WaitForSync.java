package dev.fluxboot.bootstrap;

/**
 * Waits until source-controller has fetched the pushed revision ({@code <branch>@sha1:<sha>}) into
 * the GitRepository, then until kustomize-controller has applied it through the Kustomization.
 */
final class WaitForSync implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "wait for sync";
    }

    @Override
    public void run(BootstrapContext context) {
        String namespace = context.namespace();
        SyncTarget target = context.request().target();
        String head = context.branch().head().orElseThrow(() -> new IllegalStateException("nothing was pushed"));
        String revision = target.branch() + "@sha1:" + head;
        String subject = namespace + "/" + namespace;
        // As flux bootstrap does: ask both controllers to reconcile now, rather than wait for their
        // interval, and judge failures only from the reconciliation that this request started.
        String requestedAt = alreadyReconciled(context, namespace, revision) ? null
                : requestReconciliation(context, namespace);

        context.reporter().waiting("waiting for GitRepository \"" + subject + "\" to be reconciled");
        ReadinessWait.await(context, new ReadinessWait.Target(FluxObjects.GIT_REPOSITORY,
                namespace, namespace, new String[] {"status", "artifact", "revision"}, false,
                "check that source-controller can fetch " + context.credentials().syncUrl() + " with the Secret "
                        + namespace + "/" + target.secretName() + " (key access, known_hosts, token) and see "
                        + "'kubectl -n " + namespace + " describe gitrepository " + namespace
                        + "' and the source-controller logs", requestedAt, false), revision);
        context.reporter().success("GitRepository reconciled successfully");

        context.reporter().waiting("waiting for Kustomization \"" + subject + "\" to be reconciled");
        ReadinessWait.await(context, new ReadinessWait.Target(FluxObjects.KUSTOMIZATION,
                namespace, namespace, new String[] {"status", "lastAttemptedRevision"}, true,
                "check the manifests under " + target.kustomizationPath() + " of branch \"" + target.branch()
                        + "\" and see 'kubectl -n " + namespace + " describe kustomization " + namespace
                        + "' and the kustomize-controller logs", requestedAt, true), revision);
        context.reporter().success("Kustomization reconciled successfully");
    }

    static final String RECONCILE_REQUEST_ANNOTATION = "reconcile.fluxcd.io/requestedAt";

    /** A no-op re-run changes nothing in the cluster: no request when both are already there. */
    private static boolean alreadyReconciled(BootstrapContext context, String namespace, String revision) {
        return ReadinessWait.readyAt(context.cluster().get(FluxObjects.GIT_REPOSITORY, namespace, namespace),
                new String[] {"status", "artifact", "revision"}, revision)
                && ReadinessWait.readyAt(context.cluster().get(FluxObjects.KUSTOMIZATION, namespace, namespace),
                new String[] {"status", "lastAttemptedRevision"}, revision);
    }

    private static String requestReconciliation(BootstrapContext context, String namespace) {
        // Flux writes the request as RFC 3339 with nanoseconds; controllers compare it as text.
        String requestedAt = java.time.format.DateTimeFormatter.ISO_INSTANT.format(context.clock().instant());
        for (var type : java.util.List.of(FluxObjects.GIT_REPOSITORY, FluxObjects.KUSTOMIZATION)) {
            context.cluster().annotate(type, namespace, namespace,
                    java.util.Map.of(RECONCILE_REQUEST_ANNOTATION, requestedAt));
        }
        return requestedAt;
    }
}
