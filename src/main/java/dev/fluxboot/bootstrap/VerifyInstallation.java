package dev.fluxboot.bootstrap;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** {@code install}: the controller Deployments available. */
final class VerifyInstallation implements Step {

    @Override
    public String name() {
        return "verify installation";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, CLUSTER);
    }

    @Override
    public void run(Run run) {
        run.reporter().waiting("verifying installation");
        InstallRequest request = run.get(INSTALL);
        run.get(CLUSTER).waitForDeployments(request.namespace(), request.options().allComponents(), run.remaining(),
                run.reporter());
        run.reporter().success("install finished");
    }
}
