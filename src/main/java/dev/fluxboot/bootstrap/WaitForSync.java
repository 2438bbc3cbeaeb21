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

        context.reporter().waiting("waiting for GitRepository \"" + subject + "\" to be reconciled");
        ReadinessWait.await(context, new ReadinessWait.Target(FluxObjects.GIT_REPOSITORY,
                namespace, namespace, new String[] {"status", "artifact", "revision"}, false,
                "check that source-controller can fetch " + context.credentials().syncUrl() + " with the Secret "
                        + namespace + "/" + target.secretName() + " (key access, known_hosts, token) and see "
                        + "'kubectl -n " + namespace + " describe gitrepository " + namespace
                        + "' and the source-controller logs"), revision);
        context.reporter().success("GitRepository reconciled successfully");

        context.reporter().waiting("waiting for Kustomization \"" + subject + "\" to be reconciled");
        ReadinessWait.await(context, new ReadinessWait.Target(FluxObjects.KUSTOMIZATION,
                namespace, namespace, new String[] {"status", "lastAttemptedRevision"}, true,
                "check the manifests under " + target.kustomizationPath() + " of branch \"" + target.branch()
                        + "\" and see 'kubectl -n " + namespace + " describe kustomization " + namespace
                        + "' and the kustomize-controller logs"), revision);
        context.reporter().success("Kustomization reconciled successfully");
    }
}
