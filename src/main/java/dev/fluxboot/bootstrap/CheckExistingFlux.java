package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.KubernetesVersionRequirement;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BUNDLE;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** {@code install}: a bootstrapped cluster is upgraded through Git, not here; another tool's Flux is taken over only when allowed. */
final class CheckExistingFlux implements Step {

    @Override
    public String name() {
        return "check existing flux";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, BUNDLE, CLUSTER);
    }

    @Override
    public void run(Run run) {
        Cluster cluster = run.get(CLUSTER);
        InstallRequest request = run.get(INSTALL);
        cluster.requireLiveNamespace(request.namespace());
        // check --pre: a Kubernetes older than the Flux release supports is a warning, not a stop.
        KubernetesVersionRequirement.warnIfUnsupported(cluster, run.get(BUNDLE).version(), run.reporter());
        run.reporter().action("installing components in " + request.namespace() + " namespace");
        FluxInstallation existing = cluster.inspectFlux();
        if (!existing.installed()) {
            return;
        }
        String flux = existing.version().map(v -> "Flux " + v).orElse("Flux");
        if (existing.bootstrapKustomization().isPresent()) {
            throw new FluxbootException("this cluster has already been bootstrapped with " + flux
                    + "! Please use 'fluxboot bootstrap' to upgrade");
        }
        FluxTakeover.confirm(existing, request.force(), run.reporter(), run.prompter(), "installation");
    }
}
