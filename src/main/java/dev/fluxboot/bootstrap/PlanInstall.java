package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.KubernetesVersionRequirement;
import dev.fluxboot.cluster.ObjectPlan;
import dev.fluxboot.cluster.SecretManifest;
import dev.fluxboot.manifests.overlay.InstallOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code install --dry-run}: the checks of {@link CheckExistingFlux} without asking anything (a
 * takeover is a warning), then the objects apply would create or configure (server-side dry
 * run), the image pull secret among them with its keys only.
 */
final class PlanInstall implements Step<InstallContext> {

    @Override
    public String name() {
        return "plan install";
    }

    @Override
    public void run(InstallContext context) {
        KubernetesVersionRequirement.warnIfUnsupported(context.cluster(), context.bundle().version(), context.reporter());
        FluxInstallation existing = context.cluster().inspectFlux();
        if (existing.bootstrapKustomization().isPresent()) {
            throw new FluxbootException("this cluster has already been bootstrapped with "
                    + existing.version().map(v -> "Flux " + v).orElse("Flux")
                    + "! Please use 'fluxboot bootstrap' to upgrade");
        }
        String manager = existing.managedBy().orElse("");
        if (existing.installed() && !manager.isEmpty() && !manager.equals("flux")) {
            context.reporter().warning("Flux in this cluster is managed by " + manager
                    + ": the install would take it over (--force, or a yes at the terminal)");
        }
        context.reporter().action("planning components in " + context.request().namespace()
                + " namespace (dry run: nothing is changed)");
        List<Map<String, Object>> objects = new ArrayList<>(context.components().objects());
        InstallRequest request = context.request();
        InstallOptions options = request.options();
        request.registryCredentials().ifPresent(credentials -> objects.add(SecretManifest.of(options.namespace(),
                options.imagePullSecret(), ApplyImagePullSecret.TYPE,
                Map.of(ApplyImagePullSecret.KEY, credentials.dockerConfigJson(options.registry())))));
        List<ObjectPlan> plans = context.cluster().plan(objects);
        context.pending().reportObjects(plans, context.reporter());
        long changing = plans.stream().filter(ObjectPlan::changes).count();
        context.reporter().success(changing == 0 ? "dry run: the cluster is up to date"
                : "dry run: " + changing + " objects would change");
    }
}
