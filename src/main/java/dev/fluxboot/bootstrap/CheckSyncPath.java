package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.CLUSTER;

/**
 * Refuses to point an existing Kustomization {@code <ns>/<ns>} at another path: two clusters
 * bootstrapped from one repository must not take over each other's folder by a typo. Checked
 * before anything is committed (the Flux CLI checks only before the sync manifests, after
 * pushing the components to the new path).
 */
final class CheckSyncPath implements Step {

    @Override
    public String name() {
        return "check sync path";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, CLUSTER);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        String namespace = request.namespace();
        Optional<Map<String, Object>> existing = run.get(CLUSTER).get(FluxObjects.KUSTOMIZATION, namespace, namespace);
        if (existing.isEmpty()) {
            return;
        }
        String current = ObjectFields.text(existing.get(), "spec", "path").orElse("");
        SyncTarget target = request.target();
        if (SyncTarget.cleanPath(current).equals(target.path())) {
            return;
        }
        String subject = namespace + "/" + namespace;
        throw new FluxbootException("sync path \"" + target.kustomizationPath() + "\" would overwrite path \""
                + current + "\" of the existing Kustomization " + subject
                + ": this cluster is bootstrapped from \"" + current + "\"; re-run with --path="
                + (SyncTarget.cleanPath(current).isEmpty() ? "." : SyncTarget.cleanPath(current))
                + ", or, to move the cluster to \"" + target.kustomizationPath()
                + "\" deliberately, delete the Kustomization " + subject + " first (kubectl -n " + namespace
                + " delete kustomization " + namespace + ")");
    }
}
