package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.INSTALL;

/** Step 9: the controller Deployments available (all failures reported together). */
final class WaitForComponents implements Step {

    @Override
    public String name() {
        return "wait for components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, CLUSTER);
    }

    @Override
    public void run(Run run) {
        run.reporter().action("confirming components are healthy");
        InstallRequest install = run.get(INSTALL);
        try {
            run.get(CLUSTER).waitForDeployments(install.namespace(), install.options().allComponents(),
                    run.remaining(), run.reporter());
        } catch (FluxbootException e) {
            throw new FluxbootException(e.getMessage() + "; check 'kubectl -n " + install.namespace()
                    + " get deployments,pods' and the events of the Deployments that are not available", e);
        }
        run.reporter().success("all components are healthy");
    }
}
