package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.KubernetesVersionRequirement;
import dev.fluxboot.cluster.ObjectPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BUNDLE;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** {@code install --dry-run}: what the install would create or configure; nothing is changed and nothing asked. */
final class PlanInstall implements Step {

    @Override
    public String name() {
        return "plan install";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, BUNDLE, COMPONENTS, CLUSTER);
    }

    @Override
    public void run(Run run) {
        Cluster cluster = run.get(CLUSTER);
        InstallRequest request = run.get(INSTALL);
        KubernetesVersionRequirement.warnIfUnsupported(cluster, run.get(BUNDLE).version(), run.reporter());
        FluxInstallation existing = cluster.inspectFlux();
        if (existing.bootstrapKustomization().isPresent()) {
            throw new FluxbootException("this cluster has already been bootstrapped with "
                    + existing.version().map(v -> "Flux " + v).orElse("Flux")
                    + "! Please use 'fluxboot bootstrap' to upgrade");
        }
        String manager = existing.managedBy().orElse("");
        if (existing.installed() && !manager.isEmpty() && !manager.equals("flux")) {
            run.reporter().warning("Flux in this cluster is managed by " + manager
                    + ": the install would take it over (--force, or a yes at the terminal)");
        }
        run.reporter().action("planning components in " + request.namespace()
                + " namespace (dry run: nothing is changed)");
        List<Map<String, Object>> objects = new ArrayList<>(run.get(COMPONENTS).objects());
        ImagePullSecret.manifest(request).ifPresent(objects::add);
        List<ObjectPlan> plans = cluster.plan(objects);
        run.plan().addObjects(plans);
        long changing = plans.stream().filter(ObjectPlan::changes).count();
        run.reporter().success(changing == 0 ? "dry run: the cluster is up to date"
                : "dry run: " + changing + " objects would change");
    }
}
