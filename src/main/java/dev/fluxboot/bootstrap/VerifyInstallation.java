package dev.fluxboot.bootstrap;

/** Waits for the component Deployments to become available, then says the install finished. */
final class VerifyInstallation implements Step<InstallContext> {

    @Override
    public String name() {
        return "verify installation";
    }

    @Override
    public void run(InstallContext context) {
        context.reporter().waiting("verifying installation");
        InstallRequest request = context.request();
        context.cluster().waitForDeployments(request.namespace(), request.options().allComponents(),
                context.remaining(), context.reporter());
        context.reporter().success("install finished");
    }
}
