package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;

/** The controller Deployments of every component are available. */
final class WaitForComponents implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "wait for components";
    }

    @Override
    public void run(BootstrapContext context) {
        context.reporter().action("confirming components are healthy");
        InstallRequest install = context.request().install();
        try {
            context.cluster().waitForDeployments(context.namespace(), install.options().allComponents(),
                    context.remaining(), context.reporter());
        } catch (FluxbootException e) {
            throw new FluxbootException(e.getMessage() + "; check 'kubectl -n " + context.namespace()
                    + " get deployments,pods' and the events of the Deployments that are not available", e);
        }
        context.reporter().success("all components are healthy");
    }
}
